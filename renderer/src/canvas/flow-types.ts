import type { Edge, Node, NodeProps } from '@xyflow/react';
import type { DiagramEdge, DiagramNode } from '../../../shared/document';

export interface BadgeInfo {
  severity: 'error' | 'warning' | 'info';
  count: number;
  messages: string[];
}

export type ComponentNodeData = {
  node: DiagramNode;
  dropTarget: boolean;
  badge: BadgeInfo | null;
};

/** Placeholders stand for what a newer Stowage wrote and this version cannot read. */
export type ComponentFlowNode = Node<ComponentNodeData, 'component' | 'group' | 'placeholder' | 'placeholderGroup'>;

export type RelationEdgeData = {
  edge: DiagramEdge;
  label: string;
  badge: BadgeInfo | null;
  /** A connection this version does not know (from a newer Stowage): drawn dashed. */
  placeholder: boolean;
};

export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

/**
 * Node components draw only from id, data and selection. React Flow also passes the absolute
 * position, which changes on every frame of a drag; ignoring it keeps moving cards (and every
 * child of a dragged group) from re-rendering 60 times a second.
 */
export function sameCardProps(previous: NodeProps<ComponentFlowNode>, next: NodeProps<ComponentFlowNode>): boolean {
  return (
    previous.id === next.id && previous.data === next.data && previous.selected === next.selected && previous.dragging === next.dragging
  );
}
