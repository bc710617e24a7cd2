import {
  findConnection,
  isNodeOfKind,
  networkKinds,
  networkRoleOf,
  propsOf,
  type KindId,
  type NodeOfKind,
  type RelationId,
} from '../catalog';
import { DocumentIndex } from '../document/geometry';
import type { DiagramDocument, DiagramEdge, DiagramNode } from '../document/schema';

/**
 * Read-only facts about one document version that rules and generators share: what is
 * nested where, which edges mean what, which Region, VPC, subnets and AZs a resource is in.
 * Built once per document in O(nodes + edges); every lookup after that is cheap.
 *
 * "Unknown" is a first-class answer: a sketch without subnets has no AZs, and rules must
 * stay silent rather than guess.
 */
export class DiagramModel {
  readonly index: DocumentIndex;
  private readonly outgoing = new Map<string, DiagramEdge[]>();
  private readonly incoming = new Map<string, DiagramEdge[]>();
  /** relation → node id → edges, so lookups by meaning need no filtering. */
  private readonly outgoingByRelation = new Map<RelationId, Map<string, DiagramEdge[]>>();
  private readonly incomingByRelation = new Map<RelationId, Map<string, DiagramEdge[]>>();
  private readonly relationOf = new Map<string, RelationId>();
  /** kinds key → node id → nearest ancestor of those kinds (null: none). */
  private readonly nearestCache = new Map<string, Map<string, DiagramNode | null>>();
  private readonly subnetCache = new Map<string, readonly Subnet[]>();
  private readonly byKind = new Map<string, DiagramNode[]>();
  private readonly inVpcCache = new Map<string, DiagramNode[]>();
  private readonly vpcCache = new Map<string, NodeOfKind<(typeof VPC_KINDS)[number]> | null>();
  private readonly regionCache = new Map<string, NodeOfKind<(typeof REGION_KINDS)[number]> | null>();

  constructor(readonly document: DiagramDocument) {
    this.index = new DocumentIndex(document);
    for (const node of document.nodes) push(this.byKind, node.kind, node);
    for (const edge of document.edges) {
      const source = this.index.node(edge.source);
      const target = this.index.node(edge.target);
      if (!source || !target) continue;
      const connection = findConnection(source.kind, target.kind);
      if (!connection) continue;
      const relation = connection.definition.relation;
      this.relationOf.set(edge.id, relation);
      push(this.outgoing, edge.source, edge);
      push(this.incoming, edge.target, edge);
      push(mapFor(this.outgoingByRelation, relation), edge.source, edge);
      push(mapFor(this.incomingByRelation, relation), edge.target, edge);
    }
  }

  node(id: string): DiagramNode | undefined {
    return this.index.node(id);
  }

  /** Nodes of one kind, in document order. The list is shared: read it, do not change it. */
  nodesOfKind<K extends KindId>(kind: K): readonly NodeOfKind<K>[] {
    return (this.byKind.get(kind) ?? []) as NodeOfKind<K>[];
  }

  relation(edge: DiagramEdge): RelationId | undefined {
    return this.relationOf.get(edge.id);
  }

  /** Edges leaving `id` with the given meaning. The list is shared: read it, do not change it. */
  edgesFrom(id: string, relation?: RelationId): DiagramEdge[] {
    return (relation ? this.outgoingByRelation.get(relation)?.get(id) : this.outgoing.get(id)) ?? NO_EDGES;
  }

  /** Edges arriving at `id` with the given meaning. The list is shared: read it, do not change it. */
  edgesTo(id: string, relation?: RelationId): DiagramEdge[] {
    return (relation ? this.incomingByRelation.get(relation)?.get(id) : this.incoming.get(id)) ?? NO_EDGES;
  }

