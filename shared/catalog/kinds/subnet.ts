import { z } from 'zod';
import { AWS_COLORS } from '../common';
import type { EntryCheckId } from '../entry-checks';
import { defineKind } from '../types';

export const subnet = defineKind({
  id: 'subnet',
  traits: { network: 'subnet', vpc: 'inside' },
  label: 'Subnet',
  category: 'network',
  order: 40,
  description: 'A public subnet (route to an internet gateway) or a private one. Draw it inside an AZ.',
  learn: {
    what: 'A range of IP addresses in one Availability Zone of the VPC. A public subnet has a route to the internet; a private one does not.',
    when: 'Put load balancers and NAT gateways in public subnets, and tasks, nodes and databases in private ones, with one of each in every zone you use.',
  },
  defaultLabel: 'Private subnet',
  keywords: ['public subnet', 'private subnet', 'network'],
  icon: 'architecture-group/Privatesubnet',
  variantIcons: ['architecture-group/Publicsubnet'],
  iconFor: (props) => (props.access === 'public' ? 'architecture-group/Publicsubnet' : 'architecture-group/Privatesubnet'),
  appearance: { color: AWS_COLORS.privateSubnet, fill: 'rgba(0, 164, 166, 0.06)' },
  appearanceFor: (props) =>
    props.access === 'public'
      ? { color: AWS_COLORS.publicSubnet, fill: 'rgba(122, 161, 22, 0.07)' }
      : { color: AWS_COLORS.privateSubnet, fill: 'rgba(0, 164, 166, 0.06)' },
  props: z.strictObject({
    access: z
      .enum(['private', 'public'])
      .default('private')
      .meta({ title: 'Access', description: 'Public subnets route to an internet gateway.' }),
    cidr: z
      .string()
      .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'A CIDR block looks like 10.0.1.0/24.')
      .default('10.0.1.0/24')
      .meta({ title: 'CIDR block', entry: 'aws-ipv4-block' satisfies EntryCheckId }),
    mapPublicIpOnLaunch: z
      .boolean()
      .default(false)
      .meta({ title: 'Auto-assign public IPv4', description: 'Instances launched here get a public IP.' }),
  }),
  size: { width: 400, height: 220 },
  group: {
    contains: [{ network: 'nat-gateway' }, { network: 'vpc-endpoint' }, { vpc: 'attached' }],
  },
  connections: [],
  summary: (props) => `${props.access} · ${props.cidr}`,
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
  sample: { in: { network: 'availability-zone' } },
});
