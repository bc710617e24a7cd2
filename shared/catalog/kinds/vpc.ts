import { z } from 'zod';
import { AWS_COLORS } from '../common';
import type { EntryCheckId } from '../entry-checks';
import { defineKind } from '../types';

export const vpc = defineKind({
  id: 'vpc',
  traits: { network: 'vpc', regional: true },
  label: 'VPC',
  category: 'network',
  order: 20,
  description: 'A virtual private cloud. Draw availability zones and subnets inside it.',
  learn: {
    what: 'Your own private network in AWS, with the IP address range you choose. Subnets, load balancers and clusters live in it.',
    when: 'Every container design needs one; use one per application or environment unless they must share a network.',
  },
  defaultLabel: 'VPC',
  keywords: ['virtual private cloud', 'network'],
  icon: 'architecture-group/VirtualprivatecloudVPC',
  appearance: { color: AWS_COLORS.vpc },
  props: z.strictObject({
    cidr: z
      .string()
      .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'A CIDR block looks like 10.0.0.0/16.')
      .default('10.0.0.0/16')
      .meta({ title: 'CIDR block', entry: 'aws-ipv4-block' satisfies EntryCheckId }),
    dnsSupport: z.boolean().default(true).meta({ title: 'DNS resolution' }),
    dnsHostnames: z.boolean().default(true).meta({ title: 'DNS hostnames' }),
  }),
  size: { width: 1000, height: 640 },
  group: {
    contains: [{ vpc: 'inside' }, { vpc: 'attached' }, { scaler: true }],
  },
  connections: [],
  summary: (props) => props.cidr,
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html',
  sample: { in: { network: 'region' } },
});
