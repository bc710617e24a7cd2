import type { Rect } from './geometry';
import type { DiagramDocument, DiagramNode } from './schema';

/**
 * The stacking model. A node always draws above its parent (and everything its parent holds
 * draws above the parent too); among siblings, the stored order of the document's node array is
 * the stacking order, later above earlier. There is no separate z field: the order is saved with
 * the document, survives copy and paste, and can never contradict the nesting.
 */

export type RestackMove = 'front' | 'back' | 'forward' | 'backward';

/** Nodes in drawing order, bottom first: each parent, then its subtree, siblings in stored order. */
export function stackingOrder(nodes: readonly DiagramNode[]): DiagramNode[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string, DiagramNode[]>();
  const roots: DiagramNode[] = [];
  for (const node of nodes) {
    if (node.parentId === undefined || !ids.has(node.parentId)) {
      roots.push(node);
      continue;
    }
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  const out: DiagramNode[] = [];
  const seen = new Set<string>();
  // Iterative pre-order walk; `seen` keeps an unvalidated document with a parent cycle from looping.
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    out.push(node);
    const below = children.get(node.id);
    if (below) for (let index = below.length - 1; index >= 0; index--) stack.push(below[index]!);
  }
  return out;
}

/** Each node's place in the drawing order (0 is drawn first, at the bottom). */
export function stackingRanks(nodes: readonly DiagramNode[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const [rank, node] of stackingOrder(nodes).entries()) ranks.set(node.id, rank);
  return ranks;
}

/**
 * Parents before children, moving only children: a node that comes before its parent is put
 * right after the parent (with anything of its own that waited for it), and every parent keeps
 * its place. So giving a node a new parent never changes where the parent stacks among its own
 * siblings. Nodes whose parent is missing keep their place.
 */
export function childrenAfterParents(nodes: readonly DiagramNode[]): DiagramNode[] {
  const ids = new Set(nodes.map((node) => node.id));
  const placed = new Set<string>();
  const waiting = new Map<string, DiagramNode[]>();
  const out: DiagramNode[] = [];
  const place = (node: DiagramNode) => {
    const queue = [node];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (placed.has(next.id)) continue;
      placed.add(next.id);
      out.push(next);
      const children = waiting.get(next.id);
      if (children) {
        waiting.delete(next.id);
        queue.unshift(...children);
      }
    }
  };
  for (const node of nodes) {
    if (node.parentId !== undefined && ids.has(node.parentId) && !placed.has(node.parentId)) {
      const list = waiting.get(node.parentId);
      if (list) list.push(node);
      else waiting.set(node.parentId, [node]);
      continue;
    }
    place(node);
  }
  // Whatever still waits sits in a parent cycle (never in a validated document): keep it.
  for (const list of waiting.values()) for (const node of list) if (!placed.has(node.id)) place(node);
  return out;
}

/** The children of `parentId` (undefined: the canvas) in stacking order, bottom first. */
export function siblingsIn(document: DiagramDocument, parentId: string | undefined): DiagramNode[] {
  return document.nodes.filter((node) => node.parentId === parentId);
}

export type StackPlacement = { above: string } | { below: string };

/**
 * Moves node `id`, with everything inside it, just above or just below sibling `placement`
 * in their parent's stacking order. Every other node keeps its relative order. Returns the
 * same document when the node is already there, or when the two are not siblings.
 */
export function moveInStack(document: DiagramDocument, id: string, placement: StackPlacement): DiagramDocument {
  const anchorId = 'above' in placement ? placement.above : placement.below;
  const node = document.nodes.find((candidate) => candidate.id === id);
  const anchor = document.nodes.find((candidate) => candidate.id === anchorId);
  if (!node || !anchor || node === anchor || node.parentId !== anchor.parentId) return document;
  const siblings = siblingsIn(document, node.parentId);
  const from = siblings.indexOf(node);
  const at = siblings.indexOf(anchor);
  if ('above' in placement ? from === at + 1 : from === at - 1) return document;

  const moving = subtreeIds(document, id);
  const block = document.nodes.filter((candidate) => moving.has(candidate.id));
  const rest = document.nodes.filter((candidate) => !moving.has(candidate.id));
  const anchorIndex = rest.indexOf(anchor);
  let insertAt: number;
  if ('below' in placement) insertAt = anchorIndex;
  else {
    // After the anchor and whatever it holds, but before the sibling that follows it.
    const anchorTree = subtreeIds(document, anchorId);
    let lastOfAnchor = anchorIndex;
    let nextSibling = rest.length;
    for (let index = anchorIndex + 1; index < rest.length; index++) {
      const candidate = rest[index]!;
      if (candidate.parentId === node.parentId) {
        nextSibling = index;
        break;
      }
      if (anchorTree.has(candidate.id)) lastOfAnchor = index;
    }
    insertAt = Math.min(nextSibling, lastOfAnchor + 1);
  }
  return { ...document, nodes: [...rest.slice(0, insertAt), ...block, ...rest.slice(insertAt)] };
}

/**
 * Bring to Front, Send to Back, Bring Forward and Send Backward for the nodes `ids`, each among
 * its own siblings. Forward and Backward step past the next sibling that overlaps the node (a
 * step past one it does not touch would change nothing on screen), or the next sibling when
 * none overlaps. Selected siblings keep their order relative to one another.
 */
export function restack(
  document: DiagramDocument,
  ids: Iterable<string>,
  move: RestackMove,
  rectOf: (id: string) => Rect,
): DiagramDocument {
  const chosen = new Set(ids);
  const parents = new Set<string | undefined>();
  for (const node of document.nodes) if (chosen.has(node.id)) parents.add(node.parentId);
  let next = document;
  for (const parentId of parents) {
    const moving = siblingsIn(next, parentId).filter((node) => chosen.has(node.id));
    const order = move === 'back' || move === 'forward' ? [...moving].reverse() : moving;
    for (const node of order) {
      const siblings = siblingsIn(next, parentId);
      const index = siblings.findIndex((candidate) => candidate.id === node.id);
      const anchor = anchorFor(siblings, index, move, chosen, rectOf);
      if (!anchor) continue;
      next = moveInStack(next, node.id, move === 'front' || move === 'forward' ? { above: anchor.id } : { below: anchor.id });
    }
  }
  return next;
}

function anchorFor(
  siblings: readonly DiagramNode[],
  index: number,
  move: RestackMove,
  chosen: ReadonlySet<string>,
  rectOf: (id: string) => Rect,
): DiagramNode | undefined {
  const node = siblings[index]!;
  if (move === 'front') {
    const top = siblings[siblings.length - 1];
    return top && top.id !== node.id ? top : undefined;
  }
  if (move === 'back') {
    const bottom = siblings[0];
    return bottom && bottom.id !== node.id ? bottom : undefined;
  }
  const step = move === 'forward' ? 1 : -1;
  const others: DiagramNode[] = [];
  for (let at = index + step; at >= 0 && at < siblings.length; at += step) {
    const candidate = siblings[at]!;
    if (!chosen.has(candidate.id)) others.push(candidate);
  }
  const rect = rectOf(node.id);
  return others.find((candidate) => intersects(rect, rectOf(candidate.id))) ?? others[0];
}

/** Whether two rectangles share some area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function subtreeIds(document: DiagramDocument, id: string): Set<string> {
  const ids = new Set([id]);
  // Parents come first, so one pass finds every descendant.
  for (const node of document.nodes) if (node.parentId !== undefined && ids.has(node.parentId)) ids.add(node.id);
  return ids;
}
