import type { EntryCheckId } from '../entry-checks';
import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE, formatTaskSize, taskDefinitionShape } from '../common';
import { inSubnet, mountsEfs, pullsImage, runsOnEcsCapacity } from '../connections';
import { defineKind } from '../types';

export const ecsTask = defineKind({
  id: 'ecs-task',
  traits: { workload: { platform: 'ecs' } },
  label: 'ECS task (standalone / scheduled)',
  category: 'ecs',
  order: 60,
  description: 'A task run on its own (RunTask) or on a schedule through EventBridge, for batch jobs and one-off work.',
  learn: {
    what: 'One run of a task definition: one or more containers started together, which stop when their work is done. It can be started by hand or on a schedule.',
    when: 'Use it for batch jobs, database migrations and scheduled work. For something that must keep running, use a service.',
  },
  defaultLabel: 'job',
  keywords: ['ecs', 'task', 'run task', 'scheduled task', 'batch', 'cron', 'job'],
  icon: 'resource/AmazonElasticContainerServiceTask',
  appearance: { color: AWS_COLORS.containers },
  props: z.strictObject({
    schedule: z
      .string()
      .max(256)
      .regex(/^$|^(rate|cron|at)\(.+\)$/, 'Use an EventBridge expression such as rate(1 hour) or cron(0 8 * * ? *), or leave it empty.')
      .default('')
      .meta({
        title: 'Schedule',
        description: 'EventBridge expression such as rate(1 hour). Empty: run on demand.',
        entry: 'eventbridge-schedule' satisfies EntryCheckId,
      }),
    count: z.number().int().min(1).max(10).default(1).meta({ title: 'Tasks per run' }),
    ...taskDefinitionShape(),
  }),
  size: LEAF_SIZE,
  connections: [
    pullsImage,
    mountsEfs,
    runsOnEcsCapacity,
    inSubnet('in subnet', 'The tasks get network interfaces in this subnet (awsvpc).'),
  ],
  summary: (props) => `${props.schedule || 'on demand'} · ${formatTaskSize(props.cpu, props.memory)}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/standalone-tasks.html',
  sample: { in: { capacity: { platform: 'ecs', compute: 'fargate' } }, connects: [{ imageSource: { registry: 'docker-hub' } }] },
});
