import { canContain, findKind } from '../catalog';
import { DocumentIndex, GROUP_PADDING, contains, type Rect } from './geometry';
import { reparentNode } from './operations';
import type { DiagramDocument, Point, Size } from './schema';
import { intersects, moveInStack, siblingsIn } from './z-order';

/**
 * Where things go when they are put down: free spots for new nodes, and what a placed node
 * does to its new neighbours (a group takes in what it covers and may hold, and stays below
 * what it covers and may not), so nothing ever looks nested without being nested.
 */

export interface FreeSpotOptions {
  /** The box must lie inside this area (absolute). */
  area?: Rect;
  /** Space kept clear around the box. */
  gap?: number;
  /** Distance between candidate positions. */
  step?: number;
  /** How many rings of candidates around `preferred` to try. */
  rings?: number;
}

/**
 * The top-left nearest `preferred` where a box of `size`, with `gap` around it, overlaps none
 * of `occupied` (and lies inside `area` when given); undefined when there is none in reach.
 */
export function findFreeSpot(size: Size, preferred: Point, occupied: readonly Rect[], options: FreeSpotOptions = {}): Point | undefined {
  const gap = options.gap ?? 16;
  const step = options.step ?? 16;
  const rings = options.rings ?? 60;
  const { area } = options;
  const fits = (x: number, y: number) => {
    if (area && (x < area.x || y < area.y || x + size.width > area.x + area.width || y + size.height > area.y + area.height)) return false;
    const box = { x: x - gap, y: y - gap, width: size.width + gap * 2, height: size.height + gap * 2 };
    return !occupied.some((rect) => intersects(box, rect));
  };
  for (let ring = 0; ring <= rings; ring++) {
    const candidates: Point[] = [];
    if (ring === 0) candidates.push({ x: 0, y: 0 });
    for (let offset = -ring; offset <= ring && ring > 0; offset++) {
      candidates.push({ x: offset, y: -ring }, { x: offset, y: ring });
      if (offset !== -ring && offset !== ring) candidates.push({ x: -ring, y: offset }, { x: ring, y: offset });
    }
    // Nearest first; of equally near ones, below before above and right before left (reading order).
    candidates.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || b.y - a.y || b.x - a.x);
    for (const candidate of candidates) {
      const x = preferred.x + candidate.x * step;
      const y = preferred.y + candidate.y * step;
      if (fits(x, y)) return { x, y };
    }
  }
  return undefined;
}

/** Where a group's children may sit: inside its border, below its title bar. */
export function contentRect(index: DocumentIndex, groupId: string): Rect {
  const rect = index.absoluteRect(groupId);
  return {
    x: rect.x + GROUP_PADDING.side,
    y: rect.y + GROUP_PADDING.top,
    width: Math.max(0, rect.width - GROUP_PADDING.side * 2),
    height: Math.max(0, rect.height - GROUP_PADDING.top - GROUP_PADDING.bottom),
  };
}

/** Under a group's lowest child (`occupied` holds the children's rects), `gap` below it at the content's left edge; the group grows to fit. */
export function belowChildren(index: DocumentIndex, groupId: string, occupied: readonly Rect[], gap: number): Point {
  const content = contentRect(index, groupId);
  const bottom = occupied.reduce((low, rect) => Math.max(low, rect.y + rect.height), content.y - gap);
  return { x: content.x, y: bottom + gap };
}

export function centerOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

export interface Settled {
  document: DiagramDocument;
  /** Nodes the placed group took in. */
  adoptedIds: string[];
}

/**
 * Settles node `id` after it was put where it is (added, dropped, pasted), among its siblings:
 * - a group takes in every sibling whose middle it covers when the catalog lets it hold that
 *   kind, keeping where the sibling is (the group grows to fit);
 * - a group stays below every sibling it covers and may not hold, so those stay in reach and
 *   never look as if they were inside it;
 * - otherwise, a node put on a sibling group (which could not take it) draws above that group.
 * One pure change; the caller makes it part of the same undo step as the placing.
 */
export function settlePlacement(document: DiagramDocument, id: string): Settled {
  let index = new DocumentIndex(document);
  const node = index.node(id);
  if (!node) return { document, adoptedIds: [] };
  const isGroup = findKind(node.kind)?.group !== undefined;
  let next = document;
  const adoptedIds: string[] = [];
  if (isGroup) {
    const rect = index.absoluteRect(id);
    for (const sibling of siblingsIn(document, node.parentId)) {
      if (sibling.id === id || !canContain(node.kind, sibling.kind)) continue;
      if (!contains(rect, centerOf(index.absoluteRect(sibling.id)))) continue;
      const adopted = reparentNode(next, sibling.id, id, index.absolutePosition(sibling.id));
      if (adopted === next) continue;
      next = adopted;
      adoptedIds.push(sibling.id);
    }
    index = new DocumentIndex(next);
  }
  const rect = index.absoluteRect(id);
  const siblings = siblingsIn(next, node.parentId).filter((sibling) => sibling.id !== id);
  const order = (siblingId: string) => next.nodes.findIndex((candidate) => candidate.id === siblingId);
  const own = order(id);
  const covered = isGroup ? siblings.filter((sibling) => contains(rect, centerOf(index.absoluteRect(sibling.id)))) : [];
  if (covered.length > 0) {
    const lowest = covered.reduce((low, sibling) => (order(sibling.id) < order(low.id) ? sibling : low));
    if (order(lowest.id) < own) next = moveInStack(next, id, { below: lowest.id });
    return { document: next, adoptedIds };
  }
  const middle = centerOf(rect);
  const under = siblings.filter((sibling) => findKind(sibling.kind)?.group && contains(index.absoluteRect(sibling.id), middle));
  if (under.length > 0) {
    const highest = under.reduce((high, sibling) => (order(sibling.id) > order(high.id) ? sibling : high));
    if (order(highest.id) > own) next = moveInStack(next, id, { above: highest.id });
  }
  return { document: next, adoptedIds };
}

/** Puts node `id` on top of its siblings (a node just dropped into a group lands on top there). */
export function bringToTopOfSiblings(document: DiagramDocument, id: string): DiagramDocument {
  const node = document.nodes.find((candidate) => candidate.id === id);
  if (!node) return document;
  const siblings = siblingsIn(document, node.parentId);
  const top = siblings[siblings.length - 1];
  return top && top.id !== id ? moveInStack(document, id, { above: top.id }) : document;
}
