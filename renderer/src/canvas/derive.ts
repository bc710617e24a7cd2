import { Position } from '@xyflow/react';
import { findConnection, findKind } from '../../../shared/catalog';
import {
  DocumentIndex,
  nodeSize,
  pickHandleSides,
  stackingRanks,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode,
} from '../../../shared/document';
import type { BadgeInfo, ComponentFlowNode, RelationFlowEdge } from './flow-types';

/**
 * Stacking (React Flow's manual z-index mode) follows the document's model (shared/document/
 * z-order.ts): every node draws above its parent, siblings in stored order. Nodes take even
 * z-indexes from their place in that order; an edge takes the odd one just above the higher
 * of its two ends' parents, so it shows above the groups it runs in and below the cards there.
 * Selecting changes no z-index (a selected group stays reachable under others through
 * selection-grab.ts), so what sits on a selected group stays on top of it and clickable.
 */
export interface Stacking {
  node: ReadonlyMap<string, number>;
  /** z-index of an edge between nodes whose parents are `a` and `b` (undefined: the canvas). */
  edge(a: string | undefined, b: string | undefined): number;
}

/** z-indexes for a document version. Pure; exported for tests. */
export function stackingFor(document: DiagramDocument): Stacking {
  const node = new Map<string, number>();
  for (const [id, rank] of stackingRanks(document.nodes)) node.set(id, 2 * (rank + 1));
  const container = (id: string | undefined) => (id === undefined ? 0 : (node.get(id) ?? 0));
  return { node, edge: (a, b) => Math.max(container(a), container(b)) + 1 };
}

/**
 * React Flow's nodes and edges are derived from the document, never edited as the source of
 * truth. Derivation reuses the previous flow object whenever its inputs are unchanged, so
 * after an edit React Flow re-renders only what the edit touched (1,000-node diagrams stay fluid).
 */
export interface DeriveInputs {
  document: DiagramDocument;
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  dropTargetId: string | null;
  nodeBadges: ReadonlyMap<string, BadgeInfo>;
  edgeBadges: ReadonlyMap<string, BadgeInfo>;
  /** Nodes and edges from a newer Stowage that this version cannot read: drawn as marked placeholders. */
  placeholders: ReadonlySet<string>;
}

interface NodeCacheEntry {
  source: DiagramNode;
  selected: boolean;
  dropTarget: boolean;
  badge: BadgeInfo | null;
  placeholder: boolean;
  zIndex: number;
  flow: ComponentFlowNode;
}

interface EdgeCacheEntry {
  source: DiagramEdge;
  selected: boolean;
  badge: BadgeInfo | null;
  placeholder: boolean;
  zIndex: number;
  sourceNode: DiagramNode | undefined;
  targetNode: DiagramNode | undefined;
  flow: RelationFlowEdge;
}

export class FlowDeriver {
  private nodeCache = new Map<string, NodeCacheEntry>();
  private edgeCache = new Map<string, EdgeCacheEntry>();
  private stacking: { nodes: readonly DiagramNode[]; value: Stacking } | undefined;

  /** The z-indexes for these inputs, recomputed only when the nodes change. */
  private stackingOf(inputs: Pick<DeriveInputs, 'document'>): Stacking {
    const { nodes } = inputs.document;
    if (this.stacking?.nodes !== nodes) this.stacking = { nodes, value: stackingFor(inputs.document) };
    return this.stacking.value;
  }

  nodes(inputs: Pick<DeriveInputs, 'document' | 'selectedNodeIds' | 'dropTargetId' | 'nodeBadges' | 'placeholders'>): ComponentFlowNode[] {
    const next = new Map<string, NodeCacheEntry>();
    const out: ComponentFlowNode[] = [];
    const stacking = this.stackingOf(inputs);
    for (const node of inputs.document.nodes) {
      const selected = inputs.selectedNodeIds.has(node.id);
      const dropTarget = inputs.dropTargetId === node.id;
      const badge = inputs.nodeBadges.get(node.id) ?? null;
      const placeholder = inputs.placeholders.has(node.id);
      const zIndex = stacking.node.get(node.id) ?? 0;
      const cached = this.nodeCache.get(node.id);
      let entry: NodeCacheEntry;
      if (
        cached &&
        cached.source === node &&
        cached.selected === selected &&
        cached.dropTarget === dropTarget &&
        cached.badge === badge &&
        cached.placeholder === placeholder &&
        cached.zIndex === zIndex
      ) {
        entry = cached;
      } else {
        const flow = toFlowNode(node, selected, dropTarget, badge, zIndex, placeholder);
        entry = { source: node, selected, dropTarget, badge, placeholder, zIndex, flow };
      }
      next.set(node.id, entry);
      out.push(entry.flow);
    }
    this.nodeCache = next;
    return out;
  }

