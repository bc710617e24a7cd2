import { appearanceOf, findKind } from '../../../../shared/catalog';
import type { DocumentIndex, Point, Rect } from '../../../../shared/document';
import type { BadgeInfo, ComponentFlowNode, RelationFlowEdge } from '../flow-types';

/** A card or group as the overview draws it: absolute rectangle and the few styles it needs. */
export interface SceneNode {
  type: 'node';
  id: string;
  parentId: string | undefined;
  /** Absolute, in flow coordinates. */
  rect: Rect;
  group: boolean;
  /** The kind's colour: a group's border, a card's icon square. */
  color: string;
  fill: string | undefined;
  dashed: boolean;
  label: string;
  selected: boolean;
  dropTarget: boolean;
  severity: BadgeInfo['severity'] | undefined;
  /** The derived z-index (derive.ts): the same stacking the DOM canvas draws. */
  z: number;
}

export interface SceneEdge {
  type: 'edge';
  id: string;
  source: string;
  target: string;
  from: Point;
  to: Point;
  selected: boolean;
  z: number;
}

/**
 * What the zoomed-out canvas draws, built from the same derived flow nodes and edges as the DOM
 * canvas (so selection, drop target, badges and stacking agree), in paint order: bottom first,
 * parents below their children, siblings in the document's stored order, each edge just above
 * the groups it runs in.
 */
export interface OverviewScene {
  items: ReadonlyArray<SceneNode | SceneEdge>;
  /** Only the nodes, in paint order. */
  nodes: readonly SceneNode[];
  byId: ReadonlyMap<string, SceneNode>;
}

export function buildScene(nodes: readonly ComponentFlowNode[], edges: readonly RelationFlowEdge[], index: DocumentIndex): OverviewScene {
  const sceneNodes: SceneNode[] = [];
  const byId = new Map<string, SceneNode>();
  for (const flow of nodes) {
    const { node, badge, dropTarget } = flow.data;
    const kind = findKind(node.kind);
    const appearance = kind ? appearanceOf(kind, node.props) : undefined;
    const position = index.absolutePosition(flow.id);
    const scene: SceneNode = {
      type: 'node',
      id: flow.id,
      parentId: flow.parentId,
      rect: { x: position.x, y: position.y, width: flow.width ?? 0, height: flow.height ?? 0 },
      group: flow.type === 'group' || flow.type === 'placeholderGroup',
      color: appearance?.color ?? '#7d8998',
      fill: appearance?.fill,
      dashed: appearance?.dashed === true || flow.type === 'placeholder' || flow.type === 'placeholderGroup',
      label: node.label || (kind?.label ?? node.kind),
      selected: flow.selected === true,
      dropTarget,
      severity: badge?.severity,
      z: flow.zIndex ?? 0,
    };
    sceneNodes.push(scene);
    byId.set(scene.id, scene);
  }
  const items: Array<SceneNode | SceneEdge> = [...sceneNodes];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    items.push({
      type: 'edge',
      id: edge.id,
      source: edge.source,
      target: edge.target,
      from: anchor(source.rect, edge.sourceHandle),
      to: anchor(target.rect, edge.targetHandle),
      selected: edge.selected === true,
      z: edge.zIndex ?? 0,
    });
  }
  // Stable: equal z-indexes keep the document's order, as the DOM does.
  items.sort((a, b) => a.z - b.z);
  sceneNodes.sort((a, b) => a.z - b.z);
  return { items, nodes: sceneNodes, byId };
}

/** Where an edge meets a node: the middle of the side its handle is on, or the centre. */
function anchor(rect: Rect, handle: string | null | undefined): Point {
  const middle = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  switch (handle) {
    case 'top':
      return { x: middle.x, y: rect.y };
    case 'bottom':
      return { x: middle.x, y: rect.y + rect.height };
    case 'left':
      return { x: rect.x, y: middle.y };
    case 'right':
      return { x: rect.x + rect.width, y: middle.y };
    default:
      return middle;
  }
}

function inside(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** The node drawn topmost at `point` (the last in paint order that contains it): a child before its parent. */
export function nodeAt(scene: OverviewScene, point: Point): SceneNode | undefined {
  for (let index = scene.nodes.length - 1; index >= 0; index--) {
    const node = scene.nodes[index]!;
    if (inside(node.rect, point)) return node;
  }
  return undefined;
}

/** Nodes that a selection box touches, as React Flow's partial selection mode picks them. */
export function nodesTouching(scene: OverviewScene, box: Rect): string[] {
  return scene.nodes.filter((node) => overlaps(node.rect, box)).map((node) => node.id);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The rectangle two corners span, whichever way the box was dragged. */
export function spanned(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}
