import {
  findConnection,
  findKind,
  propsOf,
  type EdgePropsOf,
  type KindId,
  type NodeOfKind,
  type PropsOfKind,
  type RelationId,
} from '../../catalog';
import { addEdges, allIds, createEdge, deleteElements, replaceNodeKind, updateEdge, updateNode } from '../../document/operations';
import type { DiagramDocument, DiagramEdge, DiagramNode } from '../../document/schema';
import type { QuickFix } from '../types';

/**
 * Quick fixes are pure document edits built on shared/document/operations.ts. Each one
 * re-reads the element from the document it is given (the user may have edited since the
 * finding was made), validates the result against the catalog schema, and returns the
 * document unchanged when the edit no longer applies.
 */

/** New values for some props of a node of kind `K`, or a function of its current props that returns them. */
export type PropsPatch<K extends KindId> = Partial<PropsOfKind<K>> | ((props: PropsOfKind<K>) => Partial<PropsOfKind<K>>);

/** Sets props of `node`, typed by its kind. The fix does nothing when the node is gone or has become another kind. */
export function setNodeProps<K extends KindId>(label: string, node: NodeOfKind<K>, patch: PropsPatch<K>): QuickFix {
  const { id, kind } = node;
  return {
    label,
    apply(document) {
      const current = document.nodes.find((candidate) => candidate.id === id);
      if (current?.kind !== kind) return document;
      const typed = current as NodeOfKind<K>;
      return withProps(document, typed, typeof patch === 'function' ? patch(propsOf(typed)) : patch);
    },
  };
}

/**
 * Sets fields named at run time (the bound fields a kind's `sizeBounds` trait names), for rules
 * that work on any kind with a trait. A function receives the node as it is when the fix is
 * applied. The result is validated against the kind's schema.
 */
export function setNamedFields<N extends DiagramNode>(
  label: string,
  node: N,
  fields: Readonly<Record<string, unknown>> | ((current: N) => Readonly<Record<string, unknown>>),
): QuickFix {
  const { id, kind } = node;
  return {
    label,
    apply(document) {
      const current = document.nodes.find((candidate) => candidate.id === id);
      if (current?.kind !== kind) return document;
      // Same id and kind: the node the fix was made for, as it is now.
      return withProps(document, current, typeof fields === 'function' ? fields(current as N) : fields);
    },
  };
}

function withProps(document: DiagramDocument, node: DiagramNode, changes: Readonly<Record<string, unknown>>): DiagramDocument {
  const kind = findKind(node.kind);
  if (!kind) return document;
  const parsed = kind.props.safeParse({ ...node.props, ...changes });
  if (!parsed.success) return document;
  return updateNode(document, node.id, { props: parsed.data });
}

/** Turns a node into another kind, keeping its place, connections and shared properties. */
export function replaceKindFix(label: string, nodeId: string, kindId: string): QuickFix {
  return { label, apply: (document) => replaceNodeKind(document, nodeId, kindId) };
}

/** Sets props of an edge from `source` with `relation`, typed by the connection's schema. */
export function setEdgeProps<K extends KindId, R extends RelationId>(
  label: string,
  connection: { edge: DiagramEdge; source: NodeOfKind<K>; relation: R },
  patch: Partial<EdgePropsOf<K, R>>,
): QuickFix {
  const edgeId = connection.edge.id;
  return {
    label,
    apply(document) {
      const edge = document.edges.find((candidate) => candidate.id === edgeId);
      if (!edge) return document;
      const source = document.nodes.find((node) => node.id === edge.source);
      const target = document.nodes.find((node) => node.id === edge.target);
      const schema = source && target ? findConnection(source.kind, target.kind)?.definition.props : undefined;
      if (!schema) return document;
      const parsed = schema.safeParse({ ...edge.props, ...patch });
      if (!parsed.success) return document;
      return updateEdge(document, edgeId, parsed.data);
    },
  };
}

/** Draws connections (skipping ones that exist or mean nothing), with ids that are the same on every run. */
export function connectFix(label: string, pairs: readonly { source: string; target: string }[]): QuickFix {
  return {
    label,
    apply(document) {
      const taken = allIds(document);
      const existing = new Set(document.edges.map((edge) => `${edge.source}→${edge.target}`));
      const kindOf = new Map(document.nodes.map((node) => [node.id, node.kind]));
      const edges = [];
      for (const { source, target } of pairs) {
        const sourceKind = kindOf.get(source);
        const targetKind = kindOf.get(target);
        if (!sourceKind || !targetKind || existing.has(`${source}→${target}`)) continue;
        const connection = findConnection(sourceKind, targetKind);
        if (!connection) continue;
        const id = freshId(taken, 'e-fix');
        taken.add(id);
        existing.add(`${source}→${target}`);
        edges.push(createEdge(id, { source, target }, connection.definition.props ? connection.definition.props.parse({}) : {}));
      }
      return addEdges(document, edges);
    },
  };
}

export function removeEdgesFix(label: string, edgeIds: readonly string[]): QuickFix {
  return { label, apply: (document) => deleteElements(document, [], edgeIds) };
}

/** Several edits applied in order as one fix (one undo step). */
export function combineFixes(label: string, fixes: readonly QuickFix[]): QuickFix {
  return {
    label,
    apply: (document: DiagramDocument) => fixes.reduce((current, fix) => fix.apply(current), document),
  };
}

function freshId(taken: ReadonlySet<string>, prefix: string): string {
  for (let counter = 1; ; counter++) {
    const id = `${prefix}-${counter}`;
    if (!taken.has(id)) return id;
  }
}
