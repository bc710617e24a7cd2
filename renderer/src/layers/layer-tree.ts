import { findKind } from '../../../shared/catalog';
import type { DiagramNode, StackPlacement } from '../../../shared/document';
import type { BadgeInfo } from '../canvas/flow-types';

/**
 * The Layers panel's model: the containment tree of a document as rows, front first (the way
 * design tools list layers: what draws on top is listed first), and what a row, a key or a
 * pointer position over the rows means. Pure, so every rule here is tested without a DOM.
 */

export interface LayerTree {
  /** The children of each parent (undefined: the canvas), front first: the reverse of the stacking order. */
  readonly children: ReadonlyMap<string | undefined, readonly string[]>;
  readonly parentOf: ReadonlyMap<string, string | undefined>;
  readonly groups: ReadonlySet<string>;
}

export function buildLayerTree(nodes: readonly DiagramNode[]): LayerTree {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | undefined, string[]>();
  const parentOf = new Map<string, string | undefined>();
  const groups = new Set<string>();
  // Back to front, so each list comes out front first.
  for (let at = nodes.length - 1; at >= 0; at--) {
    const node = nodes[at]!;
    const parentId = node.parentId !== undefined && ids.has(node.parentId) ? node.parentId : undefined;
    parentOf.set(node.id, parentId);
    const list = children.get(parentId);
    if (list) list.push(node.id);
    else children.set(parentId, [node.id]);
    if (findKind(node.kind)?.group) groups.add(node.id);
  }
  return { children, parentOf, groups };
}

export function childrenIn(tree: LayerTree, parentId: string | undefined): readonly string[] {
  return tree.children.get(parentId) ?? [];
}

/** Every node that holds something (what Collapse all closes). */
export function groupsWithChildren(tree: LayerTree): string[] {
  return [...tree.children.keys()].filter((id): id is string => id !== undefined);
}

export interface LayerRow {
  id: string;
  parentId: string | undefined;
  /** 0 for what lies on the canvas itself. */
  depth: number;
  isGroup: boolean;
  hasChildren: boolean;
  expanded: boolean;
  /** 1-based place among its siblings and how many they are (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
}

/** The rows shown: every node whose ancestors are all expanded, in tree order (pre-order, front first). */
export function visibleRows(tree: LayerTree, collapsed: ReadonlySet<string>): LayerRow[] {
  const rows: LayerRow[] = [];
  const seen = new Set<string>();
  const stack: { id: string; depth: number; position: number; siblings: number }[] = [];
  const pushChildren = (parentId: string | undefined, depth: number) => {
    const list = childrenIn(tree, parentId);
    for (let at = list.length - 1; at >= 0; at--) stack.push({ id: list[at]!, depth, position: at + 1, siblings: list.length });
  };
  pushChildren(undefined, 0);
  while (stack.length > 0) {
    const item = stack.pop()!;
    // A parent cycle (never in a validated document) must not loop forever.
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const hasChildren = childrenIn(tree, item.id).length > 0;
    const expanded = hasChildren && !collapsed.has(item.id);
    rows.push({
      id: item.id,
      parentId: tree.parentOf.get(item.id),
      depth: item.depth,
      isGroup: tree.groups.has(item.id),
      hasChildren,
      expanded,
      position: item.position,
      siblings: item.siblings,
    });
    if (expanded) pushChildren(item.id, item.depth + 1);
  }
  return rows;
}

/** The ancestors of each node that must be expanded for it to be shown. */
export function collapsedAncestors(tree: LayerTree, ids: Iterable<string>, collapsed: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const seen = new Set<string>();
    let parent = tree.parentOf.get(id);
    while (parent !== undefined && !seen.has(parent)) {
      seen.add(parent);
      if (collapsed.has(parent)) out.add(parent);
      parent = tree.parentOf.get(parent);
    }
  }
  return [...out];
}

/** The ids of the rows from `anchorId` to `id`, both included, in row order (Shift+click, Shift+arrow). */
export function rowRange(rows: readonly LayerRow[], anchorId: string, id: string): string[] {
  const from = rows.findIndex((row) => row.id === anchorId);
  const to = rows.findIndex((row) => row.id === id);
  if (to < 0) return [];
  if (from < 0) return [id];
  const [low, high] = from <= to ? [from, to] : [to, from];
  return rows.slice(low, high + 1).map((row) => row.id);
}

