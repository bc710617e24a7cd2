import {
  capacityCompute,
  clusterKindsOf,
  isCapacity,
  isCluster,
  isNodeOfKind,
  kindsWith,
  propsOf,
  type EcsWorkloadKindId,
  type KindIdWith,
  type KubernetesWorkloadKindId,
  type NodeOfKind,
} from '../catalog';
import type { StrategyItem } from '../catalog/common';
import type { DiagramNode } from '../document/schema';
import type { DiagramModel } from './diagram-model';

/**
 * Where an ECS service or task runs, resolved the way ECS resolves it:
 * 1. an explicit launch type wins (and setting a strategy as well is an error AWS rejects);
 * 2. else an explicit capacity provider strategy;
 * 3. else what the diagram shows: the capacity it is drawn inside, plus "runs on" edges;
 * 4. else the cluster's default capacity provider strategy;
 * 5. else nothing is known ("none"): ECS would fall back to the EC2 launch type, but a sketch
 *    that has not placed the service yet should not be treated as a decision.
 */

export type LaunchType = 'FARGATE' | 'EC2' | 'EXTERNAL';

export type ProviderRef =
  | { type: 'FARGATE' }
  | { type: 'FARGATE_SPOT' }
  /** An EC2 capacity node of the diagram, used as an Auto Scaling group capacity provider. */
  | { type: 'asg'; capacity: Ec2Capacity }
  /** A name the diagram does not define (a deleted capacity, a typo in an imported file). */
  | { type: 'unknown'; name: string };

export interface ResolvedStrategyItem extends StrategyItem {
  ref: ProviderRef;
}

export type ComputeSource = 'launch-type' | 'strategy' | 'placement' | 'cluster-default' | 'none';

export interface EcsCompute {
  source: ComputeSource;
  /** Set when the source is a launch type (explicit or implied by the placement). */
  launchType?: LaunchType;
  /** Set when the source is a strategy (explicit, implied by several placements, or the cluster default). */
  strategy: ResolvedStrategyItem[];
  /** Both launchType and capacityProviderStrategy are set on the node (AWS rejects this). */
  launchTypeAndStrategy: boolean;
  cluster?: EcsCluster;
  /** Capacity nodes the diagram places it on (parent capacity group and "runs on" targets). */
  placements: DiagramNode[];
  onFargate: boolean;
  onFargateSpot: boolean;
  onEc2: boolean;
  onExternal: boolean;
  /** EC2 capacity nodes whose instances can run these tasks. */
  ec2Capacities: Ec2Capacity[];
}

type EcsClusterKindId = KindIdWith<'cluster', { platform: 'ecs' }>;
type KubernetesClusterKindId = KindIdWith<'cluster', { platform: 'kubernetes' }>;
/** ECS capacity on EC2 instances: it can register as an Auto Scaling group capacity provider. */
type EcsEc2CapacityKindId = KindIdWith<'capacity', { platform: 'ecs'; compute: 'ec2' }>;
/** ECS capacity on Fargate: the FARGATE and FARGATE_SPOT providers of a cluster. */
type EcsFargateCapacityKindId = KindIdWith<'capacity', { platform: 'ecs'; compute: 'fargate' }>;
/** Kubernetes capacity on Fargate, which places pods by selectors (EKS Fargate profiles). */
type FargateProfileKindId = KindIdWith<'capacity', { platform: 'kubernetes'; compute: 'fargate' }>;

const ECS_CLUSTER_KINDS = clusterKindsOf('ecs') as EcsClusterKindId[];
const KUBERNETES_CLUSTER_KINDS = clusterKindsOf('kubernetes') as KubernetesClusterKindId[];
const ECS_EC2_CAPACITY_KINDS = kindsWith(
  'capacity',
  (capacity) => capacity.platform === 'ecs' && capacity.compute === 'ec2',
) as EcsEc2CapacityKindId[];
const ECS_FARGATE_KINDS = kindsWith(
  'capacity',
  (capacity) => capacity.platform === 'ecs' && capacity.compute === 'fargate',
) as EcsFargateCapacityKindId[];
const PROFILE_KINDS = kindsWith(
  'capacity',
  (capacity) => capacity.platform === 'kubernetes' && capacity.compute === 'fargate',
) as FargateProfileKindId[];

