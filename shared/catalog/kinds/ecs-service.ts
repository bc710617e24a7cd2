import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE, formatTaskSize, maxPercent, minHealthyPercent, taskDefinitionShape } from '../common';
import { inSubnet, mountsEfs, pullsImage, runsOnEcsCapacity } from '../connections';
import { defineKind } from '../types';

export const ecsService = defineKind({
  id: 'ecs-service',
  traits: { workload: { platform: 'ecs', longRunning: true } },
  label: 'ECS service',
  category: 'ecs',
  order: 50,
  description: 'Keeps a number of copies of a task running, behind a load balancer if you connect one.',
  learn: {
    what: 'Keeps a set number of copies (tasks) of your application running, replaces any that stop, and registers them with a load balancer.',
    when: 'Use it for anything that runs all the time: websites, APIs, workers. For a job that runs and ends, use a task instead.',
  },
  defaultLabel: 'web',
  keywords: ['ecs', 'service', 'task definition', 'container', 'fargate service', 'ec2 service'],
  icon: 'resource/AmazonElasticContainerServiceService',
  appearance: { color: AWS_COLORS.containers },
  props: z.strictObject({
    desiredCount: z.number().int().min(0).max(10000).default(2).meta({ title: 'Desired tasks' }),
    schedulingStrategy: z
      .enum(['REPLICA', 'DAEMON'])
      .default('REPLICA')
      .meta({ title: 'Scheduling strategy', description: 'DAEMON runs one task on every container instance.' }),
    ...taskDefinitionShape(),
    deploymentController: z.enum(['ECS', 'CODE_DEPLOY', 'EXTERNAL']).default('ECS').meta({ title: 'Deployment controller' }),
    minimumHealthyPercent: minHealthyPercent(),
    maximumPercent: maxPercent(),
    healthCheckGracePeriod: z.number().int().min(0).max(2147483647).default(60).meta({
      title: 'Health-check grace period (s)',
      description:
        'How long ECS ignores failing load balancer health checks of a new task. Used when a load balancer routes to the service.',
    }),
  }),
  size: LEAF_SIZE,
  connections: [
    pullsImage,
    mountsEfs,
    runsOnEcsCapacity,
    inSubnet('in subnet', "The service's tasks get network interfaces in this subnet (awsvpc)."),
  ],
  summary: (props) =>
    `${props.schedulingStrategy === 'DAEMON' ? 'daemon' : `${props.desiredCount} ${props.desiredCount === 1 ? 'task' : 'tasks'}`} · ${formatTaskSize(props.cpu, props.memory)}`,
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html',
  sample: {
    in: { capacity: { platform: 'ecs', compute: 'fargate' } },
    connects: [{ imageSource: { registry: 'ecr' } }, { network: 'subnet' }, { fileSystem: true }],
  },
});
