import { canContain, findKind } from '../catalog';
import { LEAF_SIZE } from '../catalog/common';
import type { DiagramDocument, DiagramNode, Point, Size } from './schema';
import { stackingRanks } from './z-order';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between a group's border and its children, and above them for the group's title bar. */
export const GROUP_PADDING = { side: 24, top: 48, bottom: 24 } as const;

export function nodeSize(node: Pick<DiagramNode, 'kind' | 'size'>): Size {
  return node.size ?? findKind(node.kind)?.size ?? LEAF_SIZE;
}

/** The box around nodes that share one parent, in that parent's coordinates (their positions); undefined for none. */
export function nodesBounds(nodes: readonly Pick<DiagramNode, 'kind' | 'position' | 'size'>[]): Rect | undefined {
  if (nodes.length === 0) return undefined;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const size = nodeSize(node);
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + size.width);
    maxY = Math.max(maxY, node.position.y + size.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Node lookup and absolute geometry for one document version. Build once per change, not per query. */
export class DocumentIndex {
  readonly byId: ReadonlyMap<string, DiagramNode>;
  readonly childrenOf: ReadonlyMap<string | undefined, readonly DiagramNode[]>;
  private readonly absoluteCache = new Map<string, Point>();
  private ranks: Map<string, number> | undefined;

  constructor(readonly document: DiagramDocument) {
    this.byId = new Map(document.nodes.map((node) => [node.id, node]));
    const children = new Map<string | undefined, DiagramNode[]>();
    for (const node of document.nodes) {
      const siblings = children.get(node.parentId);
      if (siblings) siblings.push(node);
      else children.set(node.parentId, [node]);
    }
    this.childrenOf = children;
  }

  node(id: string): DiagramNode | undefined {
    return this.byId.get(id);
  }

  children(id: string | undefined): readonly DiagramNode[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** Ancestors from the parent outwards. */
  ancestors(id: string): DiagramNode[] {
    const out: DiagramNode[] = [];
    const seen = new Set<string>();
    let current = this.byId.get(id);
    while (current?.parentId !== undefined && !seen.has(current.parentId)) {
      seen.add(current.parentId);
      current = this.byId.get(current.parentId);
      if (current) out.push(current);
    }
    return out;
  }

  /** Every node nested inside `id`, at any depth. */
  descendants(id: string): DiagramNode[] {
    const out: DiagramNode[] = [];
    const stack = [...this.children(id)];
    while (stack.length > 0) {
      const node = stack.pop()!;
      out.push(node);
      stack.push(...this.children(node.id));
    }
    return out;
  }

  absolutePosition(id: string): Point {
    const cached = this.absoluteCache.get(id);
    if (cached) return cached;
    if (!this.byId.has(id)) return { x: 0, y: 0 };
    // Walk up to the first ancestor already known (or the top), then fill in the cache top-down.
    // Iterative, and stopping at a repeated node, so a document that has not been validated
    // yet cannot send this into endless recursion.
    const chain: DiagramNode[] = [];
    const seen = new Set<string>();
    let base: Point = { x: 0, y: 0 };
    let current = this.byId.get(id);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      const known = this.absoluteCache.get(current.id);
      if (known) {
        base = known;
        break;
      }
      chain.push(current);
      current = current.parentId === undefined ? undefined : this.byId.get(current.parentId);
    }
    let { x, y } = base;
    for (let index = chain.length - 1; index >= 0; index--) {
      const item = chain[index]!;
      x += item.position.x;
      y += item.position.y;
      this.absoluteCache.set(item.id, item.parentId === undefined ? item.position : { x, y });
    }
    return this.absoluteCache.get(id)!;
  }

  absoluteRect(id: string): Rect {
    const node = this.byId.get(id);
    const position = this.absolutePosition(id);
    const size = node ? nodeSize(node) : { width: 0, height: 0 };
    return { x: position.x, y: position.y, width: size.width, height: size.height };
  }

  depth(id: string): number {
    return this.ancestors(id).length;
  }

  /** Where the node draws in the stacking order (see z-order.ts): higher is on top. */
  stackingRank(id: string): number {
    this.ranks ??= stackingRanks(this.document.nodes);
    return this.ranks.get(id) ?? -1;
  }

  /**
   * The groups under `point` (absolute), topmost first as drawn, skipping `excluded` nodes and
   * their descendants (a group cannot be dropped into itself).
   */
  groupsAt(point: Point, excluded: ReadonlySet<string> = new Set()): DiagramNode[] {
    const found: DiagramNode[] = [];
    for (const node of this.document.nodes) {
      if (!findKind(node.kind)?.group) continue;
      if (!contains(this.absoluteRect(node.id), point)) continue;
      if (excluded.has(node.id) || this.ancestors(node.id).some((ancestor) => excluded.has(ancestor.id))) continue;
      found.push(node);
    }
    return found.sort((a, b) => this.stackingRank(b.id) - this.stackingRank(a.id));
  }

  /**
   * The group a node of `childKind` lands in when let go at `point`: the topmost group drawn
   * there that may hold it. Nested groups draw above their parents, so this is the innermost
   * one; of overlapping groups, the one on top.
   */
  dropTarget(point: Point, childKind: string, excluded: ReadonlySet<string> = new Set()): DiagramNode | undefined {
    return this.groupsAt(point, excluded).find((group) => canContain(group.kind, childKind));
  }

  /** Bounding box of the given nodes (all nodes when omitted), in absolute coordinates. */
  bounds(ids?: Iterable<string>): Rect | undefined {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const id of ids ?? this.byId.keys()) {
      if (!this.byId.has(id)) continue;
      const rect = this.absoluteRect(id);
      minX = Math.min(minX, rect.x);
      minY = Math.min(minY, rect.y);
      maxX = Math.max(maxX, rect.x + rect.width);
      maxY = Math.max(maxY, rect.y + rect.height);
    }
    return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : undefined;
  }
}

export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}