export type Ec2Capacity = NodeOfKind<EcsEc2CapacityKindId>;
export type EcsCluster = NodeOfKind<EcsClusterKindId>;
export type KubernetesCluster = NodeOfKind<KubernetesClusterKindId>;

/** The ECS cluster boxes of the diagram, in catalog then document order. */
export function ecsClusters(model: DiagramModel): readonly EcsCluster[] {
  return ECS_CLUSTER_KINDS.flatMap((kind) => model.nodesOfKind(kind));
}

/** ECS capacity on EC2 instances (Auto Scaling groups), in catalog then document order. */
export function ecsEc2Capacities(model: DiagramModel): readonly Ec2Capacity[] {
  return ECS_EC2_CAPACITY_KINDS.flatMap((kind) => model.nodesOfKind(kind));
}

/** The EKS cluster boxes of the diagram. */
export function kubernetesClusters(model: DiagramModel): readonly KubernetesCluster[] {
  return KUBERNETES_CLUSTER_KINDS.flatMap((kind) => model.nodesOfKind(kind));
}

export function isEcsCluster(node: DiagramNode | undefined): node is EcsCluster {
  return isCluster(node, 'ecs');
}

export function isKubernetesCluster(node: DiagramNode | undefined): node is KubernetesCluster {
  return isCluster(node, 'kubernetes');
}

/** The ECS cluster box a node is drawn in. */
export function ecsClusterOf(model: DiagramModel, id: string) {
  return model.nearest(id, ...ECS_CLUSTER_KINDS);
}

/** The EKS cluster box a node is drawn in. */
export function kubernetesClusterOf(model: DiagramModel, id: string) {
  return model.nearest(id, ...KUBERNETES_CLUSTER_KINDS);
}

export function resolveEcsCompute(model: DiagramModel, node: NodeOfKind<EcsWorkloadKindId>): EcsCompute {
  const cluster = ecsClusterOf(model, node.id);
  const placements = ecsPlacements(model, node);
  const props = propsOf(node);
  const launchType = props.launchType;
  const explicitStrategy = props.capacityProviderStrategy;
  const launchTypeAndStrategy = launchType !== '' && explicitStrategy.length > 0;
  // One object per call, completed by finish(): this runs for every service on every edit.
  const compute = (source: ComputeSource, strategy: ResolvedStrategyItem[], impliedLaunchType?: LaunchType) =>
    finish(model, { source, launchType: impliedLaunchType, strategy, launchTypeAndStrategy, cluster, placements });

  if (launchType !== '') return compute('launch-type', [], launchType);
  if (explicitStrategy.length > 0) return compute('strategy', resolveStrategy(model, cluster, explicitStrategy));
  if (placements.length === 1) {
    const implied = impliedByCapacity(placements[0]!);
    return compute('placement', implied.strategy ?? [], implied.launchType);
  }
  if (placements.length > 1) {
    const strategy: ResolvedStrategyItem[] = placements.flatMap((capacity) => {
      const implied = impliedByCapacity(capacity);
      if (implied.strategy) return implied.strategy;
      // Fargate capacity stands for the FARGATE provider, which a strategy can name.
      if (implied.launchType === 'FARGATE') return [{ provider: 'FARGATE', base: 0, weight: 1, ref: { type: 'FARGATE' } }];
      return [
        {
          provider: implied.launchType ?? 'EC2',
          base: 0,
          weight: 1,
          ref: { type: 'unknown', name: implied.launchType ?? 'EC2' },
        },
      ];
    });
    return compute('placement', strategy);
  }
  const clusterDefault = cluster ? propsOf(cluster).defaultCapacityProviderStrategy : [];
  if (clusterDefault.length > 0) return compute('cluster-default', resolveStrategy(model, cluster, clusterDefault));
  return compute('none', []);
}

