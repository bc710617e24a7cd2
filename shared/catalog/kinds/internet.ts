import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { defineKind } from '../types';

export const internet = defineKind({
  id: 'internet',
  traits: { network: 'internet' },
  label: 'Internet / users',
  category: 'network',
  order: 70,
  description: 'People or systems on the internet that call your load balancers.',
  learn: {
    what: 'The people and systems outside AWS that use your application: browsers, mobile apps, partners.',
    when: 'Draw it to show where traffic comes from, and connect it to an internet-facing load balancer.',
  },
  defaultLabel: 'Users',
  keywords: ['users', 'clients', 'internet', 'actor', 'public'],
  icon: 'resource/Users',
  appearance: { color: AWS_COLORS.generic },
  props: z.strictObject({}),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'sends-requests',
      to: [{ loadBalancer: true }],
      label: 'requests',
      description: 'Users send requests to this load balancer.',
    },
  ],
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  sample: { connects: [{ loadBalancer: { type: 'application' } }] },
});
