import {
  capacityCompute,
  isCapacity,
  isLoadBalancer,
  isNodeOfKind,
  isScaler,
  isWorkload,
  kindsWith,
  propsOf,
  traitsOf,
  type KindIdWith,
  type NodeOfKind,
  type PropsOfKind,
  type ScalerKindId,
  type WorkloadKindId,
} from '../catalog';
import { isWindows } from '../catalog/common';
import type { DiagramDocument, DiagramNode } from '../document/schema';
import { DiagramModel, kubernetesClusterOf, resolveEcsCompute, resolveEksCompute } from '../model';
import { withDefaults, type SimulationAssumptions } from './assumptions';
import { taskRoom } from './instance-shapes';
import { scheduleTimes } from './schedule';
import type { AsgPolicy, ProviderShare, ServicePolicy, SimAsg, SimEntry, SimService, SimTopology } from './topology';

/**
 * Reads what the engine simulates from a diagram, through the catalog's traits and the model
 * (where workloads run, what scales what): no kind id is listed here. What one kind's fields
 * mean is in the tables below, keyed by every kind of a role, so a new workload, scaler or kind
 * of EC2 capacity does not compile until it says.
 */

/** What a workload asks of its capacity; undefined for workloads that run to completion (not simulated). */
export interface WorkloadShape {
  cpuUnits: number;
  memoryMiB: number;
  count: number;
  daemon: boolean;
  os: 'linux' | 'windows';
  arch: 'x86' | 'arm';
}

export const WORKLOAD_SHAPES: { [K in WorkloadKindId]: (props: PropsOfKind<K>) => WorkloadShape | undefined } = {
  'ecs-service': (props) => ({
    cpuUnits: props.cpu,
    memoryMiB: props.memory,
    count: props.desiredCount,
    daemon: props.schedulingStrategy === 'DAEMON',
    os: isWindows(props.operatingSystemFamily) ? 'windows' : 'linux',
    arch: props.cpuArchitecture === 'ARM64' ? 'arm' : 'x86',
  }),
  // A standalone task runs to completion: no load balancer sends it requests, nothing scales it.
  'ecs-task': () => undefined,
  // Kubernetes asks in millicores: 1000 m is one vCPU, 1024 CPU units.
  'eks-workload': (props) => ({
    cpuUnits: Math.round((props.cpu * 1024) / 1000),
    memoryMiB: props.memory,
    count: props.replicas,
    daemon: props.workloadType === 'DaemonSet',
    os: props.operatingSystem,
    arch: props.cpuArchitecture === 'arm64' ? 'arm' : 'x86',
  }),
};

export function workloadShape(node: DiagramNode): WorkloadShape | undefined {
  if (!isWorkload(node)) return undefined;
  const read = WORKLOAD_SHAPES[node.kind] as (props: PropsOfKind<WorkloadKindId>) => WorkloadShape | undefined;
  return read(propsOf(node));
}

type Ec2CapacityKindId = KindIdWith<'capacity', { compute: 'ec2' }>;

/** An Auto Scaling group of instances, as the diagram draws it. */
export interface GroupShape {
  instanceType: string;
  minSize: number;
  maxSize: number;
  desired: number;
  spot: boolean;
  os: 'linux' | 'windows';
  arch: 'x86' | 'arm';
  /** ECS capacity provider managed scaling, with its target capacity %. */
  managedScaling?: number;
}

export const GROUP_SHAPES: { [K in Ec2CapacityKindId]: (props: PropsOfKind<K>) => GroupShape } = {
  'ecs-ec2-capacity': (props) => ({
    instanceType: props.instanceType,
    minSize: props.minSize,
    maxSize: props.maxSize,
    desired: props.desiredCapacity ?? props.minSize,
    spot: props.spotInstances,
    os: props.amiFamily.startsWith('WINDOWS') ? 'windows' : 'linux',
    arch: props.amiFamily.includes('ARM') ? 'arm' : 'x86',
    ...(props.capacityProvider && props.managedScaling ? { managedScaling: props.targetCapacityPercent } : {}),
  }),
  // A managed node group may list several types; the first is the one costed and simulated.
  'eks-managed-node-group': (props) => ({
    instanceType: props.instanceTypes.split(',')[0]!.trim(),
    minSize: props.minSize,
    maxSize: props.maxSize,
    desired: props.desiredSize,
    spot: props.capacityType === 'SPOT',
    os: props.amiType.startsWith('WINDOWS') ? 'windows' : 'linux',
    arch: props.amiType.includes('ARM') ? 'arm' : 'x86',
  }),
  'eks-self-managed-nodes': (props) => ({
    instanceType: props.instanceType,
    minSize: props.minSize,
    maxSize: props.maxSize,
    desired: props.desiredCapacity ?? props.minSize,
    spot: false,
    os: props.operatingSystem,
    arch: props.cpuArchitecture === 'arm64' ? 'arm' : 'x86',
  }),
};

const GROUP_KINDS = kindsWith('capacity', (capacity) => capacity.compute === 'ec2') as Ec2CapacityKindId[];

