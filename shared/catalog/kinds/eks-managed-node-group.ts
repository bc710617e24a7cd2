import { z } from 'zod';
import { AWS_COLORS, instanceTypeList } from '../common';
import { inSubnet } from '../connections';
import { defineKind } from '../types';

export const EKS_AMI_TYPES = [
  'AL2023_x86_64_STANDARD',
  'AL2023_ARM_64_STANDARD',
  'AL2023_x86_64_NVIDIA',
  'BOTTLEROCKET_x86_64',
  'BOTTLEROCKET_ARM_64',
  'WINDOWS_CORE_2022_x86_64',
  'WINDOWS_FULL_2022_x86_64',
] as const;

export const eksManagedNodeGroup = defineKind({
  id: 'eks-managed-node-group',
  traits: {
    capacity: { platform: 'kubernetes', compute: 'ec2' },
    sizeBounds: { min: 'minSize', max: 'maxSize', desired: 'desiredSize', unit: 'nodes' },
  },
  label: 'Managed node group',
  category: 'eks',
  order: 20,
  description: 'EC2 nodes whose lifecycle EKS manages. Pods placed inside run on these nodes.',
  learn: {
    what: 'EC2 instances for the cluster that EKS launches, updates and replaces for you. Pods run on these nodes.',
    when: 'Choose it as the usual way to add nodes to EKS; use self-managed nodes only for needs it does not cover.',
  },
  defaultLabel: 'nodes',
  keywords: ['node group', 'nodegroup', 'ec2', 'workers', 'managed nodes'],
  icon: 'resource/AmazonEC2Instances',
  appearance: { color: AWS_COLORS.compute, dashed: true },
  props: z.strictObject({
    instanceTypes: instanceTypeList('m6i.large'),
    amiType: z.enum(EKS_AMI_TYPES).default('AL2023_x86_64_STANDARD').meta({ title: 'AMI type' }),
    capacityType: z.enum(['ON_DEMAND', 'SPOT']).default('ON_DEMAND').meta({ title: 'Capacity type' }),
    minSize: z.number().int().min(0).max(1000).default(1).meta({ title: 'Minimum nodes' }),
    maxSize: z.number().int().min(1).max(1000).default(4).meta({ title: 'Maximum nodes' }),
    desiredSize: z.number().int().min(0).max(1000).default(2).meta({ title: 'Desired nodes' }),
  }),
  size: { width: 320, height: 260 },
  group: { contains: [{ workload: { platform: 'kubernetes' } }] },
  connections: [inSubnet('in subnet', 'Nodes are launched in this subnet.')],
  summary: (props) => `${props.instanceTypes} · ${props.minSize}–${props.maxSize}${props.capacityType === 'SPOT' ? ' · spot' : ''}`,
  docsUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html',
  sample: { in: { cluster: { platform: 'kubernetes' } } },
});
