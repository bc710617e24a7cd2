import type { DiagramNode } from '../document/schema';
import { CATALOG, findKind, type AnyKind, type KindId } from './catalog';
import type { NodeOfKind } from './nodes';
import type { KindDefinition, KindSelector, KindTraits, Platform, TraitMatch } from './types';

/**
 * Questions the other layers ask about kinds, answered from the traits each kind declares
 * (types.ts: KindTraits). Nothing here names a kind: a new kind with the right traits is a
 * workload, a load balancer or capacity everywhere at once.
 */

/** Ids of the kinds whose traits include `Trait` with a value assignable to `Value`. */
export type KindIdWith<Trait extends keyof KindTraits, Value = unknown> = Extract<AnyKind, { traits: { [key in Trait]: Value } }>['id'];

export type WorkloadKindId = KindIdWith<'workload'>;
export type EcsWorkloadKindId = KindIdWith<'workload', { platform: 'ecs' }>;
export type KubernetesWorkloadKindId = KindIdWith<'workload', { platform: 'kubernetes' }>;
export type ClusterKindId = KindIdWith<'cluster'>;
export type CapacityKindId = KindIdWith<'capacity'>;
export type EcsCapacityKindId = KindIdWith<'capacity', { platform: 'ecs' }>;
export type KubernetesCapacityKindId = KindIdWith<'capacity', { platform: 'kubernetes' }>;
export type LoadBalancerKindId = KindIdWith<'loadBalancer'>;
export type ImageSourceKindId = KindIdWith<'imageSource'>;
export type ScalerKindId = KindIdWith<'scaler'>;
export type NetworkRole = NonNullable<KindTraits['network']>;
export type LoadBalancerType = NonNullable<KindTraits['loadBalancer']>['type'];

/** The traits of a kind; none for a kind this build does not know. */
export function traitsOf(kindId: string): KindTraits {
  return findKind(kindId)?.traits ?? {};
}

/** Kinds whose `trait` is set and passes `accept`, in catalog order. */
export function kindsWith<Trait extends keyof KindTraits>(
  trait: Trait,
  accept: (value: NonNullable<KindTraits[Trait]>) => boolean = () => true,
): KindId[] {
  return CATALOG.filter((kind) => {
    const value = (kind.traits as KindTraits)[trait];
    return value !== undefined && accept(value);
  }).map((kind) => kind.id);
}

function hasTrait<Trait extends keyof KindTraits>(
  node: DiagramNode | undefined,
  trait: Trait,
  accept: (value: NonNullable<KindTraits[Trait]>) => boolean = () => true,
): boolean {
  if (!node) return false;
  const value = traitsOf(node.kind)[trait];
  return value !== undefined && accept(value);
}

export function isWorkload(node: DiagramNode | undefined): node is NodeOfKind<WorkloadKindId> {
  return hasTrait(node, 'workload');
}

export function isEcsWorkload(node: DiagramNode | undefined): node is NodeOfKind<EcsWorkloadKindId> {
  return hasTrait(node, 'workload', (workload) => workload.platform === 'ecs');
}

export function isKubernetesWorkload(node: DiagramNode | undefined): node is NodeOfKind<KubernetesWorkloadKindId> {
  return hasTrait(node, 'workload', (workload) => workload.platform === 'kubernetes');
}

export function isCluster(node: DiagramNode | undefined, platform?: Platform): node is NodeOfKind<ClusterKindId> {
  return hasTrait(node, 'cluster', (cluster) => platform === undefined || cluster.platform === platform);
}

export function isCapacity(node: DiagramNode | undefined, platform?: Platform): node is NodeOfKind<CapacityKindId> {
  return hasTrait(node, 'capacity', (capacity) => platform === undefined || capacity.platform === platform);
}

export function isEcsCapacity(node: DiagramNode | undefined): node is NodeOfKind<EcsCapacityKindId> {
  return isCapacity(node, 'ecs');
}

export function isKubernetesCapacity(node: DiagramNode | undefined): node is NodeOfKind<KubernetesCapacityKindId> {
  return isCapacity(node, 'kubernetes');
}

/** Where capacity runs tasks or pods: 'fargate', 'ec2' (instances) or 'external'; undefined for anything else. */
export function capacityCompute(node: DiagramNode | undefined): NonNullable<KindTraits['capacity']>['compute'] | undefined {
  return node ? traitsOf(node.kind).capacity?.compute : undefined;
}

