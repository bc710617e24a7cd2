import type { DiagramDocument, DiagramEdge, DiagramNode } from './schema';

/**
 * Writes a document as pretty-printed JSON with a fixed key order (document, node and
 * edge keys in the order below; property keys sorted), so the same diagram always gives
 * the same bytes and a change shows up in git as a small diff.
 */
export function serializeDocument(document: DiagramDocument): string {
  const ordered = {
    schemaVersion: document.schemaVersion,
    metadata: { title: document.metadata.title, description: document.metadata.description },
    nodes: document.nodes.map(orderNode),
    edges: document.edges.map(orderEdge),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderNode(node: DiagramNode): Record<string, unknown> {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    ...(node.parentId === undefined ? {} : { parentId: node.parentId }),
    position: { x: node.position.x, y: node.position.y },
    ...(node.size === undefined ? {} : { size: { width: node.size.width, height: node.size.height } }),
    props: sortKeys(node.props),
  };
}

function orderEdge(edge: DiagramEdge): Record<string, unknown> {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.sourceHandle === undefined ? {} : { sourceHandle: edge.sourceHandle }),
    ...(edge.targetHandle === undefined ? {} : { targetHandle: edge.targetHandle }),
    props: sortKeys(edge.props),
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines properties rather than assigning them, so no key can reach a prototype.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
