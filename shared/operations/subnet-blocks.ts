import { isNodeOfKind, networkKinds, propsOf } from '../catalog';
import { DocumentIndex, updateNode, type DiagramDocument } from '../document';
import { checkAwsIpv4Block, cidrContains, cidrsOverlap, formatCidr, freeSubnetBlock, type Cidr } from '../network';

const SUBNET_KINDS = networkKinds('subnet');
const VPC_KINDS = networkKinds('vpc');

/**
 * Gives each subnet in `after` that is not in `before` (added, pasted, duplicated) a CIDR block of its VPC that no other subnet there
 * uses, when the one it came with (its kind's default, or a copy's) is taken, outside the VPC
 * or not a block AWS accepts. Adding four subnets from the palette then draws four subnets AWS
 * would create, instead of four findings of subnet-cidr-overlap; a subnet that already fits
 * keeps its block, and nothing changes where the VPC's own block is unusable or full.
 */
export function giveNewSubnetsFreeBlocks(before: DiagramDocument, after: DiagramDocument): DiagramDocument {
  const existing = new Set(before.nodes.map((node) => node.id));
  const index = new DocumentIndex(after);
  let next = after;
  for (const subnet of after.nodes) {
    if (existing.has(subnet.id) || !isNodeOfKind(subnet, ...SUBNET_KINDS)) continue;
    const vpc = index.ancestors(subnet.id).find((node) => isNodeOfKind(node, ...VPC_KINDS));
    if (!isNodeOfKind(vpc, ...VPC_KINDS)) continue;
    const vpcBlock = checkAwsIpv4Block(propsOf(vpc).cidr);
    if (!vpcBlock.ok) continue;
    // Blocks as they stand now, so each new subnet sees the ones given before it.
    const taken: Cidr[] = [];
    for (const other of new DocumentIndex(next).descendants(vpc.id)) {
      if (other.id === subnet.id || !isNodeOfKind(other, ...SUBNET_KINDS)) continue;
      const block = checkAwsIpv4Block(propsOf(other).cidr);
      if (block.ok) taken.push(block.cidr);
    }
    const own = checkAwsIpv4Block(propsOf(subnet).cidr);
    if (own.ok && cidrContains(vpcBlock.cidr, own.cidr) && !taken.some((block) => cidrsOverlap(block, own.cidr))) continue;
    const free = freeSubnetBlock(vpcBlock.cidr, own.ok ? own.cidr : undefined, taken);
    if (free) next = updateNode(next, subnet.id, { props: { ...subnet.props, cidr: formatCidr(free) } });
  }
  return next;
}
