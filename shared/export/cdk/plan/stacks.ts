import { clusterKindsOf, kindsWith, networkKinds, platformOf, traitsOf } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { DiagramModel } from '../../../model/diagram-model';
import { planRegions, type RegionPlan } from './regions';

/**
 * Which workload stack each node belongs to. A stack lives in one Region, and the app gets one
 * workload stack per VPC the Region's resources use: separate networks deploy independently,
 * and no stack grows past CloudFormation's 500 resources because the diagram has many VPCs.
 * Resources that need a VPC but are drawn outside every VPC share a generated one.
 */

/** The partition of the resources drawn outside any VPC (they get a generated VPC). */
export const DEFAULT_PARTITION = '';

export interface StackSlot {
  /** `${region}|${partition}`. */
  key: string;
  region: string | undefined;
  /** The VPC node id the stack is built around, or DEFAULT_PARTITION. */
  partition: string;
}

export interface StackPlanning {
  regions: RegionPlan;
  /** Workload stacks in a stable order: Regions as the diagram draws them, then VPCs in document order. */
  slots: StackSlot[];
  /** The stack a node is deployed by, or undefined for nodes no workload stack owns (images, users). */
  slotOf(node: DiagramNode): StackSlot | undefined;
  /** The diagram VPC a resource is placed in, or undefined when the generated VPC serves it. */
  vpcOf(node: DiagramNode): DiagramNode | undefined;
}

export function planStacks(model: DiagramModel): StackPlanning {
  const regions = planRegions(model);
  const partitionCache = new Map<string, string | undefined>();

  const vpcOf = (node: DiagramNode): DiagramNode | undefined => {
    const region = regions.regionOf(node);
    const candidate = model.vpcOf(node.id) ?? inferredVpc(model, node, new Set());
    if (candidate && regions.regionOf(candidate) === region) return candidate;
    const inRegion = networkKinds('vpc')
      .flatMap((kind) => model.nodesOfKind(kind))
      .filter((vpc) => regions.regionOf(vpc) === region);
    return inRegion.length === 1 ? inRegion[0] : undefined;
  };

  const partitionOf = (node: DiagramNode): string | undefined => {
    if (partitionCache.has(node.id)) return partitionCache.get(node.id);
    partitionCache.set(node.id, undefined);
    let partition: string | undefined;
    const traits = traitsOf(node.kind);
    const platform = platformOf(node);
    if (traits.network === 'vpc') partition = node.id;
    else if (traits.vpc === 'inside') partition = model.vpcAround(node.id)?.id ?? DEFAULT_PARTITION;
    else if (traits.vpc === 'attached') partition = vpcOf(node)?.id ?? DEFAULT_PARTITION;
    else if ((traits.workload || traits.capacity) && platform) {
      // Workloads and capacity deploy with the cluster they are drawn in.
      const cluster = model.nearest(node.id, ...clusterKindsOf(platform));
      partition = cluster ? partitionOf(cluster) : (vpcOf(node)?.id ?? DEFAULT_PARTITION);
    } else if (traits.scaler) {
      const target = model.targets(node.id, 'scales')[0];
      partition = target ? partitionOf(target) : undefined;
    } else if (!traits.network && !traits.imageSource) {
      // Anything else is deployed by one stack: the one of its VPC, or, in a Region with several
      // VPCs, the one of the resources drawn outside them. (Regions, the internet and images are
      // deployed by no stack: every stack of the Region refers to them.)
      partition = vpcOf(node)?.id ?? DEFAULT_PARTITION;
    }
    partitionCache.set(node.id, partition);
    return partition;
  };

  const slots: StackSlot[] = [];
  const byKey = new Map<string, StackSlot>();
  const slotFor = (region: string | undefined, partition: string): StackSlot => {
    const key = `${region ?? ''}|${partition}`;
    let slot = byKey.get(key);
    if (!slot) {
      slot = { key, region, partition };
      byKey.set(key, slot);
    }
    return slot;
  };
  for (const region of regions.regions) {
    const inRegion = model.document.nodes.filter((node) => regions.regionOf(node) === region);
    const partitions: string[] = [];
    for (const node of inRegion) {
      const partition = partitionOf(node);
      if (partition !== undefined && !partitions.includes(partition)) partitions.push(partition);
    }
    if (partitions.length === 0) partitions.push(DEFAULT_PARTITION);
    for (const partition of partitions) slots.push(slotFor(region, partition));
  }

  return {
    regions,
    slots,
    slotOf(node) {
      const partition = partitionOf(node);
      return partition === undefined ? undefined : byKey.get(`${regions.regionOf(node) ?? ''}|${partition}`);
    },
    vpcOf,
  };
}

/** The VPC the diagram implies for a resource drawn outside any VPC: where what it serves or holds is. */
function inferredVpc(model: DiagramModel, node: DiagramNode, seen: Set<string>): DiagramNode | undefined {
  if (seen.has(node.id)) return undefined;
  seen.add(node.id);
  const viaCluster = (other: DiagramNode) => {
    const cluster = model.nearest(other.id, ...kindsWith('cluster'));
    return cluster ? (model.vpcOf(cluster.id) ?? inferredVpc(model, cluster, seen)) : model.vpcOf(other.id);
  };
  const traits = traitsOf(node.kind);
  if (traits.cluster) {
    for (const inside of model.index.descendants(node.id)) {
      const vpc = model.vpcOf(inside.id);
      if (vpc) return vpc;
    }
    return undefined;
  }
  if (traits.loadBalancer) return firstDefined(model.targets(node.id, 'routes-traffic'), viaCluster);
  if (traits.fileSystem) return firstDefined(model.sources(node.id, 'mounts'), viaCluster);
  return undefined;
}

function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const value = map(item);
    if (value !== undefined) return value;
  }
  return undefined;
}
