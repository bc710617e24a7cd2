import { findConnection, traitsOf, type RelationId } from '../catalog';
import type { DiagramEdge, DiagramNode } from '../document';

/**
 * Which relations say something flows from one end to the other (requests, images, mounts,
 * scaling), so that auto-layout draws them left to right in the catalog's direction; and which
 * only say where something is placed (a subnet, capacity): those are shown by nesting, and as
 * layout edges they would pull subnets and capacity to the right of what sits in them.
 * Exhaustive, so a new relation must say which it is.
 */
const RELATION_FLOWS: Record<RelationId, boolean> = {
  'sends-requests': true,
  'routes-traffic': true,
  'pulls-image': true,
  mounts: true,
  scales: true,
  'runs-on': false,
  // A NAT gateway's way out to the internet: the internet is drawn where users come from (the
  // left), so this edge runs against the flow rather than moving the users to the right.
  egress: false,
  'in-subnet': false,
};

/** Whether `edge` is one auto-layout should draw left to right (source left of target). */
export function edgeFlows(edge: DiagramEdge, source: DiagramNode, target: DiagramNode): boolean {
  const connection = findConnection(source.kind, target.kind);
  return connection !== undefined && RELATION_FLOWS[connection.definition.relation];
}

/**
 * Where a kind goes in its group's left-to-right flow, from its traits: where requests come
 * from (users, load balancers) first, what workloads read from (registries, file systems) last,
 * so that they land there even when no edge says so yet.
 */
export type FlowPlace = 'first' | 'last' | 'free';

export function flowPlace(node: DiagramNode): FlowPlace {
  const traits = traitsOf(node.kind);
  if (traits.network === 'internet' || traits.loadBalancer) return 'first';
  if (traits.imageSource || traits.fileSystem) return 'last';
  return 'free';
}
