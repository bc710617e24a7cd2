import { cidrContains, cidrsOverlap, formatCidr } from '../../network';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { addressedVpcs, freeBlockFor } from '../support/addressing';
import { setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const subnetCidrOverlap: RuleDefinition = {
  id: 'subnet-cidr-overlap',
  teaches: 'subnet',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'Subnets of one VPC do not share addresses',
  explanation:
    'Every address of a VPC belongs to at most one subnet, so two subnets of a VPC cannot have the same CIDR block or blocks that overlap. CloudFormation refuses to create the second one (InvalidSubnet.Conflict). A subnet added to a diagram takes a free block of its VPC; this catches blocks typed or copied by hand.',
  docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
  check({ model }) {
    return addressedVpcs(model).flatMap((vpc) => {
      // Blocks outside the VPC are subnet-outside-vpc-cidr's; compare only what lies inside.
      const inside = vpc.subnets.filter((entry) => cidrContains(vpc.cidr, entry.cidr));
      const findings: Finding[] = [];
      inside.forEach((later, index) => {
        const earlier = inside.slice(0, index).find((entry) => cidrsOverlap(entry.cidr, later.cidr));
        if (!earlier) return;
        const same = formatCidr(earlier.cidr) === formatCidr(later.cidr);
        const free = freeBlockFor(vpc, later);
        findings.push(
          report(subnetCidrOverlap, {
            message: same
              ? `${nodeName(later.subnet)} and ${nodeName(earlier.subnet)} both have the block ${formatCidr(later.cidr)} in ${nodeName(vpc.vpc)}; each subnet needs its own addresses.`
              : `${nodeName(later.subnet)} (${formatCidr(later.cidr)}) overlaps ${nodeName(earlier.subnet)} (${formatCidr(earlier.cidr)}) in ${nodeName(vpc.vpc)}; each subnet needs its own addresses.`,
            nodes: [later.subnet, earlier.subnet],
            ...(free ? { fix: setNodeProps(`Use ${free} for ${nodeName(later.subnet)}`, later.subnet, { cidr: free }) } : {}),
          }),
        );
      });
      return findings;
    });
  },
};
