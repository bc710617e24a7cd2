import { z } from 'zod';
import { AWS_COLORS, LEAF_SIZE } from '../common';
import { defineKind } from '../types';

export const natGateway = defineKind({
  id: 'nat-gateway',
  traits: { network: 'nat-gateway', vpc: 'inside' },
  label: 'NAT gateway',
  category: 'network',
  order: 50,
  description: 'Gives private subnets outbound internet access, for example to pull images from Docker Hub.',
  learn: {
    what: 'Lets resources in private subnets reach the internet (to pull images or call APIs), while nothing on the internet can reach them.',
    when: 'Add one in a public subnet when private tasks or nodes need to reach the internet. VPC endpoints can replace it when they only talk to AWS services.',
  },
  defaultLabel: 'NAT gateway',
  keywords: ['nat', 'egress', 'outbound'],
  icon: 'resource/AmazonVPCNATGateway',
  appearance: { color: AWS_COLORS.networking },
  props: z.strictObject({
    connectivity: z
      .enum(['public', 'private'])
      .default('public')
      .meta({ title: 'Connectivity', description: 'A public NAT gateway sits in a public subnet and reaches the internet.' }),
  }),
  size: LEAF_SIZE,
  connections: [
    {
      relation: 'egress',
      to: [{ network: 'internet' }],
      label: 'egress',
      description: 'Outbound traffic leaves through this NAT gateway to the internet.',
    },
  ],
  summary: (props) => `${props.connectivity} NAT`,
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  sample: { in: { network: 'subnet' }, connects: [{ network: 'internet' }] },
});
