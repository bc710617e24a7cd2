import { cidrContains, formatCidr } from '../../network';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { addressedVpcs, freeBlockFor } from '../support/addressing';
import { setNodeProps } from '../support/fixes';

export const subnetOutsideVpcCidr: RuleDefinition = {
  id: 'subnet-outside-vpc-cidr',
  teaches: 'subnet',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'A subnet’s CIDR block lies inside its VPC’s',
  explanation:
    'A subnet takes its addresses from its VPC: its CIDR block must be the VPC’s block or a part of it. CloudFormation refuses to create a subnet whose block lies outside (InvalidSubnet.Range).',
  docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check({ model }) {
    return addressedVpcs(model).flatMap((vpc) =>
      vpc.subnets.flatMap((entry) => {
        if (cidrContains(vpc.cidr, entry.cidr)) return [];
        const free = freeBlockFor(vpc, entry);
        return [
          report(subnetOutsideVpcCidr, {
            message: `${nodeName(entry.subnet)} has the block ${formatCidr(entry.cidr)}, outside ${formatCidr(vpc.cidr)} of ${nodeName(vpc.vpc)} it is drawn in; a subnet takes its addresses from its VPC.`,
            nodes: [entry.subnet, vpc.vpc],
            ...(free ? { fix: setNodeProps(`Use ${free}`, entry.subnet, { cidr: free }) } : {}),
          }),
        ];
      }),
    );
  },
};
