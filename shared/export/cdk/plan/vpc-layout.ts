import { checkAwsIpv4Block } from '../../../network';
import { isNodeOfKind, kindsWith, networkKinds, propsOf, type LoadBalancerKindId } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { DiagramModel } from '../../../model/diagram-model';

/**
 * How a diagram VPC maps onto `ec2.Vpc`: CDK builds every subnet group in every AZ, so the
 * diagram's subnets are read as groups (the first public subnet of each AZ is group "Public",
 * the second "Public2" …) across AZ slots (the AZ boxes, ordered by zone letter).
 */

export type SubnetAccess = 'public' | 'private';

export interface SubnetGroup {
  name: string;
  access: SubnetAccess;
  /** Undefined: let CDK size it (the diagram's masks did not fit the VPC range). */
  cidrMask?: number;
  /** Public groups only: the diagram's "auto-assign public IPv4" of the group's first subnet. */
  mapPublicIpOnLaunch?: boolean;
}

export interface SubnetPlace {
  group: string;
  slot: number;
}

export interface VpcLayout {
  /** The diagram's VPC, or undefined for the VPC generated for resources drawn outside any VPC. */
  node?: DiagramNode;
  cidr?: string;
  dnsSupport: boolean;
  dnsHostnames: boolean;
  azCount: number;
  /** Full AZ names (us-east-1a) when the Region and every slot's zone letter are known. */
  azNames?: string[];
  /** Empty: the diagram draws no subnets, so CDK's default public and private groups are used. */
  groups: SubnetGroup[];
  natGateways: number;
  /** NAT gateways drawn with private connectivity, which ec2.Vpc cannot create. */
  privateNatGateways: number;
  privateSubnetType: 'PRIVATE_WITH_EGRESS' | 'PRIVATE_ISOLATED';
  /** Where each diagram subnet lands. */
  places: ReadonlyMap<string, SubnetPlace>;
  /** The AZ slot of each AZ box of the VPC. */
  zoneSlots: ReadonlyMap<string, number>;
  /** The diagram's subnet sizes were dropped because they do not fit the VPC range. */
  masksDropped: boolean;
  dualStack: boolean;
}

const DEFAULT_AZ_COUNT = 2;

/** The VPC generated when resources need one and the diagram draws none for them. */
const LOAD_BALANCER_KINDS = kindsWith('loadBalancer') as LoadBalancerKindId[];

export function defaultVpcLayout(): VpcLayout {
  return {
    dnsSupport: true,
    dnsHostnames: true,
    azCount: DEFAULT_AZ_COUNT,
    groups: [],
    natGateways: 1,
    privateNatGateways: 0,
    privateSubnetType: 'PRIVATE_WITH_EGRESS',
    places: new Map(),
    zoneSlots: new Map(),
    masksDropped: false,
    dualStack: false,
  };
}

export function vpcLayout(model: DiagramModel, vpc: DiagramNode, regionCode: string | undefined): VpcLayout {
  if (!isNodeOfKind(vpc, ...networkKinds('vpc'))) throw new Error(`${vpc.kind} ${vpc.id} is not a VPC.`);
  const props = propsOf(vpc);
  const zones = [...model.nodesInVpc(vpc.id, ...networkKinds('availability-zone'))].sort(
    (a, b) => compareText(zoneLetter(a), zoneLetter(b)) || compareByPosition(model, a, b),
  );
  const letters: (string | undefined)[] = [];
  const slotOfZone = new Map<string, number>();
  for (const zone of zones) {
    const letter = zoneLetter(zone);
    let slot = letters.indexOf(letter);
    if (slot < 0) {
      slot = letters.length;
      letters.push(letter);
    }
    slotOfZone.set(zone.id, slot);
  }

  const subnets = [...model.subnetsInVpc(vpc.id)].sort((a, b) => compareByPosition(model, a, b));
  // Subnets in an AZ box fill that AZ's slot; subnets drawn without one take the slots in turn.
  const ordinalsInSlot = new Map<string, number>();
  const places = new Map<string, { access: SubnetAccess; ordinal: number; slot: number }>();
  const looseCount: Record<SubnetAccess, number> = { public: 0, private: 0 };
  for (const subnet of subnets) {
    const access: SubnetAccess = propsOf(subnet).access;
    const zone = model.availabilityZoneOf(subnet.id);
    let slot = zone ? slotOfZone.get(zone.id) : undefined;
    if (slot === undefined) {
      slot = looseCount[access]++;
      while (letters.length <= slot) letters.push(undefined);
    }
    const key = `${access}|${slot}`;
    const ordinal = ordinalsInSlot.get(key) ?? 0;
    ordinalsInSlot.set(key, ordinal + 1);
    places.set(subnet.id, { access, ordinal, slot });
  }

  const groups: SubnetGroup[] = [];
  const groupName = new Map<string, string>();
  for (const access of ['public', 'private'] as const) {
    const count = Math.max(0, ...[...places.values()].filter((place) => place.access === access).map((place) => place.ordinal + 1));
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const name = `${access === 'public' ? 'Public' : 'Private'}${count > 1 || ordinal > 0 ? ordinal + 1 : ''}`;
      groupName.set(`${access}|${ordinal}`, name);
      const first = subnets.find((subnet) => {
        const place = places.get(subnet.id);
        return place?.access === access && place.ordinal === ordinal;
      });
      const firstProps = first ? propsOf(first) : undefined;
      groups.push({
        name,
        access,
        cidrMask: firstProps ? cidrMask(firstProps.cidr) : undefined,
        ...(access === 'public' && firstProps ? { mapPublicIpOnLaunch: firstProps.mapPublicIpOnLaunch } : {}),
      });
    }
  }

  const azCount = Math.max(letters.length, subnets.length === 0 ? DEFAULT_AZ_COUNT : 1);
  const azNames =
    regionCode !== undefined && letters.length === azCount && letters.every((letter) => letter !== undefined)
      ? letters.map((letter) => `${regionCode}${letter}`)
      : undefined;

  const masksDropped = !masksFit(props.cidr, groups, azCount);
  if (masksDropped) for (const group of groups) delete group.cidrMask;

  const natNodes = model.nodesInVpc(vpc.id, ...networkKinds('nat-gateway'));
  const publicNat = natNodes.filter((node) => propsOf(node).connectivity !== 'private').length;
  const hasPublicGroup = groups.some((group) => group.access === 'public');
  let natGateways: number;
  if (groups.length === 0) natGateways = natNodes.length > 0 ? Math.min(publicNat, azCount) : 1;
  else natGateways = hasPublicGroup ? Math.min(publicNat, azCount) : 0;

  const dualStack = model.nodesInVpc(vpc.id, ...LOAD_BALANCER_KINDS).some((node) => {
    const props = propsOf(node);
    return 'ipAddressType' in props && props.ipAddressType === 'dualstack';
  });

  const finalPlaces = new Map<string, SubnetPlace>();
  for (const [id, place] of places) finalPlaces.set(id, { group: groupName.get(`${place.access}|${place.ordinal}`)!, slot: place.slot });

  return {
    node: vpc,
    // A block AWS refuses (cidr-block-invalid reports it) would fail synthesis: CDK's default range stands in.
    cidr: checkAwsIpv4Block(props.cidr).ok ? props.cidr : undefined,
    dnsSupport: props.dnsSupport,
    dnsHostnames: props.dnsHostnames,
    azCount,
    ...(azNames ? { azNames } : {}),
    groups,
    natGateways,
    privateNatGateways: natNodes.length - publicNat,
    privateSubnetType: natGateways > 0 ? 'PRIVATE_WITH_EGRESS' : 'PRIVATE_ISOLATED',
    places: finalPlaces,
    zoneSlots: slotOfZone,
    masksDropped,
    dualStack,
  };
}

