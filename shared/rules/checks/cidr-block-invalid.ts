import { networkKinds, propsOf } from '../../catalog';
import { checkAwsIpv4Block } from '../../network';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';

const ADDRESSED_KINDS = [...networkKinds('vpc'), ...networkKinds('subnet')];

export const cidrBlockInvalid: RuleDefinition = {
  id: 'cidr-block-invalid',
  teaches: 'vpc',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'VPC and subnet CIDR blocks are blocks AWS accepts',
  explanation:
    'A VPC or subnet takes an IPv4 CIDR block from /16 (65,536 addresses) to /28 (16 addresses), written as the first address of the block: each of the four parts 0 to 255, and no bits set past the prefix. The inspector refuses other values; this finds them in files written by hand, by other tools or by earlier versions of Stowage, which CloudFormation would refuse to create.',
  docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html',
  check({ model }) {
    return ADDRESSED_KINDS.flatMap((kind) =>
      model.nodesOfKind(kind).flatMap((node) => {
        const { cidr } = propsOf(node);
        const checked = checkAwsIpv4Block(cidr);
        if (checked.ok) return [];
        return [
          report(cidrBlockInvalid, {
            message: `${nodeName(node)} has the CIDR block ${cidr}, which AWS refuses. ${checked.message}`,
            nodes: [node],
            ...(checked.repair ? { fix: setNodeProps(`Use ${checked.repair}`, node, { cidr: checked.repair }) } : {}),
          }),
        ];
      }),
    );
  },
};