/** The capacity groups a service or task is placed on in the diagram. */
export function ecsPlacements(model: DiagramModel, node: DiagramNode): DiagramNode[] {
  const placements: DiagramNode[] = [];
  const parent = model.parent(node.id);
  if (isCapacity(parent, 'ecs')) placements.push(parent);
  for (const edge of model.edgesFrom(node.id, 'runs-on')) {
    const target = model.node(edge.target);
    if (isCapacity(target, 'ecs') && !placements.includes(target)) placements.push(target);
  }
  return placements;
}

function impliedByCapacity(capacity: DiagramNode): { launchType?: LaunchType; strategy?: ResolvedStrategyItem[] } {
  const compute = capacityCompute(capacity);
  if (compute === 'fargate') return { launchType: 'FARGATE' };
  if (compute === 'external') return { launchType: 'EXTERNAL' };
  if (isAsgCapacityProvider(capacity)) {
    return { strategy: [{ provider: capacity.id, base: 0, weight: 1, ref: { type: 'asg', capacity } }] };
  }
  return { launchType: 'EC2' };
}

/** Resolves provider names: FARGATE, FARGATE_SPOT, or the id of an EC2 capacity node registered as a capacity provider. */
export function resolveStrategy(
  model: DiagramModel,
  cluster: EcsCluster | undefined,
  items: readonly StrategyItem[],
): ResolvedStrategyItem[] {
  return items.map((item) => ({ ...item, ref: resolveProvider(model, cluster, item.provider) }));
}

export function resolveProvider(model: DiagramModel, cluster: EcsCluster | undefined, name: string): ProviderRef {
  if (name === 'FARGATE') return { type: 'FARGATE' };
  if (name === 'FARGATE_SPOT') return { type: 'FARGATE_SPOT' };
  const capacity = model.node(name);
  if (isAsgCapacityProvider(capacity)) {
    if (!cluster || ecsClusterOf(model, capacity.id)?.id === cluster.id) return { type: 'asg', capacity };
  }
  return { type: 'unknown', name };
}

/** ECS capacity on EC2 instances registered as an Auto Scaling group capacity provider. */
export function isAsgCapacityProvider(node: DiagramNode | undefined): node is Ec2Capacity {
  return isNodeOfKind(node, ...ECS_EC2_CAPACITY_KINDS) && propsOf(node).capacityProvider;
}

/** ECS capacity on EC2 instances (whether or not it is a capacity provider). */
export function isEcsEc2Capacity(node: DiagramNode | undefined): node is Ec2Capacity {
  return isNodeOfKind(node, ...ECS_EC2_CAPACITY_KINDS);
}

function finish(
  model: DiagramModel,
  partial: Omit<EcsCompute, 'onFargate' | 'onFargateSpot' | 'onEc2' | 'onExternal' | 'ec2Capacities'>,
): EcsCompute {
  let onFargate = partial.launchType === 'FARGATE';
  let onFargateSpot = false;
  const asgCapacities: Ec2Capacity[] = [];
  for (const { ref } of partial.strategy) {
    if (ref.type === 'FARGATE') onFargate = true;
    else if (ref.type === 'FARGATE_SPOT') onFargate = onFargateSpot = true;
    else if (ref.type === 'asg') asgCapacities.push(ref.capacity);
  }
  let ec2Capacities = asgCapacities;
  if (partial.launchType === 'EC2') {
    // The EC2 launch type runs on any container instance of the cluster: the EC2 capacity drawn there.
    const placed = partial.placements.filter((capacity) => isEcsEc2Capacity(capacity));
    ec2Capacities = placed.length > 0 ? placed : partial.cluster ? ec2CapacitiesOfCluster(model, partial.cluster) : [];
  }
  const compute = partial as EcsCompute;
  compute.onFargate = onFargate;
  compute.onFargateSpot = onFargateSpot;
  compute.onEc2 = partial.launchType === 'EC2' || asgCapacities.length > 0;
  compute.onExternal = partial.launchType === 'EXTERNAL';
  compute.ec2Capacities = ec2Capacities;
  return compute;
}

export function ec2CapacitiesOfCluster(model: DiagramModel, cluster: DiagramNode) {
  return model.index.children(cluster.id).filter((child) => isEcsEc2Capacity(child));
}

