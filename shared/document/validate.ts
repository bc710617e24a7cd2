import { canContain, findConnection, findKind } from '../catalog';
import { formatPath, type DocumentIssue } from './issues';
import type { DiagramDocument, DiagramEdge, DiagramNode } from './schema';

/**
 * Checks a structurally valid document against the catalog and normalizes it:
 * known kinds, props that match the kind's schema (defaults filled in for missing
 * fields), parents that exist and may contain the child, edges whose two kinds the
 * catalog gives a meaning. Nodes come back parents-first, as the canvas needs.
 */
export function validateDocument(input: DiagramDocument): { document: DiagramDocument; issues: DocumentIssue[] } {
  const issues: DocumentIssue[] = [];
  const nodeIndex = new Map<string, number>();
  const seenIds = new Set<string>();

  const nodes: DiagramNode[] = input.nodes.map((node, index) => {
    const where = (...rest: PropertyKey[]) => formatPath(['nodes', index, ...rest]);
    if (seenIds.has(node.id)) issues.push({ path: where('id'), message: `The id "${node.id}" is used more than once.` });
    seenIds.add(node.id);
    nodeIndex.set(node.id, index);
    const kind = findKind(node.kind);
    if (!kind) {
      issues.push({ path: where('kind'), message: `Unknown component kind "${node.kind}".` });
      return node;
    }
    const props = kind.props.safeParse(node.props);
    if (!props.success) {
      for (const issue of props.error.issues) {
        issues.push({ path: where('props', ...issue.path), message: `${describeNode(node, kind.label)}: ${issue.message}` });
      }
    }
    const normalized: DiagramNode = { ...node, props: props.success ? props.data : node.props };
    if (!kind.group) delete normalized.size;
    return normalized;
  });

  for (const [index, node] of nodes.entries()) {
    if (node.parentId === undefined) continue;
    const where = formatPath(['nodes', index, 'parentId']);
    const parentIndex = nodeIndex.get(node.parentId);
    const parent = parentIndex === undefined ? undefined : nodes[parentIndex];
    if (!parent) {
      issues.push({ path: where, message: `${describeNode(node)} is inside "${node.parentId}", which is not in the document.` });
    } else if (parent.id === node.id) {
      issues.push({ path: where, message: `${describeNode(node)} is inside itself.` });
    } else if (findKind(parent.kind) && findKind(node.kind) && !canContain(parent.kind, node.kind)) {
      issues.push({
        path: where,
        message: `${describeNode(node, findKind(node.kind)?.label)} cannot be placed inside ${describeNode(parent, findKind(parent.kind)?.label)}.`,
      });
    }
  }
  issues.push(...findParentCycles(nodes));

  const edges: DiagramEdge[] = input.edges.map((edge, index) => {
    const where = (...rest: PropertyKey[]) => formatPath(['edges', index, ...rest]);
    if (seenIds.has(edge.id)) issues.push({ path: where('id'), message: `The id "${edge.id}" is used more than once.` });
    seenIds.add(edge.id);
    const source = lookup(nodes, nodeIndex, edge.source);
    const target = lookup(nodes, nodeIndex, edge.target);
    if (!source)
      issues.push({ path: where('source'), message: `The connection starts at "${edge.source}", which is not in the document.` });
    if (!target) issues.push({ path: where('target'), message: `The connection ends at "${edge.target}", which is not in the document.` });
    if (!source || !target) return edge;
    if (source.id === target.id) {
      issues.push({ path: where(), message: `${describeNode(source)} is connected to itself.` });
      return edge;
    }
    const sourceKind = findKind(source.kind);
    const targetKind = findKind(target.kind);
    if (!sourceKind || !targetKind) return edge;
    const connection = findConnection(source.kind, target.kind);
    if (!connection) {
      issues.push({
        path: where(),
        message: `A connection from ${describeNode(source, sourceKind.label)} to ${describeNode(target, targetKind.label)} has no meaning in Stowage.`,
      });
      return edge;
    }
    const schema = connection.definition.props;
    if (!schema) {
      const extra = Object.keys(edge.props);
      if (extra.length > 0)
        issues.push({
          path: where('props'),
          message: `A "${connection.definition.label}" connection has no properties (found ${extra.join(', ')}).`,
        });
      return { ...edge, props: {} };
    }
    const props = schema.safeParse(edge.props);
    if (!props.success) {
      for (const issue of props.error.issues) issues.push({ path: where('props', ...issue.path), message: issue.message });
      return edge;
    }
    return { ...edge, props: props.data };
  });

  return { document: { ...input, nodes: issues.length === 0 ? parentsFirst(nodes) : nodes, edges }, issues };
}

function lookup(nodes: readonly DiagramNode[], index: ReadonlyMap<string, number>, id: string): DiagramNode | undefined {
  const position = index.get(id);
  return position === undefined ? undefined : nodes[position];
}

export function describeNode(node: DiagramNode, kindLabel?: string): string {
  const label = node.label.trim() ? `"${node.label}"` : `"${node.id}"`;
  return kindLabel ? `${kindLabel} ${label}` : label;
}

function findParentCycles(nodes: readonly DiagramNode[]): DocumentIssue[] {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parentId]));
  const indexOf = new Map(nodes.map((node, index) => [node.id, index]));
  const settled = new Set<string>();
  const issues: DocumentIssue[] = [];
  for (const node of nodes) {
    // Linear overall: every node joins `settled` once, so later walks stop at the first settled ancestor.
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = node.id;
    while (current !== undefined && !settled.has(current)) {
      if (onPath.has(current)) {
        const index = indexOf.get(current) ?? 0;
        issues.push({
          path: formatPath(['nodes', index, 'parentId']),
          message: `${describeNode(nodes[index] ?? node)} is nested inside itself through its parents.`,
        });
        break;
      }
      path.push(current);
      onPath.add(current);
      current = parentOf.get(current);
    }
    for (const id of path) settled.add(id);
  }
  return issues;
}

/** Stable order in which every parent comes before its children; otherwise the original order. */
export function parentsFirst(nodes: readonly DiagramNode[]): DiagramNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const placed = new Set<string>();
  const out: DiagramNode[] = [];
  for (const node of nodes) {
    // Walk up to the first unplaced ancestor chain, then place it top-down (iterative: deep chains must not overflow the stack).
    const chain: DiagramNode[] = [];
    const onChain = new Set<string>();
    let current: DiagramNode | undefined = node;
    while (current && !placed.has(current.id) && !onChain.has(current.id)) {
      chain.push(current);
      onChain.add(current.id);
      current = current.parentId === undefined ? undefined : byId.get(current.parentId);
    }
    for (let index = chain.length - 1; index >= 0; index--) {
      const item = chain[index]!;
      placed.add(item.id);
      out.push(item);
    }
  }
  return out;
}
