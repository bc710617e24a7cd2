import { networkKinds, propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';

const NAT_KINDS = networkKinds('nat-gateway');

export const natGatewayPublicSubnet: RuleDefinition = {
  id: 'nat-gateway-public-subnet',
  teaches: 'nat-gateway',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'A public NAT gateway sits in a public subnet',
  explanation:
    'A public NAT gateway sends traffic to the internet through the internet gateway of the subnet it is in, so it must be created in a public subnet. In a private subnet its own traffic has no route out, and the private subnets that use it stay without internet access. A private NAT gateway (connectivity private) may sit in a private subnet; it reaches other networks, not the internet.',
  docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
  check({ model }) {
    return NAT_KINDS.flatMap((kind) =>
      model.nodesOfKind(kind).flatMap((nat) => {
        if (propsOf(nat).connectivity !== 'public') return [];
        const subnet = model.subnetAround(nat.id);
        if (!subnet || model.isPublicSubnet(subnet)) return [];
        return [
          report(natGatewayPublicSubnet, {
            message: `${nodeName(nat)} is a public NAT gateway in the private ${nodeName(subnet)}; it reaches the internet only from a public subnet. Move it into a public subnet of the same Availability Zone, or make the subnet public.`,
            nodes: [nat, subnet],
            fix: setNodeProps(`Make ${nodeName(subnet)} public`, subnet, { access: 'public' }),
          }),
        ];
      }),
    );
  },
};