  edges(inputs: Pick<DeriveInputs, 'document' | 'selectedEdgeIds' | 'edgeBadges' | 'placeholders'>): RelationFlowEdge[] {
    const next = new Map<string, EdgeCacheEntry>();
    const out: RelationFlowEdge[] = [];
    let index: DocumentIndex | undefined;
    const stacking = this.stackingOf(inputs);
    for (const edge of inputs.document.edges) {
      const selected = inputs.selectedEdgeIds.has(edge.id);
      const badge = inputs.edgeBadges.get(edge.id) ?? null;
      const placeholder = inputs.placeholders.has(edge.id);
      const cached = this.edgeCache.get(edge.id);
      index ??= new DocumentIndex(inputs.document);
      const sourceNode = index.node(edge.source);
      const targetNode = index.node(edge.target);
      const zIndex = stacking.edge(sourceNode?.parentId, targetNode?.parentId);
      // Edges without stored handles pick sides from geometry, so they depend on the end nodes too.
      const needsGeometry = !edge.sourceHandle || !edge.targetHandle;
      let entry: EdgeCacheEntry;
      if (
        cached &&
        cached.source === edge &&
        cached.selected === selected &&
        cached.badge === badge &&
        cached.placeholder === placeholder &&
        cached.zIndex === zIndex &&
        (!needsGeometry || (cached.sourceNode === sourceNode && cached.targetNode === targetNode))
      ) {
        entry = cached;
      } else {
        entry = {
          source: edge,
          selected,
          badge,
          placeholder,
          zIndex,
          sourceNode,
          targetNode,
          flow: toFlowEdge(edge, index, selected, badge, placeholder, zIndex),
        };
      }
      next.set(edge.id, entry);
      out.push(entry.flow);
    }
    this.edgeCache = next;
    return out;
  }
}

/** Side handles are 9 px squares centred on each side's midpoint (see .stowage-handle in app.css). */
const HANDLE_SIZE = 9;

/**
 * Handle geometry React Flow would otherwise measure from the DOM. Giving it up front (with
 * `measured`) means React Flow never has to mount off-screen nodes just to measure them, so a
 * new derivation after a click or an edit renders only what is visible.
 */
function handlesFor(size: { width: number; height: number }): NonNullable<ComponentFlowNode['handles']> {
  const half = HANDLE_SIZE / 2;
  const side = (id: string, position: Position, centerX: number, centerY: number) => ({
    id,
    type: 'source' as const,
    position,
    x: centerX - half,
    y: centerY - half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  });
  return [
    side('top', Position.Top, size.width / 2, 0),
    side('right', Position.Right, size.width, size.height / 2),
    side('bottom', Position.Bottom, size.width / 2, size.height),
    side('left', Position.Left, 0, size.height / 2),
    { id: 'body', type: 'target', position: Position.Top, x: 0, y: 0, width: size.width, height: size.height },
  ];
}

function toFlowNode(
  node: DiagramNode,
  selected: boolean,
  dropTarget: boolean,
  badge: BadgeInfo | null,
  zIndex: number,
  placeholder: boolean,
): ComponentFlowNode {
  const kind = placeholder ? undefined : findKind(node.kind);
  // A placeholder with a stored size was a group where it was drawn.
  const isGroup = kind ? kind.group !== undefined : node.size !== undefined;
  const size = nodeSize(node);
  const flow: ComponentFlowNode = {
    id: node.id,
    type: placeholder ? (isGroup ? 'placeholderGroup' : 'placeholder') : isGroup ? 'group' : 'component',
    position: node.position,
    data: { node, dropTarget, badge },
    width: size.width,
    height: size.height,
    measured: { width: size.width, height: size.height },
    handles: handlesFor(size),
    selected,
    zIndex,
    ariaLabel: placeholder ? `${node.label} (from a newer version of Stowage)` : `${kind?.label ?? node.kind} ${node.label}`,
  };
  if (node.parentId !== undefined) flow.parentId = node.parentId;
  return flow;
}

function toFlowEdge(
  edge: DiagramEdge,
  index: DocumentIndex,
  selected: boolean,
  badge: BadgeInfo | null,
  placeholder: boolean,
  zIndex: number,
): RelationFlowEdge {
  const source = index.node(edge.source);
  const target = index.node(edge.target);
  const connection = source && target && !placeholder ? findConnection(source.kind, target.kind) : undefined;
  let sourceHandle = edge.sourceHandle;
  let targetHandle = edge.targetHandle;
  if (!sourceHandle || !targetHandle) {
    const picked = pickHandleSides(index.absoluteRect(edge.source), index.absoluteRect(edge.target));
    sourceHandle ??= picked.sourceSide;
    targetHandle ??= picked.targetSide;
  }
  return {
    id: edge.id,
    type: 'relation',
    source: edge.source,
    target: edge.target,
    sourceHandle,
    targetHandle,
    selected,
    zIndex,
    data: { edge, label: placeholder ? 'unknown connection' : (connection?.definition.label ?? ''), badge, placeholder },
  };
}
