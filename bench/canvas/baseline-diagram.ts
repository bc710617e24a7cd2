import { findKind } from '../../shared/catalog';
import { nodeSize, type DiagramDocument } from '../../shared/document';

/** A React Flow node as the baseline page takes it (structurally @xyflow/react's Node). */
export interface BaselineNode {
  id: string;
  type?: 'group';
  position: { x: number; y: number };
  parentId?: string;
  width: number;
  height: number;
  data: { label: string };
}

export interface BaselineEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * The same diagram as plain React Flow sees it: every node at the same position and size as
 * in Stowage (positions stay relative to the parent, parents come first), groups as
 * React Flow's built-in `group` nodes, everything else as default nodes with their label,
 * and default edges between the same ends.
 */
export function toBaselineFlow(document: DiagramDocument): { nodes: BaselineNode[]; edges: BaselineEdge[] } {
  const nodes = document.nodes.map((node): BaselineNode => {
    const size = nodeSize(node);
    const flow: BaselineNode = {
      id: node.id,
      position: node.position,
      width: size.width,
      height: size.height,
      data: { label: node.label || (findKind(node.kind)?.label ?? node.kind) },
    };
    if (findKind(node.kind)?.group) flow.type = 'group';
    if (node.parentId !== undefined) flow.parentId = node.parentId;
    return flow;
  });
  const edges = document.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target }));
  return { nodes, edges };
}
