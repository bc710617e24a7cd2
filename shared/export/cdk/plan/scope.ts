import { isEcsWorkload, isKubernetesWorkload, type KindId, type NodeOfKind } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { DiagramModel } from '../../../model/diagram-model';
import type { RegionPlan } from './regions';
import type { StackPlanning, StackSlot } from './stacks';

/** Which nodes one workload stack deploys: what its planners and its emitters both ask. */
export class StackScope {
  readonly regions: RegionPlan;
  readonly region: string | undefined;

  constructor(
    readonly model: DiagramModel,
    readonly planning: StackPlanning,
    readonly slot: StackSlot,
  ) {
    this.regions = planning.regions;
    this.region = slot.region;
  }

  /** Whether this stack deploys the node (nodes no workload stack owns, such as images, count for every stack of their Region). */
  inStack(node: DiagramNode): boolean {
    const slot = this.planning.slotOf(node);
    return slot ? slot.key === this.slot.key : this.regions.regionOf(node) === this.region;
  }

  /** Nodes of these kinds deployed by this stack, in catalog then document order. */
  nodes<K extends KindId>(...kinds: readonly K[]): NodeOfKind<K>[] {
    return kinds.flatMap((kind) => this.model.nodesOfKind(kind).filter((node) => this.inStack(node)));
  }

  /** The stack's nodes that pass `accept`, in document order. */
  nodesWhere<T extends DiagramNode>(accept: (node: DiagramNode) => node is T): T[] {
    return this.model.document.nodes.filter((node): node is T => accept(node) && this.inStack(node));
  }

  /** The ECS services and tasks this stack deploys, in document order. */
  ecsWorkloads() {
    return this.nodesWhere(isEcsWorkload);
  }

  /** The Kubernetes workloads this stack deploys, in document order. */
  kubernetesWorkloads() {
    return this.nodesWhere(isKubernetesWorkload);
  }

  /** Every workload this stack deploys: ECS first, then Kubernetes, each in document order. */
  workloads() {
    return [...this.ecsWorkloads(), ...this.kubernetesWorkloads()];
  }
}
