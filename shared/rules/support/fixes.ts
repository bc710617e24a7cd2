import { findConnection, findKind } from '../../catalog';
import { addEdges, allIds, createEdge, deleteElements, replaceNodeKind, updateEdge, updateNode } from '../../document/operations';
import type { DiagramDocument } from '../../document/schema';
import type { QuickFix } from '../types';

/**
 * Quick fixes are pure document edits built on shared/document/operations.ts. Each one
 * re-reads the element from the document it is given (the user may have edited since the
 * finding was made), validates the result against the catalog schema, and returns the
 * document unchanged when the edit no longer applies.
 */

type PropsPatch = Record<string, unknown> | ((props: Record<string, unknown>) => Record<string, unknown>);

export function setNodeProps(label: string, nodeId: string, patch: PropsPatch): QuickFix {
  return {
    label,
    apply(document) {
      const node = document.nodes.find((candidate) => candidate.id === nodeId);
      const kind = node && findKind(node.kind);
      if (!node || !kind) return document;
      const changes = typeof patch === 'function' ? patch(node.props) : patch;
      const parsed = kind.props.safeParse({ ...node.props, ...changes });
      if (!parsed.success) return document;
      return updateNode(document, nodeId, { props: parsed.data });
    },
  };
}

/** Turns a node into another kind, keeping its place, connections and shared properties. */
export function replaceKindFix(label: string, nodeId: string, kindId: string): QuickFix {
  return { label, apply: (document) => replaceNodeKind(document, nodeId, kindId) };
}

export function setEdgeProps(label: string, edgeId: string, patch: Record<string, unknown>): QuickFix {
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
