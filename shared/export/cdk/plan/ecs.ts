import {
  capacityCompute,
  edgePropsOf,
  isEcsCapacity,
  isEcsWorkload,
  isLoadBalancerOf,
  isNodeOfKind,
  propsOf,
  type EcsCapacityKindId,
  type EcsWorkloadKindId,
  type NodeOfKind,
} from '../../../catalog';
import type { StrategyItem } from '../../../catalog/common';
import {
  ecsClusterOf,
  isAsgCapacityProvider,
  isEcsCluster,
  resolveEcsCompute,
  resolveStrategy,
  type EcsCluster,
  type EcsCompute,
  type ResolvedStrategyItem,
} from '../../../model/compute';
import { construct, type Construct } from './constructs';
import { routesTo, type LoadBalancerPlan, type RoutePlan } from './load-balancers';
import type { StackScope } from './scope';
import { mountsOf, type FileSystemPlan, type MountPlan } from './storage';

/**
 * The ECS part of a stack, decided before any code is written: its clusters (and the generated
 * one for services drawn outside every cluster), the capacity of each (an Auto Scaling group and
 * a capacity provider for EC2 capacity), and for each service or task where it runs (Fargate, EC2
 * or ECS Anywhere), its capacity provider strategy, its network mode, the routes of load
 * balancers to it and the instances that must let those load balancers in.
 */

export type EcsWorkload = NodeOfKind<EcsWorkloadKindId>;
export type Flavour = 'fargate' | 'ec2' | 'external';

export interface EcsCapacityPlan {
  node: NodeOfKind<EcsCapacityKindId>;
  compute: 'fargate' | 'ec2' | 'external';
  /** EC2 capacity: its instances' Auto Scaling group. */
  autoScalingGroup: Construct | undefined;
  /** EC2 capacity registered as a capacity provider. */
  provider: Construct | undefined;
}

export interface StrategyItemPlan {
  provider: 'FARGATE' | 'FARGATE_SPOT' | EcsCapacityPlan;
  base: number;
  weight: number;
}

export interface StrategyPlan {
  items: StrategyItemPlan[];
  /** Items whose provider is not a capacity provider of the cluster: left out, with a comment each. */
  missing: number;
}

export interface EcsClusterPlan {
  /** The cluster box; undefined for the cluster generated for workloads drawn outside every cluster. */
  node: EcsCluster | undefined;
  construct: Construct;
  capacities: EcsCapacityPlan[];
  /** The Fargate capacity providers the cluster registers: those its Fargate capacity turns on, and those a strategy names. */
  fargateProviders: FargateProvider[];
  defaultStrategy: StrategyPlan;
}

export interface EcsWorkloadPlan {
  node: EcsWorkload;
  compute: EcsCompute;
  cluster: EcsClusterPlan;
  flavour: Flavour;
  strategy: StrategyPlan;
  /** The resolved strategy mixes Fargate and Auto Scaling group providers: only the matching ones are used. */
  mixedStrategy: boolean;
  /** The network mode the task definition gets (Fargate forces awsvpc, ECS Anywhere has none). */
  networkMode: string;
  /** A Network Load Balancer forwards UDP to it. */
  udp: boolean;
  routes: RoutePlan[];
  /** The Auto Scaling groups whose instances run its tasks (EC2 network modes other than awsvpc register instances). */
  instanceGroups: EcsCapacityPlan[];
  mounts: MountPlan[];
}

export interface EcsPlan {
  /** The cluster boxes of the stack, in document order, then the generated cluster if one is needed. */
  clusters: EcsClusterPlan[];
  workloads: EcsWorkloadPlan[];
  /** The ECS workloads of the stack drawn outside every cluster of the stack: they run in the generated cluster. */
  orphans: EcsWorkload[];
}

export function planEcs(scope: StackScope, loadBalancers: readonly LoadBalancerPlan[], fileSystems: readonly FileSystemPlan[]): EcsPlan {
  const { model } = scope;
  const clusters = scope.nodesWhere(isEcsCluster).map((cluster) => planCluster(scope, cluster));
  const workloads = scope.ecsWorkloads();
  const clusterOf = (workload: EcsWorkload) => {
    const cluster = ecsClusterOf(model, workload.id);
    return cluster && scope.inStack(cluster) ? clusters.find((plan) => plan.node === cluster) : undefined;
  };
  const orphans = workloads.filter((workload) => clusterOf(workload) === undefined);
  const generated: EcsClusterPlan | undefined =
    orphans.length > 0
      ? {
          node: undefined,
          construct: construct('the generated ECS cluster'),
          capacities: [],
          fargateProviders: ['FARGATE', 'FARGATE_SPOT'],
          defaultStrategy: NO_STRATEGY,
        }
      : undefined;
  const capacities = clusters.flatMap((cluster) => cluster.capacities);
  for (const cluster of clusters) {
    cluster.defaultStrategy = cluster.node
      ? strategyPlan(resolveStrategy(model, cluster.node, propsOf(cluster.node).defaultCapacityProviderStrategy), capacities)
      : NO_STRATEGY;
  }
  return {
    clusters: generated ? [...clusters, generated] : clusters,
    orphans,
    workloads: workloads.map((workload) => {
      const cluster = clusterOf(workload);
      return planWorkload(scope, workload, cluster ?? generated!, cluster !== undefined, capacities, loadBalancers, fileSystems);
    }),
  };
}

