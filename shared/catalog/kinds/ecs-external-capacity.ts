import { z } from 'zod';
import { AWS_COLORS, operatingSystemFamily } from '../common';
import { defineKind } from '../types';

export const ecsExternalCapacity = defineKind({
  id: 'ecs-external-capacity',
  traits: { capacity: { platform: 'ecs', compute: 'external' } },
  label: 'External capacity (ECS Anywhere)',
  category: 'ecs',
  order: 40,
  description: 'On-premises servers or VMs registered with the cluster through ECS Anywhere (the EXTERNAL launch type).',
  learn: {
    what: 'Your own servers or virtual machines outside AWS, registered with the cluster through ECS Anywhere. ECS runs tasks on them as on any instance.',
    when: 'Choose it when containers must run on premises, near your data or hardware, but you want to manage them with ECS.',
  },
  defaultLabel: 'On-premises',
  keywords: ['ecs anywhere', 'external', 'on premises', 'hybrid', 'launch type'],
  icon: 'architecture-service/AmazonECSAnywhere',
  appearance: { color: AWS_COLORS.generic, dashed: true },
  props: z.strictObject({
    instanceCount: z.number().int().min(0).max(10000).default(2).meta({ title: 'Registered instances' }),
    operatingSystemFamily: operatingSystemFamily(),
  }),
  size: { width: 320, height: 260 },
  group: { contains: [{ workload: { platform: 'ecs' } }] },
  connections: [],
  summary: (props) => `${props.instanceCount} external instances`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html',
  sample: { in: { cluster: { platform: 'ecs' } } },
});
