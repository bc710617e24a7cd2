import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { defineKind } from '../types';

export const SERVICE_SCALING_METRICS = [
  'ECSServiceAverageCPUUtilization',
  'ECSServiceAverageMemoryUtilization',
  'ALBRequestCountPerTarget',
] as const;

const targetTracking = z.strictObject({
  type: z.literal('target-tracking'),
  metric: z.enum(SERVICE_SCALING_METRICS).default('ECSServiceAverageCPUUtilization').meta({ title: 'Metric' }),
  targetValue: z.number().min(0.1).max(100000).default(70).meta({ title: 'Target value' }),
  scaleInCooldown: z.number().int().min(0).max(86400).default(300).meta({ title: 'Scale-in cooldown', unit: 's' }),
  scaleOutCooldown: z.number().int().min(0).max(86400).default(60).meta({ title: 'Scale-out cooldown', unit: 's' }),
});

const stepScaling = z.strictObject({
  type: z.literal('step'),
  metric: z.enum(['CPUUtilization', 'MemoryUtilization']).default('CPUUtilization').meta({ title: 'Metric' }),
  scaleOutAbove: z.number().min(0).max(100).default(80).meta({ title: 'Scale out above', unit: '%' }),
  scaleInBelow: z.number().min(0).max(100).default(20).meta({ title: 'Scale in below', unit: '%' }),
  adjustment: z.number().int().min(1).max(1000).default(1).meta({ title: 'Tasks added or removed' }),
});

const scheduled = z.strictObject({
  type: z.literal('scheduled'),
  schedule: z
    .string()
    .regex(/^(rate|cron|at)\(.+\)$/, 'Use an expression such as cron(0 8 * * ? *).')
    .default('cron(0 8 * * ? *)')
    .meta({ title: 'Schedule' }),
  minCapacity: z.number().int().min(0).max(10000).default(2).meta({ title: 'Minimum tasks' }),
  maxCapacity: z.number().int().min(0).max(10000).default(10).meta({ title: 'Maximum tasks' }),
});

export const serviceAutoScaling = defineKind({
  id: 'service-auto-scaling',
  traits: {
    scaler: true,
    regional: true,
    sizeBounds: { min: 'minCapacity', max: 'maxCapacity', unit: 'tasks' },
    scheduledActionBounds: { min: 'minCapacity', max: 'maxCapacity', unit: 'tasks' },
  },
  label: 'Service auto scaling',
  category: 'scaling',
  order: 10,
  description:
    'Application Auto Scaling for an ECS service: target tracking, step or scheduled policies between a minimum and maximum task count.',
  learn: {
    what: 'Application Auto Scaling for an ECS service: it changes the number of tasks by following a metric (CPU, memory, ALB requests per target), in steps when an alarm fires, or on a schedule.',
    when: 'Add it to services whose load changes. Target tracking on CPU, or on requests per target behind an ALB, is the easiest start.',
  },
  defaultLabel: 'scaling',
  keywords: ['application auto scaling', 'target tracking', 'step scaling', 'scheduled scaling', 'scale', 'cpu', 'memory', 'request count'],
  icon: 'architecture-service/AWSApplicationAutoScaling',
  appearance: { color: AWS_COLORS.management },
  props: z.strictObject({
    minCapacity: z.number().int().min(0).max(10000).default(1).meta({ title: 'Minimum tasks' }),
    maxCapacity: z.number().int().min(0).max(10000).default(4).meta({ title: 'Maximum tasks' }),
    policies: z
      .array(z.discriminatedUnion('type', [targetTracking, stepScaling, scheduled]))
      .max(50)
      // A function default: every node gets its own policy object rather than sharing one.
      .default(() => [
        {
          type: 'target-tracking' as const,
          metric: 'ECSServiceAverageCPUUtilization' as const,
          targetValue: 70,
          scaleInCooldown: 300,
          scaleOutCooldown: 60,
        },
      ])
      .meta({ title: 'Policies' }),
  }),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'scales',
      to: [{ workload: { platform: 'ecs', longRunning: true } }],
      label: 'scales',
      description: "Adjusts this service's desired task count.",
    },
  ],
  summary: (props) =>
    `${props.minCapacity}–${props.maxCapacity} tasks · ${props.policies.length} ${props.policies.length === 1 ? 'policy' : 'policies'}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html',
  sample: { connects: [{ workload: { platform: 'ecs', longRunning: true } }] },
});