  targets(id: string, relation: RelationId): DiagramNode[] {
    const nodes: DiagramNode[] = [];
    for (const edge of this.edgesFrom(id, relation)) {
      const node = this.node(edge.target);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  sources(id: string, relation: RelationId): DiagramNode[] {
    const nodes: DiagramNode[] = [];
    for (const edge of this.edgesTo(id, relation)) {
      const node = this.node(edge.source);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  parent(id: string): DiagramNode | undefined {
    const node = this.node(id);
    return node?.parentId === undefined ? undefined : this.node(node.parentId);
  }

  /** The closest ancestor of one of `kinds`, or undefined. Memoized along the whole parent chain. */
  nearest<K extends KindId>(id: string, ...kinds: K[]): NodeOfKind<K> | undefined {
    const key = kinds.length === 1 ? kinds[0]! : kinds.join(',');
    let cache = this.nearestCache.get(key);
    if (!cache) {
      cache = new Map();
      this.nearestCache.set(key, cache);
    }
    const cached = cache.get(id);
    if (cached !== undefined) return (cached ?? undefined) as NodeOfKind<K> | undefined;
    // Every node walked past (not itself of `kinds`) shares the answer; the step limit guards against cycles.
    const walked: string[] = [];
    let found: DiagramNode | null = null;
    let current = this.index.node(id);
    for (let steps = 0; current?.parentId !== undefined && steps <= this.document.nodes.length; steps++) {
      walked.push(current.id);
      const parent = this.index.node(current.parentId);
      if (!parent) break;
      if ((kinds as string[]).includes(parent.kind)) {
        found = parent;
        break;
      }
      const known = cache.get(parent.id);
      if (known !== undefined) {
        found = known;
        break;
      }
      current = parent;
    }
    for (const walkedId of walked) cache.set(walkedId, found);
    return (found ?? undefined) as NodeOfKind<K> | undefined;
  }

  /**
   * The subnets a resource places network interfaces in: its own "in subnet" edges, else the
   * subnet it is drawn inside, else what its nearest placed ancestor has (a service inherits
   * from its capacity, then its cluster). Empty when the diagram does not say.
   */
  subnetsOf(id: string): readonly Subnet[] {
    const cached = this.subnetCache.get(id);
    if (cached) return cached;
    let result: readonly Subnet[] = [];
    // The catalog lets "in subnet" edges end only at subnets.
    const own = this.targets(id, 'in-subnet').filter((node) => isNodeOfKind(node, ...SUBNET_KINDS));
    if (own.length > 0) result = own;
    else {
      const enclosing = this.subnetAround(id);
      if (enclosing) result = [enclosing];
      else {
        const parent = this.parent(id);
        const role = networkRoleOf(parent);
        if (parent && role !== 'vpc' && role !== 'region' && role !== 'availability-zone') {
          result = this.subnetsOf(parent.id);
        }
      }
    }
    this.subnetCache.set(id, result);
    return result;
  }

  /** The subnet a resource is drawn inside. */
  subnetAround(id: string) {
    return this.nearest(id, ...SUBNET_KINDS);
  }

  /** The VPC a resource is drawn inside (not counting where its subnets are). */
  vpcAround(id: string) {
    return this.nearest(id, ...VPC_KINDS);
  }

  /** The AZ a subnet (or anything drawn inside an AZ) is in. */
  availabilityZoneOf(id: string) {
    const node = this.node(id);
    if (isNodeOfKind(node, ...ZONE_KINDS)) return node;
    return this.nearest(id, ...ZONE_KINDS);
  }

  /**
   * AZ node ids a resource runs in: the AZs of its subnets, else the AZ it is drawn inside.
   * Empty when unknown.
   */
  availabilityZonesOf(id: string): Set<string> {
    const zones = new Set<string>();
    for (const subnet of this.subnetsOf(id)) {
      const zone = this.availabilityZoneOf(subnet.id);
      if (zone) zones.add(zone.id);
    }
    if (zones.size === 0) {
      const zone = this.availabilityZoneOf(id);
      if (zone) zones.add(zone.id);
    }
    return zones;
  }

  /** The VPC a resource is in: the one it is drawn inside, else the VPC of its subnets. */
  vpcOf(id: string) {
    const cached = this.vpcCache.get(id);
    if (cached !== undefined) return cached ?? undefined;
    let found = this.vpcAround(id);
    if (!found) {
      for (const subnet of this.subnetsOf(id)) {
        found = this.vpcAround(subnet.id);
        if (found) break;
      }
    }
    this.vpcCache.set(id, found ?? null);
    return found;
  }

  /** The Region node a resource is in (drawn inside, or through its VPC). */
  regionNodeOf(id: string) {
    const cached = this.regionCache.get(id);
    if (cached !== undefined) return cached ?? undefined;
    let found = this.nearest(id, ...REGION_KINDS);
    if (!found) {
      const vpc = this.vpcOf(id);
      found = vpc ? this.nearest(vpc.id, ...REGION_KINDS) : undefined;
    }
    this.regionCache.set(id, found ?? null);
    return found;
  }

  /** The Region code (us-east-1) a resource is in, or undefined when the diagram does not say. */
  regionOf(id: string): string | undefined {
    const region = this.regionNodeOf(id);
    return region ? propsOf(region).regionCode : undefined;
  }

  /** Subnets drawn in a VPC (at any depth). */
  subnetsInVpc(vpcId: string) {
    return this.nodesInVpc(vpcId, ...SUBNET_KINDS);
  }

  /** Nodes of `kinds` drawn anywhere inside the VPC. */
  nodesInVpc<K extends KindId>(vpcId: string, ...kinds: K[]): readonly NodeOfKind<K>[] {
    const key = `${vpcId}|${kinds.join(',')}`;
    let found = this.inVpcCache.get(key);
    if (!found) {
      found = this.index.descendants(vpcId).filter((node) => (kinds as string[]).includes(node.kind));
      this.inVpcCache.set(key, found);
    }
    return found as NodeOfKind<K>[];
  }

  isPublicSubnet(subnet: Subnet): boolean {
    return propsOf(subnet).access === 'public';
  }
}

const SUBNET_KINDS = networkKinds('subnet');
type Subnet = NodeOfKind<(typeof SUBNET_KINDS)[number]>;
const VPC_KINDS = networkKinds('vpc');
const ZONE_KINDS = networkKinds('availability-zone');
const REGION_KINDS = networkKinds('region');

/** Frozen, so a caller that tries to change a shared edge list fails loudly. */
const NO_EDGES = Object.freeze([]) as unknown as DiagramEdge[];

function mapFor<K, V>(maps: Map<K, Map<string, V[]>>, key: K): Map<string, V[]> {
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    maps.set(key, map);
  }
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