export function fargateCapacityOfCluster(model: DiagramModel, cluster: DiagramNode) {
  return model.index.children(cluster.id).find((child) => isNodeOfKind(child, ...ECS_FARGATE_KINDS));
}

/**
 * The network mode tasks actually use. Fargate forces awsvpc at registration, so the
 * property is what the user asked for and this is what rules compare against.
 */
export function requestedNetworkMode(node: NodeOfKind<EcsWorkloadKindId>): string {
  return propsOf(node).networkMode;
}

// ───────────────────────────── EKS ─────────────────────────────

export interface EksCompute {
  cluster?: KubernetesCluster;
  /** Node groups, self-managed nodes and Fargate profiles the diagram places the workload on. */
  placements: DiagramNode[];
  /** Fargate profiles of the cluster whose selectors match the workload's namespace and labels. */
  matchingProfiles: FargateProfile[];
  onFargate: boolean;
  onNodes: boolean;
  /** False when the pods match no Fargate profile and the cluster has no nodes. */
  schedulable: boolean;
}

type FargateProfile = NodeOfKind<FargateProfileKindId>;

export function isFargateProfile(node: DiagramNode | undefined): node is FargateProfile {
  return isNodeOfKind(node, ...PROFILE_KINDS);
}

export function resolveEksCompute(model: DiagramModel, workload: NodeOfKind<KubernetesWorkloadKindId>): EksCompute {
  const cluster = kubernetesClusterOf(model, workload.id);
  const placements: DiagramNode[] = [];
  const parent = model.parent(workload.id);
  if (isCapacity(parent, 'kubernetes')) placements.push(parent);
  for (const target of model.targets(workload.id, 'runs-on')) {
    if (isCapacity(target, 'kubernetes') && !placements.includes(target)) placements.push(target);
  }
  const profiles = cluster ? model.index.children(cluster.id).filter((child) => isFargateProfile(child)) : [];
  const matchingProfiles = profiles.filter((profile) => fargateProfileMatches(profile, workload));
  if (placements.length > 0) {
    const onFargate = placements.some((placement) => capacityCompute(placement) === 'fargate');
    const onNodes = placements.some((placement) => capacityCompute(placement) !== 'fargate');
    return { cluster, placements, matchingProfiles, onFargate, onNodes, schedulable: true };
  }
  if (matchingProfiles.length > 0) {
    return { cluster, placements, matchingProfiles, onFargate: true, onNodes: false, schedulable: true };
  }
  const nodes = cluster
    ? model.index.children(cluster.id).filter((child) => isCapacity(child, 'kubernetes') && capacityCompute(child) === 'ec2')
    : [];
  return { cluster, placements, matchingProfiles, onFargate: false, onNodes: nodes.length > 0, schedulable: nodes.length > 0 || !cluster };
}

/** Parses "app=web, tier=front" into pairs. */
export function parseLabels(text: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const pair of text.split(',')) {
    const [key, ...rest] = pair.split('=');
    if (key && key.trim()) labels.set(key.trim(), rest.join('=').trim());
  }
  return labels;
}

/**
 * A Fargate profile selector matches a pod when its namespace matches and every selector label
 * is on the pod. Namespaces, label keys and label values may hold the wildcards `*` (any run of
 * characters) and `?` (one character)
 * (https://docs.aws.amazon.com/eks/latest/userguide/fargate-profile.html#fargate-profile-wildcards).
 */
export function fargateProfileMatches(profile: FargateProfile, workload: NodeOfKind<KubernetesWorkloadKindId>): boolean {
  const { selectors } = propsOf(profile);
  const pod = propsOf(workload);
  const podLabels = [...parseLabels(pod.labels)];
  return selectors.some((selector) => {
    if (!wildcardMatches(selector.namespace, pod.namespace)) return false;
    for (const [key, value] of parseLabels(selector.labels)) {
      if (!podLabels.some(([podKey, podValue]) => wildcardMatches(key, podKey) && wildcardMatches(value, podValue))) return false;
    }
    return true;
  });
}

/** Whether `text` matches `pattern`, where `*` stands for any run of characters and `?` for one. */
export function wildcardMatches(pattern: string, text: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === text;
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'su').test(text);
}
