import { describe, expect, it } from 'vitest';
import { createNode, type DiagramNode } from '../../../shared/document';
import {
  INDENT,
  ROW_HEIGHT,
  ROW_PADDING,
  buildLayerTree,
  collapsedAncestors,
  draggedIds,
  findingsInside,
  placementOf,
  rowRange,
  rowWindow,
  slotAt,
  stepFor,
  targetAt,
  typeAhead,
  visibleRows,
  type LayerRow,
  type TreeTarget,
} from './layer-tree';

const n = (kind: string, id: string, parentId?: string): DiagramNode =>
  createNode(kind, { id, label: id, position: { x: 0, y: 0 }, ...(parentId ? { parentId } : {}) });

/** Stored bottom first, as the document keeps them. */
const nodes = [
  n('region', 'R'),
  n('vpc', 'V', 'R'),
  n('availability-zone', 'A', 'V'),
  n('subnet', 'S1', 'A'),
  n('subnet', 'S2', 'A'),
  n('nat-gateway', 'N', 'S1'),
  n('ecs-cluster', 'C'),
  n('ecs-fargate-capacity', 'F', 'C'),
  n('ecs-service', 'X', 'F'),
  n('ecs-service', 'Y', 'F'),
  n('ecr-repository', 'E'),
];
const tree = buildLayerTree(nodes);
const NONE: ReadonlySet<string> = new Set();
const rows = visibleRows(tree, NONE);
const ids = (list: readonly LayerRow[]) => list.map((row) => row.id);
const rowIndex = (id: string) => rows.findIndex((row) => row.id === id);
/** A point in the middle of a row's height fraction `f`, at the indent of `depth`. */
const point = (id: string, f: number, depth = 9) => ({ x: ROW_PADDING + depth * INDENT + 4, y: (rowIndex(id) + f) * ROW_HEIGHT });

describe('the layer tree', () => {
  it('lists what draws on top first, each group followed by what it holds', () => {
    expect(ids(rows)).toEqual(['E', 'C', 'F', 'Y', 'X', 'R', 'V', 'A', 'S2', 'S1', 'N']);
    expect(rows.map((row) => row.depth)).toEqual([0, 0, 1, 2, 2, 0, 1, 2, 3, 3, 4]);
    const c = rows[rowIndex('C')]!;
    expect(c).toMatchObject({ parentId: undefined, isGroup: true, hasChildren: true, expanded: true, position: 2, siblings: 3 });
    expect(rows[rowIndex('X')]).toMatchObject({
      parentId: 'F',
      isGroup: false,
      hasChildren: false,
      expanded: false,
      position: 2,
      siblings: 2,
    });
  });

  it('hides what a collapsed group holds, and says which ancestors hide a node', () => {
    const collapsed = new Set(['C', 'A']);
    expect(ids(visibleRows(tree, collapsed))).toEqual(['E', 'C', 'R', 'V', 'A']);
    expect(visibleRows(tree, collapsed)[1]).toMatchObject({ hasChildren: true, expanded: false });
    expect(collapsedAncestors(tree, ['N', 'X', 'E'], collapsed).sort()).toEqual(['A', 'C']);
    expect(collapsedAncestors(tree, ['V'], collapsed)).toEqual([]);
  });

  it('treats a node whose parent is missing as lying on the canvas, and survives a parent cycle', () => {
    const odd = buildLayerTree([n('vpc', 'a', 'b'), n('vpc', 'b', 'a'), n('vpc', 'c', 'gone')]);
    expect(ids(visibleRows(odd, NONE))).toEqual(['c']);
  });

  it('selects ranges of rows either way round (Shift+click)', () => {
    expect(rowRange(rows, 'F', 'X')).toEqual(['F', 'Y', 'X']);
    expect(rowRange(rows, 'X', 'F')).toEqual(['F', 'Y', 'X']);
    expect(rowRange(rows, 'gone', 'X')).toEqual(['X']);
  });

  it('drags the selection when the grabbed row is part of it, else the row alone', () => {
    expect(draggedIds('X', new Set(['X', 'Y']))).toEqual(['X', 'Y']);
    expect(draggedIds('E', new Set(['X', 'Y']))).toEqual(['E']);
  });
});

