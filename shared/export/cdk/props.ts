import type { z } from 'zod';
import { findConnection, type KindDefinition, type PropsSchema } from '../../catalog';
import type { DiagramEdge, DiagramNode } from '../../document/schema';

/**
 * Typed, complete properties of a node or edge, read through the catalog schema. Documents
 * from the loader are already normalized; anything else (a document built in code, a forced
 * export of a broken file) falls back to the catalog default for each field that does not
 * parse, so the generator only ever writes values of the declared type.
 */

const nodeCache = new WeakMap<DiagramNode, unknown>();
const edgeCache = new WeakMap<DiagramEdge, unknown>();

export function propsOf<S extends PropsSchema>(kind: KindDefinition<S>, node: DiagramNode): z.output<S> {
  const cached = nodeCache.get(node);
  if (cached !== undefined) return cached as z.output<S>;
  const parsed = parseLeniently(kind.props, node.props);
  nodeCache.set(node, parsed);
  return parsed as z.output<S>;
}

/** Props of an edge whose relation has a props schema, or an empty object. */
export function edgePropsOf<T extends Record<string, unknown>>(edge: DiagramEdge, sourceKind: string, targetKind: string): T {
  const cached = edgeCache.get(edge);
  if (cached !== undefined) return cached as T;
  const schema = findConnection(sourceKind, targetKind)?.definition.props;
  const parsed = schema ? parseLeniently(schema, edge.props) : {};
  edgeCache.set(edge, parsed);
  return parsed as T;
}

function parseLeniently(schema: PropsSchema, value: Record<string, unknown>): Record<string, unknown> {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const one = field.safeParse(value[key]);
    result[key] = one.success ? one.data : field.parse(undefined);
  }
  return result;
}
