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
  | { type: 'asg'; capacity: DiagramNode }
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
  cluster?: DiagramNode;
  /** Capacity nodes the diagram places it on (parent capacity group and "runs on" targets). */
  placements: DiagramNode[];
  onFargate: boolean;
  onFargateSpot: boolean;
  onEc2: boolean;
  onExternal: boolean;
  /** EC2 capacity nodes whose instances can run these tasks. */
  ec2Capacities: DiagramNode[];
}

const ECS_CAPACITY_KINDS = ['ecs-fargate-capacity', 'ecs-ec2-capacity', 'ecs-external-capacity'];

export function resolveEcsCompute(model: DiagramModel, node: DiagramNode): EcsCompute {
  const cluster = model.nearest(node.id, 'ecs-cluster');
  const placements = ecsPlacements(model, node);
  const launchType = (node.props.launchType as string) || '';
  const explicitStrategy = (node.props.capacityProviderStrategy as StrategyItem[] | undefined) ?? [];
  const launchTypeAndStrategy = launchType !== '' && explicitStrategy.length > 0;
  // One object per call, completed by finish(): this runs for every service on every edit.
  const compute = (source: ComputeSource, strategy: ResolvedStrategyItem[], impliedLaunchType?: LaunchType) =>
    finish(model, { source, launchType: impliedLaunchType, strategy, launchTypeAndStrategy, cluster, placements });

  if (launchType !== '') return compute('launch-type', [], launchType as LaunchType);
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
      if (implied.launchType === 'FARGATE') return [{ provider: 'FARGATE', base: 0, weight: 1, ref: { type: 'FARGATE' } as ProviderRef }];
      return [
        {
          provider: implied.launchType ?? 'EC2',
          base: 0,
          weight: 1,
          ref: { type: 'unknown', name: implied.launchType ?? 'EC2' } as ProviderRef,
        },
      ];
    });
    return compute('placement', strategy);
  }
  const clusterDefault = (cluster?.props.defaultCapacityProviderStrategy as StrategyItem[] | undefined) ?? [];
  if (clusterDefault.length > 0) return compute('cluster-default', resolveStrategy(model, cluster, clusterDefault));
  return compute('none', []);
}

/** The capacity groups a service or task is placed on in the diagram. */
export function ecsPlacements(model: DiagramModel, node: DiagramNode): DiagramNode[] {
  const placements: DiagramNode[] = [];
  const parent = model.parent(node.id);
  if (parent && ECS_CAPACITY_KINDS.includes(parent.kind)) placements.push(parent);
  for (const edge of model.edgesFrom(node.id, 'runs-on')) {
    const target = model.node(edge.target);
    if (target && ECS_CAPACITY_KINDS.includes(target.kind) && !placements.includes(target)) placements.push(target);
  }
  return placements;
}

function impliedByCapacity(capacity: DiagramNode): { launchType?: LaunchType; strategy?: ResolvedStrategyItem[] } {
  if (capacity.kind === 'ecs-fargate-capacity') return { launchType: 'FARGATE' };
  if (capacity.kind === 'ecs-external-capacity') return { launchType: 'EXTERNAL' };
  if (capacity.props.capacityProvider === true) {
    return { strategy: [{ provider: capacity.id, base: 0, weight: 1, ref: { type: 'asg', capacity } }] };
  }
  return { launchType: 'EC2' };
}

/** Resolves provider names: FARGATE, FARGATE_SPOT, or the id of an EC2 capacity node registered as a capacity provider. */
export function resolveStrategy(
  model: DiagramModel,
  cluster: DiagramNode | undefined,
  items: readonly StrategyItem[],
): ResolvedStrategyItem[] {
  return items.map((item) => ({ ...item, ref: resolveProvider(model, cluster, item.provider) }));
}

export function resolveProvider(model: DiagramModel, cluster: DiagramNode | undefined, name: string): ProviderRef {
  if (name === 'FARGATE') return { type: 'FARGATE' };
  if (name === 'FARGATE_SPOT') return { type: 'FARGATE_SPOT' };
  const capacity = model.node(name);
  if (capacity?.kind === 'ecs-ec2-capacity' && capacity.props.capacityProvider === true) {
    if (!cluster || model.nearest(capacity.id, 'ecs-cluster')?.id === cluster.id) return { type: 'asg', capacity };
  }
  return { type: 'unknown', name };
}

