import type { Edge, Node } from '@xyflow/react';
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

export type ComponentFlowNode = Node<ComponentNodeData, 'component' | 'group'>;

export type RelationEdgeData = {
  edge: DiagramEdge;
  label: string;
  badge: BadgeInfo | null;
};

export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;
