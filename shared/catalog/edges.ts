import type { z } from 'zod';
import type { DiagramEdge } from '../document/schema';
import { findKind, type KindId, type KindOf } from './catalog';
import { findConnection } from './index';
import { parseLeniently, type NodeOfKind } from './nodes';
import type { ConnectionDefinition, KindDefinition, KindTraits, PropsSchema, RelationId } from './types';

/**
 * Typed access to the props of edges. An edge's props are defined by the connection its source
 * kind declares for the relation (an ALB's "routes to" has a listener port and a path pattern),
 * so once the source node is narrowed to a kind this build knows, `edgePropsOf(edge, source,
 * 'routes-traffic').listenerPort` is a number and a typo in a field name is a compile error.
 */

/** The connection (or, for a union of kinds, the connections) kind `K` declares for relation `R`. */
export type ConnectionOfKind<K extends KindId, R extends RelationId> = Extract<LiteralConnections<KindOf<K>>[number], { relation: R }>;

/** The connections of a kind as `defineKind` inferred them (literal types), without the plain `ConnectionDefinition[]` view. */
type LiteralConnections<Kind> = Kind extends KindDefinition<PropsSchema, string, KindTraits, infer C> ? C : never;

/** The complete, typed props of an edge of relation `R` from a node of kind `K`; `{}` for relations without props. */
export type EdgePropsOf<K extends KindId, R extends RelationId> = PropsOfConnection<ConnectionOfKind<K, R>>;

/** Distributes over a union of connections: the union of their props types. */
type PropsOfConnection<C> = C extends { props: infer S extends PropsSchema } ? z.output<S> : Record<never, never>;

const edgeCache = new WeakMap<DiagramEdge, { definition: ConnectionDefinition; props: unknown }>();

/**
 * The props of an edge from `source` with `relation`, complete and typed by the connection's
 * schema. Documents from the loader are already normalized; for anything else a field that
 * does not parse takes its default. `targetKind` picks the connection when the source kind
 * declares several for one relation. Cached per edge (documents are immutable).
 */
export function edgePropsOf<K extends KindId, R extends RelationId>(
  edge: DiagramEdge,
  source: NodeOfKind<K>,
  relation: R,
  targetKind?: string,
): EdgePropsOf<K, R> {
  const definition = connectionFor(source.kind, relation, targetKind);
  const cached = edgeCache.get(edge);
  if (cached && cached.definition === definition) return cached.props as EdgePropsOf<K, R>;
  const props = definition?.props ? parseLeniently(definition.props, edge.props) : {};
  if (definition) edgeCache.set(edge, { definition, props });
  return props as EdgePropsOf<K, R>;
}

function connectionFor(sourceKind: string, relation: RelationId, targetKind: string | undefined): ConnectionDefinition | undefined {
  if (targetKind !== undefined) {
    const found = findConnection(sourceKind, targetKind)?.definition;
    if (found?.relation === relation) return found;
  }
  return findKind(sourceKind)?.connections.find((definition: ConnectionDefinition) => definition.relation === relation);
}
