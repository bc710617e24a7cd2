import type { z } from 'zod';
import type { DiagramDocument, DiagramNode } from '../document/schema';
import { findKind, type KindId, type PropsOfKind } from './catalog';
import type { PropsSchema } from './types';

/**
 * Typed access to nodes. A stored node says `kind: string` (a file can hold kinds this build
 * does not know); once a caller has narrowed it to a kind this build knows, its props are read
 * through that kind's zod output type: `propsOf(node).desiredCount` is a number, and a typo in a
 * field name or a kind id is a compile error.
 */

/** A node known to be of kind `K` (or of one of the kinds of a union). */
export type NodeOfKind<K extends KindId> = DiagramNode & { kind: K };

/** What nodesOfKind reads nodes from: a document, or an index of one (DocumentIndex, DiagramModel). */
export type NodeSource = Pick<DiagramDocument, 'nodes'> | { readonly document: Pick<DiagramDocument, 'nodes'> };

export function isNodeOfKind<K extends KindId>(node: DiagramNode | undefined, ...kinds: readonly K[]): node is NodeOfKind<K> {
  return node !== undefined && (kinds as readonly string[]).includes(node.kind);
}

/** The nodes of one kind (or several), in document order. */
export function nodesOfKind<K extends KindId>(source: NodeSource, ...kinds: readonly K[]): NodeOfKind<K>[] {
  const nodes = 'document' in source ? source.document.nodes : source.nodes;
  return nodes.filter((node): node is NodeOfKind<K> => (kinds as readonly string[]).includes(node.kind));
}

const propsCache = new WeakMap<object, unknown>();

/**
 * The complete props of a node, typed by its kind. Documents from the loader are already
 * normalized, so this is their props as they are; a document built in code, or a forced export
 * of a broken file, gets the kind's default for each field that does not parse, so every reader
 * sees values of the declared type. Cached per props object (documents are immutable).
 */
export function propsOf<K extends KindId>(node: NodeOfKind<K>): PropsOfKind<K> {
  const cached = propsCache.get(node.props);
  if (cached !== undefined) return cached as PropsOfKind<K>;
  const kind = findKind(node.kind);
  const parsed = kind ? parseLeniently(kind.props, node.props) : node.props;
  propsCache.set(node.props, parsed);
  return parsed as PropsOfKind<K>;
}

/** Values of `schema` from `value`, field by field: a field that does not parse takes its default. */
export function parseLeniently<S extends PropsSchema>(schema: S, value: Record<string, unknown>): z.output<S> {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const one = field.safeParse(value[key]);
    result[key] = one.success ? one.data : field.parse(undefined);
  }
  return result as z.output<S>;
}