export function isLoadBalancer(node: DiagramNode | undefined): node is NodeOfKind<LoadBalancerKindId> {
  return hasTrait(node, 'loadBalancer');
}

export function loadBalancerType(node: DiagramNode | undefined): NonNullable<KindTraits['loadBalancer']>['type'] | undefined {
  return node ? traitsOf(node.kind).loadBalancer?.type : undefined;
}

/** Whether the node is a load balancer of `type`, narrowing it to the kinds of that type (their props and edge props). */
export function isLoadBalancerOf<T extends LoadBalancerType>(
  node: DiagramNode | undefined,
  type: T,
): node is NodeOfKind<KindIdWith<'loadBalancer', { type: T }>> {
  return loadBalancerType(node) === type;
}

/** The catalog's load balancer of one type (a fix that swaps a Classic Load Balancer for an Application one). */
export function loadBalancerKind(type: NonNullable<KindTraits['loadBalancer']>['type']): LoadBalancerKindId {
  const kind = kindsWith('loadBalancer', (loadBalancer) => loadBalancer.type === type)[0];
  if (!kind) throw new Error(`The catalog has no ${type} load balancer.`);
  return kind as LoadBalancerKindId;
}

export function isImageSource(node: DiagramNode | undefined): node is NodeOfKind<ImageSourceKindId> {
  return hasTrait(node, 'imageSource');
}

/** How an image source is reached: through ECR (its endpoints or a pull-through cache) or from the internet. */
export function imageSourceOf(node: DiagramNode | undefined): 'ecr' | 'internet' | undefined {
  const source = node ? traitsOf(node.kind).imageSource : undefined;
  if (!node || !source) return undefined;
  if (source.registry === 'ecr') return 'ecr';
  return source.pullThroughCacheField !== undefined && node.props[source.pullThroughCacheField] === true ? 'ecr' : 'internet';
}

export function isScaler(node: DiagramNode | undefined): node is NodeOfKind<ScalerKindId> {
  return hasTrait(node, 'scaler');
}

/** The platform of a workload, cluster or capacity node. */
export function platformOf(node: DiagramNode | undefined): Platform | undefined {
  if (!node) return undefined;
  const traits = traitsOf(node.kind);
  return traits.workload?.platform ?? traits.cluster?.platform ?? traits.capacity?.platform;
}

/** The cluster kinds of a platform: where its workloads and capacity are drawn. */
export function clusterKindsOf(platform: Platform): KindId[] {
  return kindsWith('cluster', (cluster) => cluster.platform === platform);
}

/** The kinds that play a part of the network (the kind that is a subnet, the one that is a VPC). */
export function networkKinds<Role extends NetworkRole>(role: Role): KindIdWith<'network', Role>[] {
  return kindsWith('network', (value) => value === role) as KindIdWith<'network', Role>[];
}

export function networkRoleOf(node: DiagramNode | undefined): NetworkRole | undefined {
  return node ? traitsOf(node.kind).network : undefined;
}

/** Whether a kind's traits satisfy one entry of a selector: every trait it names, with the values it gives. */
export function matchesTraits(traits: KindTraits, match: TraitMatch): boolean {
  return (Object.entries(match) as [keyof KindTraits, unknown][]).every(([name, wanted]) => {
    const actual: unknown = traits[name];
    if (actual === undefined) return false;
    if (wanted === true) return true;
    if (typeof wanted !== 'object' || wanted === null) return actual === wanted;
    if (typeof actual !== 'object' || actual === null) return false;
    return Object.entries(wanted).every(([key, value]) => (actual as Record<string, unknown>)[key] === value);
  });
}

/** Whether `kind` is one of the kinds `selector` picks. */
export function selects(selector: KindSelector, kind: Pick<KindDefinition, 'id' | 'traits'>): boolean {
  return selector.some((match) => (typeof match === 'string' ? match === kind.id : matchesTraits(kind.traits, match)));
}

const selected = new WeakMap<KindSelector, readonly KindId[]>();

/** The kinds of the catalog a selector picks, in catalog order. */
export function kindsSelectedBy(selector: KindSelector): readonly KindId[] {
  let kinds = selected.get(selector);
  if (!kinds) {
    kinds = CATALOG.filter((kind) => selects(selector, kind)).map((kind) => kind.id);
    selected.set(selector, kinds);
  }
  return kinds;
}
