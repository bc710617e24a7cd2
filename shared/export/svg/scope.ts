import type { DocumentIndex } from '../../document/geometry';
import type { DiagramEdge, DiagramNode } from '../../document/schema';

/** What an export draws: nodes in document order, and the edges whose both ends are drawn. */
export interface ExportScope {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/**
 * The whole diagram when `selection` is undefined or empty; otherwise the selected nodes,
 * everything nested inside selected groups, and the edges among those nodes. Ids that name
 * no node are ignored here; callers that take ids from a user check them with `unknownNodeIds`.
 */
export function exportScope(index: DocumentIndex, selection?: readonly string[]): ExportScope {
  const { document } = index;
  if (!selection || selection.length === 0) {
    const ids = new Set(document.nodes.map((node) => node.id));
    return { nodes: [...document.nodes], edges: document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
  }
  const included = new Set<string>();
  for (const id of selection) {
    if (!index.node(id) || included.has(id)) continue;
    included.add(id);
    for (const descendant of index.descendants(id)) included.add(descendant.id);
  }
  return {
    nodes: document.nodes.filter((node) => included.has(node.id)),
    edges: document.edges.filter((edge) => included.has(edge.source) && included.has(edge.target)),
  };
}

/** Ids in `selection` that name no node of the document, in the order given, without repeats. */
export function unknownNodeIds(index: DocumentIndex, selection: readonly string[]): string[] {
  return [...new Set(selection.filter((id) => !index.node(id)))];
}