/** What a navigation key does in the tree (the WAI-ARIA tree view pattern). */
export interface TreeStep {
  /** The row that gets the focus. */
  focus?: string;
  expand?: string;
  collapse?: string;
}

export type TreeKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isTreeKey(key: string): key is TreeKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(key);
}

/**
 * Up and Down move one row, Home and End to the first and last, PageUp and PageDown by `page`
 * rows. Right opens a closed group, or goes to the first child of an open one; Left closes an
 * open group, or goes to the parent.
 */
export function stepFor(rows: readonly LayerRow[], focusedId: string | undefined, key: TreeKey, page = 10): TreeStep {
  if (rows.length === 0) return {};
  const at = focusedId === undefined ? -1 : rows.findIndex((row) => row.id === focusedId);
  if (at < 0) return { focus: key === 'End' || key === 'ArrowUp' ? rows[rows.length - 1]!.id : rows[0]!.id };
  const row = rows[at]!;
  const clampedAt = (index: number) => rows[Math.max(0, Math.min(rows.length - 1, index))]!.id;
  switch (key) {
    case 'ArrowUp':
      return { focus: clampedAt(at - 1) };
    case 'ArrowDown':
      return { focus: clampedAt(at + 1) };
    case 'Home':
      return { focus: rows[0]!.id };
    case 'End':
      return { focus: rows[rows.length - 1]!.id };
    case 'PageUp':
      return { focus: clampedAt(at - page) };
    case 'PageDown':
      return { focus: clampedAt(at + page) };
    case 'ArrowRight':
      if (!row.hasChildren) return {};
      if (!row.expanded) return { expand: row.id };
      return { focus: rows[at + 1]!.id };
    case 'ArrowLeft':
      if (row.expanded) return { collapse: row.id };
      return row.parentId === undefined ? {} : { focus: row.parentId };
  }
}

/** The next row (after the focused one, wrapping) whose name starts with `prefix`, ignoring case: type-ahead. */
export function typeAhead(
  rows: readonly LayerRow[],
  focusedId: string | undefined,
  prefix: string,
  nameOf: (id: string) => string,
): string | undefined {
  const wanted = prefix.toLocaleLowerCase();
  const at = rows.findIndex((row) => row.id === focusedId);
  // A single letter typed again moves on to the next match; a longer prefix may stay on the current row.
  const start = prefix.length === 1 ? at + 1 : Math.max(at, 0);
  for (let offset = 0; offset < rows.length; offset++) {
    const row = rows[(start + offset) % rows.length]!;
    if (nameOf(row.id).toLocaleLowerCase().startsWith(wanted)) return row.id;
  }
  return undefined;
}

/** Where the panel draws rows (see LayersPanel and app.css): fixed heights let it draw only the rows in view. */
export const ROW_HEIGHT = 26;
export const ROW_PADDING = 8;
export const INDENT = 14;

/**
 * A pointer over the rows: `inside` a group's row (its middle half), or at the boundary between
 * two rows, with the depth the pointer's distance from the left picks there.
 */
export type DropSlot = { type: 'inside'; id: string } | { type: 'between'; boundary: number; depth: number };

/**
 * The slot under a point `y` pixels from the top of the first row and `x` from the rows' left
 * edge. A group's row takes its top and bottom quarters as boundaries and its middle as
 * "inside"; a card's row is split in halves. Below the last row is the end of the list.
 */
export function slotAt(rows: readonly LayerRow[], x: number, y: number): DropSlot {
  const at = Math.floor(y / ROW_HEIGHT);
  let boundary: number;
  if (at < 0) boundary = 0;
  else if (at >= rows.length) boundary = rows.length;
  else {
    const row = rows[at]!;
    const within = (y - at * ROW_HEIGHT) / ROW_HEIGHT;
    if (row.isGroup) {
      if (within >= 0.25 && within < 0.75) return { type: 'inside', id: row.id };
      boundary = within < 0.25 ? at : at + 1;
    } else boundary = within < 0.5 ? at : at + 1;
  }
  const { min, max } = boundaryDepths(rows, boundary);
  const pointed = Math.floor((x - ROW_PADDING) / INDENT);
  return { type: 'between', boundary, depth: Math.max(min, Math.min(max, pointed)) };
}

/**
 * The depths a boundary can mean. Under an open group with children, only its first child's
 * place; else from the row below's depth (going before it) to the row above's (going after it,
 * or after one of its ancestors, as far out as the row below allows).
 */
