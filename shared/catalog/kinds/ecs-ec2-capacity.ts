import { z } from 'zod';
import { AWS_COLORS, instanceType } from '../common';
import { inSubnet } from '../connections';
import { defineKind } from '../types';

export const ECS_AMI_FAMILIES = [
  'AL2023_X86_64',
  'AL2023_ARM64',
  'AL2023_X86_64_GPU',
  'BOTTLEROCKET_X86_64',
  'BOTTLEROCKET_ARM64',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
] as const;

export const ecsEc2Capacity = defineKind({
  id: 'ecs-ec2-capacity',
  traits: {
    capacity: { platform: 'ecs', compute: 'ec2' },
    sizeBounds: { min: 'minSize', max: 'maxSize', desired: 'desiredCapacity', unit: 'instances' },
  },
  label: 'EC2 capacity (ASG)',
  category: 'ecs',
  order: 30,
  description:
    'An Auto Scaling group of ECS-optimized instances running the ECS agent, registered as a cluster capacity provider (managed scaling on or off) or used with the EC2 launch type.',
  learn: {
    what: 'EC2 instances you run for the cluster, in an Auto Scaling group. Each instance runs the ECS agent, which registers it in the cluster; as a capacity provider, ECS grows and shrinks the group for you.',
    when: 'Choose EC2 when you need GPUs, particular instance types, daemon tasks or the lowest price at a steady high load, and are ready to look after the instances.',
  },
  defaultLabel: 'EC2 capacity',
  keywords: ['ec2', 'auto scaling group', 'asg', 'capacity provider', 'instances', 'launch type', 'container instances'],
  icon: 'architecture-group/AutoScalinggroup',
  appearance: { color: AWS_COLORS.compute, dashed: true },
  props: z.strictObject({
    instanceType: instanceType('m6i.large'),
    amiFamily: z.enum(ECS_AMI_FAMILIES).default('AL2023_X86_64').meta({ title: 'ECS-optimized AMI' }),
    minSize: z.number().int().min(0).max(10000).default(1).meta({ title: 'Minimum instances' }),
    maxSize: z.number().int().min(0).max(10000).default(4).meta({ title: 'Maximum instances' }),
    desiredCapacity: z
      .number()
      .int()
      .min(0)
      .max(10000)
      .nullable()
      .default(null)
      .meta({ title: 'Desired instances', description: 'Leave empty with managed scaling; ECS sets it.' }),
    capacityProvider: z
      .boolean()
      .default(true)
      .meta({ title: 'Register as capacity provider', description: 'Off: tasks use the EC2 launch type on these instances.' }),
    managedScaling: z.boolean().default(true).meta({ title: 'Managed scaling' }),
    targetCapacityPercent: z.number().int().min(1).max(100).default(100).meta({ title: 'Target capacity', unit: '%' }),
    managedTerminationProtection: z.boolean().default(false).meta({ title: 'Managed termination protection' }),
    instanceWeighting: z
      .boolean()
      .default(false)
      .meta({ title: 'Instance weighting', description: 'Weighted instance types in the ASG (capacity providers do not support it).' }),
    spotInstances: z.boolean().default(false).meta({ title: 'Spot instances' }),
  }),
  size: { width: 320, height: 260 },
  group: { contains: [{ workload: { platform: 'ecs' } }] },
  connections: [inSubnet('in subnet', 'The Auto Scaling group launches instances in this subnet.')],
  summary: (props) =>
    `${props.instanceType} · ${props.minSize}–${props.maxSize}${props.capacityProvider ? (props.managedScaling ? ' · managed scaling' : ' · CP') : ''}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html',
  sample: { in: { cluster: { platform: 'ecs' } }, connects: [{ network: 'subnet' }] },
});
