import { networkKinds, propsOf, type NodeOfKind } from '../../catalog';
import { checkAwsIpv4Block, formatCidr, freeSubnetBlock, type Cidr } from '../../network';
import type { DiagramModel } from '../../model/diagram-model';
import type { Subnet } from './network';

const VPC_KINDS = networkKinds('vpc');
type Vpc = NodeOfKind<(typeof VPC_KINDS)[number]>;

export interface AddressedSubnet {
  subnet: Subnet;
  cidr: Cidr;
}

export interface AddressedVpc {
  vpc: Vpc;
  cidr: Cidr;
  /** Subnets drawn inside it whose own blocks are valid, in document order. */
  subnets: AddressedSubnet[];
}

/**
 * VPCs whose CIDR blocks AWS accepts, with the subnets drawn in them whose blocks it accepts
 * too. Blocks AWS refuses are cidr-block-invalid's to report, so the addressing rules that
 * compare blocks leave them out rather than report them twice.
 */
export function addressedVpcs(model: DiagramModel): AddressedVpc[] {
  const order = new Map(model.document.nodes.map((node, index) => [node.id, index]));
  const byDocumentOrder = (a: AddressedSubnet, b: AddressedSubnet) => order.get(a.subnet.id)! - order.get(b.subnet.id)!;
  return VPC_KINDS.flatMap((kind) =>
    model.nodesOfKind(kind).flatMap((vpc) => {
      const own = checkAwsIpv4Block(propsOf(vpc).cidr);
      if (!own.ok) return [];
      const subnets = model.subnetsInVpc(vpc.id).flatMap((subnet) => {
        const checked = checkAwsIpv4Block(propsOf(subnet).cidr);
        return checked.ok ? [{ subnet, cidr: checked.cidr }] : [];
      });
      return [{ vpc, cidr: own.cidr, subnets: subnets.sort(byDocumentOrder) }];
    }),
  );
}

/** A block for `subnet` inside its VPC that no other subnet there uses (freeSubnetBlock), or undefined when the VPC is full. */
export function freeBlockFor(vpc: AddressedVpc, subnet: AddressedSubnet): string | undefined {
  const others = vpc.subnets.filter((other) => other.subnet.id !== subnet.subnet.id).map((other) => other.cidr);
  const free = freeSubnetBlock(vpc.cidr, subnet.cidr, others);
  return free && formatCidr(free);
}