function finish(
  model: DiagramModel,
  partial: Omit<EcsCompute, 'onFargate' | 'onFargateSpot' | 'onEc2' | 'onExternal' | 'ec2Capacities'>,
): EcsCompute {
  let onFargate = partial.launchType === 'FARGATE';
  let onFargateSpot = false;
  const asgCapacities: DiagramNode[] = [];
  for (const { ref } of partial.strategy) {
    if (ref.type === 'FARGATE') onFargate = true;
    else if (ref.type === 'FARGATE_SPOT') onFargate = onFargateSpot = true;
    else if (ref.type === 'asg') asgCapacities.push(ref.capacity);
  }
  let ec2Capacities = asgCapacities;
  if (partial.launchType === 'EC2') {
    // The EC2 launch type runs on any container instance of the cluster: the EC2 capacity drawn there.
    const placed = partial.placements.filter((capacity) => capacity.kind === 'ecs-ec2-capacity');
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

export function ec2CapacitiesOfCluster(model: DiagramModel, cluster: DiagramNode): DiagramNode[] {
  return model.index.children(cluster.id).filter((child) => child.kind === 'ecs-ec2-capacity');
}

export function fargateCapacityOfCluster(model: DiagramModel, cluster: DiagramNode): DiagramNode | undefined {
  return model.index.children(cluster.id).find((child) => child.kind === 'ecs-fargate-capacity');
}

/**
 * The network mode tasks actually use. Fargate forces awsvpc at registration, so the
 * property is what the user asked for and this is what rules compare against.
 */
export function requestedNetworkMode(node: DiagramNode): string {
  return String(node.props.networkMode ?? 'awsvpc');
}

// ───────────────────────────── EKS ─────────────────────────────

export interface EksCompute {
  cluster?: DiagramNode;
  /** Node groups, self-managed nodes and Fargate profiles the diagram places the workload on. */
  placements: DiagramNode[];
  /** Fargate profiles of the cluster whose selectors match the workload's namespace and labels. */
  matchingProfiles: DiagramNode[];
  onFargate: boolean;
  onNodes: boolean;
  /** False when the pods match no Fargate profile and the cluster has no nodes. */
  schedulable: boolean;
}

const EKS_CAPACITY_KINDS = ['eks-managed-node-group', 'eks-self-managed-nodes', 'eks-fargate-profile'];

export function resolveEksCompute(model: DiagramModel, workload: DiagramNode): EksCompute {
  const cluster = model.nearest(workload.id, 'eks-cluster');
  const placements: DiagramNode[] = [];
  const parent = model.parent(workload.id);
  if (parent && EKS_CAPACITY_KINDS.includes(parent.kind)) placements.push(parent);
  for (const target of model.targets(workload.id, 'runs-on')) {
    if (EKS_CAPACITY_KINDS.includes(target.kind) && !placements.includes(target)) placements.push(target);
  }
  const profiles = cluster ? model.index.children(cluster.id).filter((child) => child.kind === 'eks-fargate-profile') : [];
  const matchingProfiles = profiles.filter((profile) => fargateProfileMatches(profile, workload));
  if (placements.length > 0) {
    const onFargate = placements.some((placement) => placement.kind === 'eks-fargate-profile');
    const onNodes = placements.some((placement) => placement.kind !== 'eks-fargate-profile');
    return { cluster, placements, matchingProfiles, onFargate, onNodes, schedulable: true };
  }
  if (matchingProfiles.length > 0) {
    return { cluster, placements, matchingProfiles, onFargate: true, onNodes: false, schedulable: true };
  }
  const nodes = cluster
    ? model.index.children(cluster.id).filter((child) => child.kind === 'eks-managed-node-group' || child.kind === 'eks-self-managed-nodes')
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

/** A Fargate profile selector matches a pod when the namespace is equal and every selector label is on the pod. */
export function fargateProfileMatches(profile: DiagramNode, workload: DiagramNode): boolean {
  const selectors = (profile.props.selectors as { namespace: string; labels: string }[] | undefined) ?? [];
  const podLabels = parseLabels(String(workload.props.labels ?? ''));
  return selectors.some((selector) => {
    if (selector.namespace !== workload.props.namespace) return false;
    for (const [key, value] of parseLabels(selector.labels)) if (podLabels.get(key) !== value) return false;
    return true;
  });
}