describe('findings inside a group', () => {
  it('adds up what every group holds at any depth, worst severity first', () => {
    const badge = (severity: 'error' | 'warning' | 'info', count: number) => ({ severity, count, messages: [] });
    const inside = findingsInside(
      tree,
      new Map([
        ['N', badge('warning', 2)],
        ['S2', badge('error', 1)],
        ['X', badge('info', 1)],
      ]),
    );
    expect(inside.get('S1')).toEqual({ severity: 'warning', count: 2 });
    expect(inside.get('A')).toEqual({ severity: 'error', count: 3 });
    expect(inside.get('R')).toEqual({ severity: 'error', count: 3 });
    expect(inside.get('F')).toEqual({ severity: 'info', count: 1 });
    expect(inside.has('N')).toBe(false);
    expect(inside.has('E')).toBe(false);
  });
});

describe('keyboard navigation', () => {
  it('moves up and down a row, to the ends, and by pages, staying inside the list', () => {
    expect(stepFor(rows, 'C', 'ArrowDown')).toEqual({ focus: 'F' });
    expect(stepFor(rows, 'C', 'ArrowUp')).toEqual({ focus: 'E' });
    expect(stepFor(rows, 'E', 'ArrowUp')).toEqual({ focus: 'E' });
    expect(stepFor(rows, 'N', 'ArrowDown')).toEqual({ focus: 'N' });
    expect(stepFor(rows, 'X', 'Home')).toEqual({ focus: 'E' });
    expect(stepFor(rows, 'X', 'End')).toEqual({ focus: 'N' });
    expect(stepFor(rows, 'E', 'PageDown', 4)).toEqual({ focus: 'X' });
    expect(stepFor(rows, undefined, 'ArrowDown')).toEqual({ focus: 'E' });
  });

  it('opens and closes groups with Right and Left, and goes to the first child or the parent', () => {
    expect(stepFor(rows, 'C', 'ArrowRight')).toEqual({ focus: 'F' });
    expect(stepFor(rows, 'C', 'ArrowLeft')).toEqual({ collapse: 'C' });
    expect(stepFor(rows, 'X', 'ArrowLeft')).toEqual({ focus: 'F' });
    expect(stepFor(rows, 'E', 'ArrowLeft')).toEqual({});
    expect(stepFor(rows, 'X', 'ArrowRight')).toEqual({});
    const closed = visibleRows(tree, new Set(['C']));
    expect(stepFor(closed, 'C', 'ArrowRight')).toEqual({ expand: 'C' });
    expect(stepFor(closed, 'C', 'ArrowLeft')).toEqual({});
  });

  it('jumps to the next row whose name starts with what was typed', () => {
    const name = (id: string) => ({ S1: 'private-a', S2: 'public-a', N: 'nat' })[id] ?? id;
    expect(typeAhead(rows, 'E', 'p', name)).toBe('S2');
    expect(typeAhead(rows, 'S2', 'p', name)).toBe('S1');
    expect(typeAhead(rows, 'S1', 'p', name)).toBe('S2');
    expect(typeAhead(rows, 'S2', 'pu', name)).toBe('S2');
    expect(typeAhead(rows, 'E', 'zzz', name)).toBeUndefined();
  });
});

