import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { defineKind } from '../types';

const targetTracking = z.strictObject({
  type: z.literal('target-tracking'),
  metric: z
    .enum(['ASGAverageCPUUtilization', 'ASGAverageNetworkIn', 'ASGAverageNetworkOut'])
    .default('ASGAverageCPUUtilization')
    .meta({ title: 'Metric' }),
  targetValue: z.number().min(0.1).max(1e12).default(60).meta({ title: 'Target value' }),
});

const scheduled = z.strictObject({
  type: z.literal('scheduled'),
  schedule: z
    .string()
    .regex(/^\S+ \S+ \S+ \S+ \S+$/, 'Use a five-field cron expression such as 0 8 * * 1-5.')
    .default('0 8 * * 1-5')
    .meta({ title: 'Schedule (cron, UTC)' }),
  minSize: z.number().int().min(0).max(10000).default(2).meta({ title: 'Minimum instances' }),
  maxSize: z.number().int().min(0).max(10000).default(8).meta({ title: 'Maximum instances' }),
});

export const ec2AutoScaling = defineKind({
  id: 'ec2-auto-scaling',
  traits: { scaler: true, regional: true, scheduledActionBounds: { min: 'minSize', max: 'maxSize', unit: 'instances' } },
  label: 'EC2 Auto Scaling policy',
  category: 'scaling',
  order: 20,
  description: 'Scaling policies on the Auto Scaling group behind EC2 capacity or Kubernetes nodes (target tracking or scheduled).',
  learn: {
    what: 'Scaling policies for an EC2 Auto Scaling group: they add or remove instances as the load changes (target tracking) or at set times (scheduled).',
    when: "Use it for Kubernetes nodes or EC2 capacity you scale yourself. For ECS on EC2, the capacity provider's managed scaling is usually simpler: ECS adds instances when tasks need room.",
  },
  defaultLabel: 'instance scaling',
  keywords: ['ec2 auto scaling', 'asg', 'instances', 'scale', 'capacity', 'nodes'],
  icon: 'architecture-service/AmazonEC2AutoScaling',
  appearance: { color: AWS_COLORS.compute },
  props: z.strictObject({
    policies: z
      .array(z.discriminatedUnion('type', [targetTracking, scheduled]))
      .max(50)
      // A function default: every node gets its own policy object rather than sharing one.
      .default(() => [{ type: 'target-tracking' as const, metric: 'ASGAverageCPUUtilization' as const, targetValue: 60 }])
      .meta({ title: 'Policies' }),
  }),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'scales',
      to: [{ capacity: { compute: 'ec2' } }],
      label: 'scales',
      description: 'Adds or removes instances in this Auto Scaling group.',
    },
  ],
  summary: (props) => `${props.policies.length} ${props.policies.length === 1 ? 'policy' : 'policies'}`,
  docsUrl: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scale-based-on-demand.html',
  sample: { connects: [{ capacity: { platform: 'ecs', compute: 'ec2' } }] },
});
