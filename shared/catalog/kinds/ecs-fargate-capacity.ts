import { z } from 'zod';
import { AWS_COLORS } from '../common';
import { defineKind } from '../types';

export const ecsFargateCapacity = defineKind({
  id: 'ecs-fargate-capacity',
  traits: { capacity: { platform: 'ecs', compute: 'fargate' } },
  label: 'Fargate capacity',
  category: 'ecs',
  order: 20,
  description: 'The FARGATE and FARGATE_SPOT capacity providers of the cluster. Services placed inside run on Fargate.',
  learn: {
    what: 'Serverless compute for ECS: you say how much CPU and memory a task needs and Fargate runs it, with no instances to patch or scale. Fargate Spot runs tasks on spare capacity for less money.',
    when: 'Choose it by default for ECS services and jobs; you scale by the number of tasks. Use Fargate Spot for work that may be interrupted, with an on-demand base for what must stay up.',
  },
  defaultLabel: 'Fargate',
  keywords: ['fargate', 'fargate spot', 'serverless', 'launch type', 'capacity provider'],
  icon: 'architecture-service/AWSFargate',
  appearance: { color: AWS_COLORS.compute, dashed: true },
  props: z.strictObject({
    fargate: z.boolean().default(true).meta({ title: 'FARGATE provider' }),
    fargateSpot: z.boolean().default(true).meta({ title: 'FARGATE_SPOT provider' }),
  }),
  size: { width: 320, height: 260 },
  group: { contains: [{ workload: { platform: 'ecs' } }] },
  connections: [],
  summary: (props) =>
    [props.fargate ? 'FARGATE' : '', props.fargateSpot ? 'FARGATE_SPOT' : ''].filter(Boolean).join(' + ') || 'no providers',
  docsUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
  sample: { in: { cluster: { platform: 'ecs' } } },
});