export function groupShape(node: DiagramNode): GroupShape | undefined {
  if (!isNodeOfKind(node, ...GROUP_KINDS)) return undefined;
  const read = GROUP_SHAPES[node.kind] as (props: PropsOfKind<Ec2CapacityKindId>) => GroupShape;
  return read(propsOf(node));
}

/** What a scaler does to what it scales: task counts (with bounds) or instance counts. */
export type ScalerReading =
  { scales: 'tasks'; minCapacity: number; maxCapacity: number; policies: ServicePolicy[] } | { scales: 'instances'; policies: AsgPolicy[] };

const METRICS = {
  ECSServiceAverageCPUUtilization: 'cpu',
  ECSServiceAverageMemoryUtilization: 'memory',
  ALBRequestCountPerTarget: 'requests-per-target',
} as const;

export const SCALERS: { [K in ScalerKindId]: (props: PropsOfKind<K>) => ScalerReading } = {
  'service-auto-scaling': (props) => ({
    scales: 'tasks',
    minCapacity: props.minCapacity,
    maxCapacity: props.maxCapacity,
    policies: props.policies.flatMap((policy): ServicePolicy[] => {
      if (policy.type === 'target-tracking') {
        return [
          {
            type: 'target-tracking',
            metric: METRICS[policy.metric],
            targetValue: policy.targetValue,
            scaleOutCooldownSeconds: policy.scaleOutCooldown,
            scaleInCooldownSeconds: policy.scaleInCooldown,
          },
        ];
      }
      if (policy.type === 'step') {
        const metric = policy.metric === 'CPUUtilization' ? 'cpu' : 'memory';
        // The kind draws one step each way; the engine takes any number (topology.ts).
        return [
          {
            type: 'step',
            metric,
            comparison: 'above',
            threshold: policy.scaleOutAbove,
            steps: [{ lower: 0, adjustment: policy.adjustment }],
            cooldownSeconds: 0,
          },
          {
            type: 'step',
            metric,
            comparison: 'below',
            threshold: policy.scaleInBelow,
            steps: [{ upper: 0, adjustment: -policy.adjustment }],
            cooldownSeconds: 0,
          },
        ];
      }
      return [{ type: 'scheduled', ...scheduleTimes(policy.schedule), minCapacity: policy.minCapacity, maxCapacity: policy.maxCapacity }];
    }),
  }),
  'ec2-auto-scaling': (props) => ({
    scales: 'instances',
    policies: props.policies.flatMap((policy): AsgPolicy[] => {
      // Network in and out are not simulated (docs/simulation.md).
      if (policy.type === 'target-tracking')
        return policy.metric === 'ASGAverageCPUUtilization'
          ? [{ type: 'target-tracking', metric: 'cpu', targetValue: policy.targetValue }]
          : [];
      return [{ type: 'scheduled', ...scheduleTimes(policy.schedule), minSize: policy.minSize, maxSize: policy.maxSize }];
    }),
  }),
};

function scalerReading(node: DiagramNode): ScalerReading | undefined {
  if (!isScaler(node)) return undefined;
  const read = SCALERS[node.kind] as (props: PropsOfKind<ScalerKindId>) => ScalerReading;
  return read(propsOf(node));
}

