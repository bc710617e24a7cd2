import type { z } from 'zod';
import { CATALOG, kindsById } from './catalog';
import { kindsSelectedBy, selects } from './traits';
import type { Appearance, ConnectionDefinition, KindDefinition } from './types';

export * from './types';
export * from './catalog';
export * from './kinds.generated';

export function isGroupKind(kindId: string): boolean {
  return kindsById.get(kindId)?.group !== undefined;
}

/** Whether a node of `childKind` may be placed inside a node of `parentKind` (undefined parent: the canvas itself). */
export function canContain(parentKind: string | undefined, childKind: string): boolean {
  if (parentKind === undefined) return kindsById.has(childKind);
  const parent = kindsById.get(parentKind);
  const child = kindsById.get(childKind);
  return parent?.group !== undefined && child !== undefined && selects(parent.group.contains, child);
}

/** Kinds whose groups may hold `childKind`, in catalog order. */
export function containersOf(childKind: string): KindDefinition[] {
  const child = kindsById.get(childKind);
  return child ? CATALOG.filter((kind) => kind.group !== undefined && selects(kind.group.contains, child)) : [];
}

export interface ResolvedConnection {
  definition: ConnectionDefinition;
  /** Kind of the node the edge starts from, as the catalog defines the relation. */
  sourceKind: string;
  targetKind: string;
}

/** source kind → target kind → connection; nested so a lookup builds no key string (it runs once per edge per check). */
const connectionIndex: ReadonlyMap<string, ReadonlyMap<string, ResolvedConnection>> = (() => {
  const index = new Map<string, Map<string, ResolvedConnection>>();
  for (const kind of CATALOG) {
    const targets = new Map<string, ResolvedConnection>();
    for (const definition of kind.connections) {
      for (const targetKind of kindsSelectedBy(definition.to)) targets.set(targetKind, { definition, sourceKind: kind.id, targetKind });
    }
    index.set(kind.id, targets);
  }
  return index;
})();

/** What an edge from `sourceKind` to `targetKind` means, or undefined when the catalog gives it no meaning. */
export function findConnection(sourceKind: string, targetKind: string): ResolvedConnection | undefined {
  return connectionIndex.get(sourceKind)?.get(targetKind);
}

/**
 * A connection a user dragged between two kinds, in either direction. `reversed` means the
 * catalog defines it the other way round, so the edge should be stored target → source.
 */
export function resolveConnection(fromKind: string, toKind: string): { connection: ResolvedConnection; reversed: boolean } | undefined {
  const forward = findConnection(fromKind, toKind);
  if (forward) return { connection: forward, reversed: false };
  const backward = findConnection(toKind, fromKind);
  if (backward) return { connection: backward, reversed: true };
  return undefined;
}

export function defaultProps(kind: KindDefinition): Record<string, unknown> {
  return kind.props.parse({});
}

export function iconOf(kind: KindDefinition, props: Record<string, unknown>): string {
  return kind.iconFor ? kind.iconFor(props) : kind.icon;
}

export function appearanceOf(kind: KindDefinition, props: Record<string, unknown>): Appearance {
  return kind.appearanceFor ? kind.appearanceFor(props) : kind.appearance;
}

export function summaryOf(kind: KindDefinition, props: Record<string, unknown>): string {
  return kind.summary ? kind.summary(props) : '';
}

/**
 * Narrow a node's props to a kind's output type. Callers check node.kind === kind.id first.
 * @deprecated Use `propsOf(node)` on a node narrowed with `isNodeOfKind` (catalog/nodes.ts).
 */
export function propsAs<S extends z.ZodObject>(_kind: KindDefinition<S>, props: Record<string, unknown>): z.output<S> {
  return props as z.output<S>;
}

export * from './nodes';
export * from './edges';
export * from './traits';
export { scheduleExpressionProblem } from './schedule-expression';
