import { z } from 'zod';
import { AWS_COLORS } from '../common';
import { inSubnet } from '../connections';
import { defineKind } from '../types';

export const eksCluster = defineKind({
  id: 'eks-cluster',
  traits: { cluster: { platform: 'kubernetes' }, vpc: 'attached', regional: true },
  label: 'EKS cluster',
  category: 'eks',
  order: 10,
  description: 'An Amazon EKS cluster. Put node groups, self-managed nodes and Fargate profiles inside it, and workloads inside those.',
  learn: {
    what: 'A Kubernetes cluster whose control plane AWS runs for you. You add compute (node groups, self-managed nodes or Fargate) and deploy pods with Kubernetes tools.',
    when: 'Choose EKS when your team uses Kubernetes or needs its tools; ECS is simpler when you only need to run containers on AWS.',
  },
  defaultLabel: 'eks',
  keywords: ['kubernetes', 'k8s', 'elastic kubernetes service', 'eks'],
  icon: 'architecture-service/AmazonElasticKubernetesService',
  appearance: { color: AWS_COLORS.containers, fill: 'rgba(237, 113, 0, 0.04)' },
  props: z.strictObject({
    kubernetesVersion: z.enum(['1.29', '1.30', '1.31', '1.32', '1.33', '1.34']).default('1.33').meta({ title: 'Kubernetes version' }),
    endpointAccess: z
      .enum(['PUBLIC_AND_PRIVATE', 'PUBLIC', 'PRIVATE'])
      .default('PUBLIC_AND_PRIVATE')
      .meta({ title: 'API endpoint access' }),
    awsLoadBalancerController: z.boolean().default(true).meta({
      title: 'AWS Load Balancer Controller',
      description: 'Installed in the cluster; it creates ALBs for Ingresses and NLBs in IP mode.',
    }),
  }),
  size: { width: 720, height: 420 },
  group: {
    contains: [{ capacity: { platform: 'kubernetes' } }, { workload: { platform: 'kubernetes' } }],
  },
  connections: [inSubnet('in subnet', 'The cluster control plane places its network interfaces in this subnet.')],
  summary: (props) => `Kubernetes ${props.kubernetesVersion}`,
  docsUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/clusters.html',
  sample: { in: { network: 'vpc' }, connects: [{ network: 'subnet' }] },
});