export function boundaryDepths(rows: readonly LayerRow[], boundary: number): { min: number; max: number } {
  const above = rows[boundary - 1];
  const below = rows[boundary];
  if (above?.expanded) return { min: above.depth + 1, max: above.depth + 1 };
  const max = above?.depth ?? 0;
  const min = Math.min(below?.depth ?? 0, max);
  return { min, max };
}

/** A place in the tree: a parent and the index among its children (front first) once the moved nodes are taken out. */
export interface TreeTarget {
  parentId: string | undefined;
  index: number;
  /** What the panel draws: a row to highlight, or a line at a boundary, indented to a depth. */
  indicator: { type: 'row'; id: string } | { type: 'line'; boundary: number; depth: number };
}

/**
 * Where moving `moving` to `slot` puts them; undefined where it means nothing: on or inside a
 * row being moved (a group cannot go into itself, and the row under a drag just begun is the
 * dragged one).
 */
export function targetAt(tree: LayerTree, rows: readonly LayerRow[], slot: DropSlot, moving: ReadonlySet<string>): TreeTarget | undefined {
  const movedOrInside = (id: string | undefined) => {
    const seen = new Set<string>();
    for (let current = id; current !== undefined && !seen.has(current); current = tree.parentOf.get(current)) {
      if (moving.has(current)) return true;
      seen.add(current);
    }
    return false;
  };
  if (slot.type === 'inside') {
    if (movedOrInside(slot.id)) return undefined;
    return { parentId: slot.id, index: 0, indicator: { type: 'row', id: slot.id } };
  }
  const { boundary, depth } = slot;
  const above = rows[boundary - 1];
  const indicator = { type: 'line', boundary, depth } as const;
  if (!above) return { parentId: undefined, index: 0, indicator };
  if (above.expanded) {
    return movedOrInside(above.id) ? undefined : { parentId: above.id, index: 0, indicator };
  }
  // After `above`, or after the ancestor of it at `depth`.
  let after = above.id;
  for (let level = above.depth; level > depth; level--) after = tree.parentOf.get(after) ?? after;
  const parentId = tree.parentOf.get(after);
  if (movedOrInside(parentId)) return undefined;
  const list = childrenIn(tree, parentId);
  const stays = list.filter((id) => !moving.has(id));
  const before = list.slice(0, list.indexOf(after) + 1).filter((id) => !moving.has(id)).length;
  return { parentId, index: Math.min(before, stays.length), indicator };
}

/** The stacking place of a target: above the sibling listed after it, else below the last one; undefined: on top. */
export function placementOf(tree: LayerTree, target: TreeTarget, moving: ReadonlySet<string>): StackPlacement | undefined {
  const stays = childrenIn(tree, target.parentId).filter((id) => !moving.has(id));
  const next = stays[target.index];
  if (next !== undefined) return { above: next };
  const last = stays[stays.length - 1];
  return last === undefined ? undefined : { below: last };
}

/** The ids a drag of row `id` moves: the selection when the row is part of it, else the row alone. */
export function draggedIds(id: string, selected: ReadonlySet<string>): string[] {
  return selected.has(id) ? [...selected] : [id];
}

/** Rows `first` to `last` (exclusive) to draw for a list scrolled to `scrollTop` in a box `height` tall, with `overscan` rows either side. */
export function rowWindow(count: number, scrollTop: number, height: number, overscan = 8): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Findings on what a group holds, at any depth: shown on a closed group's row, so nothing wrong hides inside it. */
export interface InnerFindings {
  severity: BadgeInfo['severity'];
  count: number;
}

const SEVERITY_RANK: Record<BadgeInfo['severity'], number> = { error: 0, warning: 1, info: 2 };

export function findingsInside(tree: LayerTree, badges: ReadonlyMap<string, BadgeInfo>): Map<string, InnerFindings> {
  const inside = new Map<string, InnerFindings>();
  for (const [id, badge] of badges) {
    const seen = new Set<string>();
    for (let parent = tree.parentOf.get(id); parent !== undefined && !seen.has(parent); parent = tree.parentOf.get(parent)) {
      seen.add(parent);
      const sum = inside.get(parent);
      if (!sum) inside.set(parent, { severity: badge.severity, count: badge.count });
      else {
        sum.count += badge.count;
        if (SEVERITY_RANK[badge.severity] < SEVERITY_RANK[sum.severity]) sum.severity = badge.severity;
      }
    }
  }
  return inside;
}