const NO_STRATEGY: StrategyPlan = { items: [], missing: 0 };

function planCluster(scope: StackScope, cluster: EcsCluster): EcsClusterPlan {
  const { model } = scope;
  const capacities = model.index
    .children(cluster.id)
    .filter(isEcsCapacity)
    .flatMap((node): EcsCapacityPlan[] => {
      const compute = capacityCompute(node);
      if (!compute) return [];
      const ec2 = compute === 'ec2';
      return [
        {
          node,
          compute,
          autoScalingGroup: ec2 ? construct(`Auto Scaling group of ${node.id}`) : undefined,
          provider: ec2 && isAsgCapacityProvider(node) ? construct(`capacity provider of ${node.id}`) : undefined,
        },
      ];
    });
  return {
    node: cluster,
    construct: construct(`ECS cluster ${cluster.id}`),
    capacities,
    fargateProviders: fargateProviders(scope, cluster),
    defaultStrategy: NO_STRATEGY,
  };
}

export type FargateProvider = 'FARGATE' | 'FARGATE_SPOT';

/** The Fargate providers the cluster must register: those its drawn Fargate capacity turns on, and those a strategy names. */
function fargateProviders(scope: StackScope, cluster: EcsCluster): FargateProvider[] {
  const { model } = scope;
  const wanted = new Set<string>();
  for (const child of model.index.children(cluster.id)) {
    if (!isNodeOfKind(child, 'ecs-fargate-capacity')) continue;
    const { fargate, fargateSpot } = propsOf(child);
    if (fargate) wanted.add('FARGATE');
    if (fargateSpot) wanted.add('FARGATE_SPOT');
  }
  for (const item of propsOf(cluster).defaultCapacityProviderStrategy as StrategyItem[]) wanted.add(item.provider);
  for (const node of model.index.descendants(cluster.id).filter(isEcsWorkload)) {
    for (const item of resolveEcsCompute(model, node).strategy) wanted.add(item.ref.type);
  }
  return (['FARGATE', 'FARGATE_SPOT'] as const).filter((provider) => wanted.has(provider));
}

/** Strategy items with their providers; providers the stack does not define are counted as missing. */
function strategyPlan(items: readonly ResolvedStrategyItem[], capacities: readonly EcsCapacityPlan[]): StrategyPlan {
  const plan: StrategyPlan = { items: [], missing: 0 };
  for (const item of items) {
    let provider: StrategyItemPlan['provider'] | undefined;
    if (item.ref.type === 'FARGATE' || item.ref.type === 'FARGATE_SPOT') provider = item.ref.type;
    else if (item.ref.type === 'asg') {
      const { capacity } = item.ref;
      provider = capacities.find((candidate) => candidate.node.id === capacity.id && candidate.provider !== undefined);
    }
    if (provider === undefined) plan.missing++;
    else plan.items.push({ provider, base: item.base, weight: item.weight });
  }
  return plan;
}

/**
 * Fargate, EC2 or ECS Anywhere, as ECS would resolve it (shared/model/compute.ts). A workload
 * the diagram has not placed on any capacity runs on Fargate, which needs no instances.
 */
function planWorkload(
  scope: StackScope,
  workload: EcsWorkload,
  cluster: EcsClusterPlan,
  inDrawnCluster: boolean,
  capacities: readonly EcsCapacityPlan[],
  loadBalancers: readonly LoadBalancerPlan[],
  fileSystems: readonly FileSystemPlan[],
): EcsWorkloadPlan {
  const { model } = scope;
  const compute = resolveEcsCompute(model, workload);
  let flavour: Flavour;
  if (compute.launchType === 'EXTERNAL') flavour = 'external';
  else if (compute.launchType === 'EC2') flavour = 'ec2';
  else if (compute.launchType === 'FARGATE') flavour = 'fargate';
  else if (compute.strategy.some((item) => item.ref.type === 'asg')) flavour = 'ec2';
  else flavour = 'fargate';
  let strategy = NO_STRATEGY;
  let mixedStrategy = false;
  if (!inDrawnCluster) flavour = 'fargate';
  else {
    const usable = compute.strategy.filter((item) => (flavour === 'ec2' ? item.ref.type === 'asg' : item.ref.type !== 'asg'));
    mixedStrategy = usable.length < compute.strategy.length;
    strategy = strategyPlan(usable, capacities);
  }
  const requested = propsOf(workload).networkMode;
  const networkMode = flavour === 'fargate' ? 'awsvpc' : flavour === 'external' && requested === 'awsvpc' ? 'bridge' : requested;
  const udp = model.edgesTo(workload.id, 'routes-traffic').some((edge) => {
    const loadBalancer = model.node(edge.source);
    return isLoadBalancerOf(loadBalancer, 'network') && edgePropsOf(edge, loadBalancer, 'routes-traffic', workload.kind).protocol === 'UDP';
  });
  const instanceGroups = compute.ec2Capacities.flatMap(
    (capacity) => capacities.find((candidate) => candidate.node.id === capacity.id && candidate.autoScalingGroup !== undefined) ?? [],
  );
  return {
    node: workload,
    compute,
    cluster,
    flavour,
    strategy,
    mixedStrategy,
    networkMode,
    udp,
    routes: routesTo(model, loadBalancers, workload),
    instanceGroups,
    mounts: mountsOf(scope, fileSystems, workload),
  };
}
