import { z } from 'zod';
import { AWS_COLORS, instanceType } from '../common';
import { inSubnet } from '../connections';
import { defineKind } from '../types';

export const eksSelfManagedNodes = defineKind({
  id: 'eks-self-managed-nodes',
  traits: {
    capacity: { platform: 'kubernetes', compute: 'ec2' },
    sizeBounds: { min: 'minSize', max: 'maxSize', desired: 'desiredCapacity', unit: 'nodes' },
  },
  label: 'Self-managed nodes',
  category: 'eks',
  order: 30,
  description: 'An Auto Scaling group of EC2 nodes that you manage, joined to the cluster.',
  learn: {
    what: 'An EC2 Auto Scaling group that you create and look after, whose instances join the cluster as nodes. You choose the machine image and run the upgrades yourself.',
    when: 'Choose it only when managed node groups cannot do what you need, such as a custom machine image or special start-up settings.',
  },
  defaultLabel: 'self-managed nodes',
  keywords: ['self managed', 'auto scaling group', 'asg', 'ec2', 'workers'],
  icon: 'resource/AmazonEC2AutoScaling',
  appearance: { color: AWS_COLORS.compute, dashed: true },
  props: z.strictObject({
    instanceType: instanceType('m6i.large'),
    operatingSystem: z.enum(['linux', 'windows']).default('linux').meta({ title: 'Operating system' }),
    cpuArchitecture: z.enum(['amd64', 'arm64']).default('amd64').meta({ title: 'CPU architecture' }),
    minSize: z.number().int().min(0).max(1000).default(1).meta({ title: 'Minimum nodes' }),
    maxSize: z.number().int().min(0).max(1000).default(4).meta({ title: 'Maximum nodes' }),
    desiredCapacity: z.number().int().min(0).max(1000).nullable().default(null).meta({ title: 'Desired nodes' }),
  }),
  size: { width: 320, height: 260 },
  group: { contains: [{ workload: { platform: 'kubernetes' } }] },
  connections: [inSubnet('in subnet', 'Nodes are launched in this subnet.')],
  summary: (props) => `${props.instanceType} · ${props.operatingSystem} · ${props.minSize}–${props.maxSize}`,
  docsUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/worker.html',
  sample: { in: { cluster: { platform: 'kubernetes' } } },
});