describe('where a dragged row lands', () => {
  const target = (moving: string[], at: { x: number; y: number }): TreeTarget | undefined =>
    targetAt(tree, rows, slotAt(rows, at.x, at.y), new Set(moving));

  it('goes into a group when let go over the middle of its row, on top of what it holds', () => {
    expect(slotAt(rows, 40, point('F', 0.5).y)).toEqual({ type: 'inside', id: 'F' });
    expect(target(['E'], point('F', 0.5))).toEqual({ parentId: 'F', index: 0, indicator: { type: 'row', id: 'F' } });
    expect(target(['E'], point('S1', 0.3))).toMatchObject({ parentId: 'S1', index: 0 });
  });

  it('goes before or after a card by the half of its row', () => {
    expect(target(['E'], point('X', 0.2))).toEqual({
      parentId: 'F',
      index: 1,
      indicator: { type: 'line', boundary: rowIndex('X'), depth: 2 },
    });
    expect(target(['E'], point('Y', 0.8))).toMatchObject({ parentId: 'F', index: 1 });
    expect(target(['E'], point('Y', 0.2))).toMatchObject({ parentId: 'F', index: 0 });
  });

  it('below an open group means its first place; a group row`s edges mean before or after it', () => {
    expect(target(['E'], point('C', 0.9))).toMatchObject({ parentId: 'C', index: 0 });
    expect(target(['E'], point('C', 0.1))).toMatchObject({ parentId: undefined, index: 0 });
    const closed = visibleRows(tree, new Set(['C']));
    const below = { x: 200, y: (closed.findIndex((row) => row.id === 'C') + 0.9) * ROW_HEIGHT };
    expect(targetAt(tree, closed, slotAt(closed, below.x, below.y), new Set(['E']))).toMatchObject({ parentId: undefined, index: 1 });
  });

  it('after the last row of a group, the pointer`s distance from the left picks how far out it goes', () => {
    // Between X (depth 2, last in F) and R (depth 0): F's end, C's end, or the canvas before R.
    const at = (depth: number) => ({ x: ROW_PADDING + depth * INDENT + 2, y: point('X', 0.9).y });
    expect(target(['E'], at(2))).toMatchObject({ parentId: 'F', index: 2, indicator: { depth: 2 } });
    expect(target(['E'], at(1))).toMatchObject({ parentId: 'C', index: 1, indicator: { depth: 1 } });
    expect(target(['E'], at(0))).toMatchObject({ parentId: undefined, index: 1, indicator: { depth: 0 } });
    // Further in than the row above, or further out than the row below, is as far as it goes.
    expect(target(['E'], at(7))).toMatchObject({ parentId: 'F' });
    expect(target(['E'], { x: -50, y: point('X', 0.9).y })).toMatchObject({ parentId: undefined });
  });

  it('below the last row is the end of the canvas`s list, or of the groups the last row is in', () => {
    const end = rows.length * ROW_HEIGHT + 40;
    expect(target(['E'], { x: 0, y: end })).toMatchObject({ parentId: undefined, index: 2 });
    expect(target(['E'], { x: 500, y: end })).toMatchObject({ parentId: 'S1', index: 1 });
    expect(target(['E'], { x: 0, y: -10 })).toMatchObject({ parentId: undefined, index: 0 });
  });

  it('means nothing on or inside a row being moved', () => {
    expect(target(['C'], point('C', 0.5))).toBeUndefined();
    expect(target(['C'], point('F', 0.5))).toBeUndefined();
    expect(target(['C'], point('X', 0.2))).toBeUndefined();
    expect(target(['C'], point('C', 0.9))).toBeUndefined();
    expect(target(['X'], point('X', 0.2))).toMatchObject({ parentId: 'F', index: 1 });
  });

  it('counts places without the moved rows, and turns them into a place in the stacking order', () => {
    // Y moved below X: after X in the list, which is the bottom of F's stack.
    const moving = new Set(['Y']);
    const afterX = targetAt(tree, rows, slotAt(rows, 200, point('X', 0.8).y), moving)!;
    expect(afterX).toMatchObject({ parentId: 'F', index: 1 });
    expect(placementOf(tree, afterX, moving)).toEqual({ below: 'X' });
    expect(placementOf(tree, { parentId: 'F', index: 0, indicator: { type: 'row', id: 'F' } }, moving)).toEqual({ above: 'X' });
    expect(placementOf(tree, { parentId: 'S1', index: 1, indicator: { type: 'row', id: 'S1' } }, new Set(['E']))).toEqual({ below: 'N' });
    expect(placementOf(tree, { parentId: 'N', index: 0, indicator: { type: 'row', id: 'N' } }, new Set(['E']))).toBeUndefined();
  });
});

describe('drawing only the rows in view', () => {
  it('draws the rows in the box and a few either side, never past the ends', () => {
    expect(rowWindow(1000, 0, 260, 8)).toEqual({ first: 0, last: 18 });
    expect(rowWindow(1000, 26 * 500, 260, 8)).toEqual({ first: 492, last: 518 });
    expect(rowWindow(1000, 26 * 998, 260, 8)).toEqual({ first: 990, last: 1000 });
    expect(rowWindow(0, 0, 260)).toEqual({ first: 0, last: 0 });
  });
});
