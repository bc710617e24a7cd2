import { z } from 'zod';
import { AWS_COLORS, capacityProviderStrategy } from '../common';
import { defineKind } from '../types';

export const ecsCluster = defineKind({
  id: 'ecs-cluster',
  traits: { cluster: { platform: 'ecs' }, vpc: 'attached', regional: true },
  label: 'ECS cluster',
  category: 'ecs',
  order: 10,
  description: 'An Amazon ECS cluster. Put capacity (Fargate, EC2, External) inside it, and services or tasks inside the capacity.',
  learn: {
    what: 'A group of the compute that runs your ECS tasks. It holds the capacity (Fargate, EC2 instances or your own servers) and the services placed on it.',
    when: 'Start every ECS design with one. Teams often use one cluster per environment, such as test and production.',
  },
  defaultLabel: 'cluster',
  keywords: ['elastic container service', 'ecs'],
  icon: 'architecture-service/AmazonElasticContainerService',
  appearance: { color: AWS_COLORS.containers, fill: 'rgba(237, 113, 0, 0.04)' },
  props: z.strictObject({
    containerInsights: z.enum(['disabled', 'enabled', 'enhanced']).default('enabled').meta({ title: 'Container Insights' }),
    defaultCapacityProviderStrategy: capacityProviderStrategy('Default capacity provider strategy'),
  }),
  size: { width: 720, height: 420 },
  group: {
    contains: [{ capacity: { platform: 'ecs' } }, { workload: { platform: 'ecs' } }, { scaler: true }],
  },
  connections: [],
  summary: (props) => `Container Insights ${props.containerInsights}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html',
  sample: { in: { network: 'vpc' } },
});