/** A selection of diagram subnets: subnet groups, each in all of the VPC's AZs or in some AZ slots. */
export interface SubnetChoice {
  group: string;
  /** Undefined: the group in every AZ. */
  slots?: number[];
}

/** The groups and AZ slots `subnets` occupy, or undefined when none of them is in this VPC. */
export function chooseSubnets(layout: VpcLayout, subnets: readonly DiagramNode[]): SubnetChoice[] | undefined {
  const slotsByGroup = new Map<string, Set<number>>();
  for (const subnet of subnets) {
    const place = layout.places.get(subnet.id);
    if (!place) continue;
    const slots = slotsByGroup.get(place.group) ?? new Set<number>();
    slots.add(place.slot);
    slotsByGroup.set(place.group, slots);
  }
  if (slotsByGroup.size === 0) return undefined;
  return layout.groups
    .filter((group) => slotsByGroup.has(group.name))
    .map((group) => {
      const slots = [...slotsByGroup.get(group.name)!].sort((a, b) => a - b);
      return slots.length === layout.azCount ? { group: group.name } : { group: group.name, slots };
    });
}

function zoneLetter(zone: DiagramNode): string | undefined {
  const letter = isNodeOfKind(zone, ...networkKinds('availability-zone')) ? propsOf(zone).zone : undefined;
  return typeof letter === 'string' && /^[a-z]$/.test(letter) ? letter : undefined;
}

function cidrMask(cidr: string): number | undefined {
  const mask = Number(cidr.split('/')[1]);
  return Number.isInteger(mask) && mask >= 16 && mask <= 28 ? mask : undefined;
}

/** Whether groups of these sizes, one subnet per AZ, fit in the VPC range (CDK fails synthesis otherwise). */
function masksFit(vpcCidr: string, groups: readonly SubnetGroup[], azCount: number): boolean {
  const vpcMask = Number(vpcCidr.split('/')[1]);
  if (!Number.isInteger(vpcMask) || vpcMask < 16 || vpcMask > 28) return groups.every((group) => group.cidrMask === undefined);
  let used = 0;
  for (const group of groups) {
    if (group.cidrMask === undefined) continue;
    if (group.cidrMask < vpcMask) return false;
    used += 2 ** (32 - group.cidrMask) * azCount;
  }
  return used <= 2 ** (32 - vpcMask);
}

function compareByPosition(model: DiagramModel, a: DiagramNode, b: DiagramNode): number {
  const pa = model.index.absolutePosition(a.id);
  const pb = model.index.absolutePosition(b.id);
  return pa.y - pb.y || pa.x - pb.x || compareText(a.id, b.id);
}

function compareText(a: string | undefined, b: string | undefined): number {
  const left = a ?? '\uffff';
  const right = b ?? '\uffff';
  return left < right ? -1 : left > right ? 1 : 0;
}