/** The topology of a document or model. */
export function readTopology(source: DiagramDocument | DiagramModel, partial: Partial<SimulationAssumptions> = {}): SimTopology {
  const model = source instanceof DiagramModel ? source : new DiagramModel(source);
  const assumptions = withDefaults(partial);
  const asgs: SimAsg[] = [];
  const asgIds = new Set<string>();
  for (const node of model.document.nodes) {
    const shape = groupShape(node);
    if (!shape || !isCapacity(node)) continue;
    const platform = traitsOf(node.kind).capacity!.platform;
    const policies = model
      .sources(node.id, 'scales')
      .map(scalerReading)
      .flatMap((reading) => (reading?.scales === 'instances' ? reading.policies : []));
    const managed: SimAsg['managed'] =
      shape.managedScaling !== undefined
        ? 'capacity-provider'
        : platform === 'kubernetes' && policies.length === 0
          ? 'cluster-autoscaler'
          : 'none';
    asgs.push({
      id: node.id,
      label: node.label || node.id,
      platform,
      instanceType: shape.instanceType,
      ...taskRoom(shape.instanceType),
      spot: shape.spot,
      os: shape.os,
      arch: shape.arch,
      minSize: shape.minSize,
      maxSize: Math.max(shape.minSize, shape.maxSize),
      initialDesired: shape.desired,
      managed,
      targetCapacityPercent: shape.managedScaling ?? 100,
      policies,
      ...regionOf(model, node.id),
    });
    asgIds.add(node.id);
  }

  const services: SimService[] = [];
  for (const node of model.document.nodes) {
    if (!isWorkload(node)) continue;
    const shape = workloadShape(node);
    if (!shape) continue;
    const providers = providersOf(model, node).filter((share) => share.provider !== 'asg' || asgIds.has(share.asgId!));
    const platform = traitsOf(node.kind).workload!.platform;
    const scaler = model
      .sources(node.id, 'scales')
      .map(scalerReading)
      .find((reading) => reading?.scales === 'tasks');
    const hpa = platform === 'kubernetes' && !shape.daemon && assumptions.hpaTargetCpuPercent > 0;
    const base = {
      id: node.id,
      label: node.label || node.id,
      platform,
      cpuUnits: shape.cpuUnits,
      memoryMiB: shape.memoryMiB,
      os: shape.os,
      arch: shape.arch,
      initialDesired: shape.count,
      providers: shape.daemon ? providers.filter((share) => share.provider === 'asg') : providers,
      daemon: shape.daemon,
      requestsPerTaskAtFullCpu:
        ((assumptions.workloadRequestsPerVcpu[node.id] ?? assumptions.requestsPerVcpuAtFullCpu) * shape.cpuUnits) / 1024,
    };
    if (scaler?.scales === 'tasks' && !shape.daemon) {
      services.push({
        ...base,
        minCapacity: scaler.minCapacity,
        maxCapacity: Math.max(scaler.minCapacity, scaler.maxCapacity),
        scaled: true,
        policies: scaler.policies,
      });
    } else if (hpa) {
      services.push({
        ...base,
        minCapacity: shape.count,
        maxCapacity: Math.max(shape.count, Math.ceil(shape.count * assumptions.hpaMaxReplicasFactor)),
        scaled: true,
        policies: [],
        hpaTargetCpu: assumptions.hpaTargetCpuPercent,
      });
    } else {
      services.push({ ...base, minCapacity: shape.count, maxCapacity: shape.count, scaled: false, policies: [] });
    }
  }

  const simulated = new Set(services.map((service) => service.id));
  const entries: SimEntry[] = model.document.nodes
    .filter((node) => isLoadBalancer(node))
    .map((node) => ({
      id: node.id,
      label: node.label || node.id,
      targets: model.targets(node.id, 'routes-traffic').flatMap((target) => (simulated.has(target.id) ? [target.id] : [])),
    }));
  return { services, asgs, entries };
}

function regionOf(model: DiagramModel, id: string): { region?: string } {
  const region = model.regionOf(id);
  return region ? { region } : {};
}

/** Where a workload's tasks or pods run, as capacity provider shares (the model resolves it as ECS and EKS do). */
function providersOf(model: DiagramModel, node: NodeOfKind<WorkloadKindId>): ProviderShare[] {
  if (isNodeOfKind(node, ...ECS_KINDS)) {
    const compute = resolveEcsCompute(model, node);
    if (compute.launchType === 'FARGATE') return [{ provider: 'fargate', base: 0, weight: 1 }];
    if (compute.launchType === 'EXTERNAL') return [{ provider: 'external', base: 0, weight: 1 }];
    if (compute.launchType === 'EC2') {
      return compute.ec2Capacities.map((capacity) => ({ provider: 'asg' as const, asgId: capacity.id, base: 0, weight: 1 }));
    }
    const shares = compute.strategy.flatMap((item): ProviderShare[] => {
      const { base, weight } = item;
      if (item.ref.type === 'FARGATE') return [{ provider: 'fargate', base, weight }];
      if (item.ref.type === 'FARGATE_SPOT') return [{ provider: 'fargate-spot', base, weight }];
      if (item.ref.type === 'asg') return [{ provider: 'asg', asgId: item.ref.capacity.id, base, weight }];
      return [];
    });
    // A service the sketch has not placed yet runs as if on Fargate, so its load still shows.
    return shares.length > 0 ? shares : [{ provider: 'fargate', base: 0, weight: 1 }];
  }
  if (isNodeOfKind(node, ...KUBERNETES_KINDS)) {
    const compute = resolveEksCompute(model, node);
    let placements = compute.placements;
    if (placements.length === 0 && !compute.onFargate) {
      const cluster = kubernetesClusterOf(model, node.id);
      placements = cluster
        ? model.index.children(cluster.id).filter((child) => isCapacity(child, 'kubernetes') && capacityCompute(child) === 'ec2')
        : [];
    }
    const shares = placements.map((placement): ProviderShare =>
      capacityCompute(placement) === 'ec2'
        ? { provider: 'asg', asgId: placement.id, base: 0, weight: 1 }
        : { provider: 'fargate', base: 0, weight: 1 },
    );
    return shares.length > 0 ? shares : [{ provider: 'fargate', base: 0, weight: 1 }];
  }
  return [];
}

type EcsKindId = KindIdWith<'workload', { platform: 'ecs' }>;
type KubernetesKindId = KindIdWith<'workload', { platform: 'kubernetes' }>;
const ECS_KINDS = kindsWith('workload', (workload) => workload.platform === 'ecs') as EcsKindId[];
const KUBERNETES_KINDS = kindsWith('workload', (workload) => workload.platform === 'kubernetes') as KubernetesKindId[];
