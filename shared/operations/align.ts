import { DocumentIndex, moveNodes, type DiagramDocument, type Point, type Rect } from '../document';
import { count, defineOperation } from './types';

export const ALIGNMENTS = ['left', 'center', 'right', 'top', 'middle', 'bottom'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];
export type DistributeAxis = 'horizontal' | 'vertical';

const ALIGNMENT_LABELS: Record<Alignment, string> = {
  left: 'left edges',
  center: 'centres',
  right: 'right edges',
  top: 'top edges',
  middle: 'middles',
  bottom: 'bottom edges',
};

/**
 * The nodes an arrangement moves: the selected ones, less those inside another selected node
 * (they move with it). Each keeps its parent: aligning never re-nests anything; a group grows
 * when a child is aligned past its border.
 */
function outermost(index: DocumentIndex, nodeIds: readonly string[]): string[] {
  const selected = new Set(nodeIds.filter((id) => index.node(id)));
  return [...selected].filter((id) => !index.ancestors(id).some((ancestor) => selected.has(ancestor.id)));
}

/** Moves each node so its absolute top-left becomes `targets[id]`, in its own parent's coordinates. */
function moveTo(document: DiagramDocument, index: DocumentIndex, targets: ReadonlyMap<string, Point>): DiagramDocument {
  const moves = new Map<string, Point>();
  for (const [id, target] of targets) {
    const node = index.node(id)!;
    const absolute = index.absolutePosition(id);
    moves.set(id, { x: node.position.x + target.x - absolute.x, y: node.position.y + target.y - absolute.y });
  }
  return moveNodes(document, moves);
}

function alignedPosition(rect: Rect, bounds: Rect, alignment: Alignment): Point {
  switch (alignment) {
    case 'left':
      return { x: bounds.x, y: rect.y };
    case 'center':
      return { x: bounds.x + (bounds.width - rect.width) / 2, y: rect.y };
    case 'right':
      return { x: bounds.x + bounds.width - rect.width, y: rect.y };
    case 'top':
      return { x: rect.x, y: bounds.y };
    case 'middle':
      return { x: rect.x, y: bounds.y + (bounds.height - rect.height) / 2 };
    case 'bottom':
      return { x: rect.x, y: bounds.y + bounds.height - rect.height };
  }
}

export const align = defineOperation({
  id: 'nodes.align',
  label: (args: { nodeIds: readonly string[]; alignment: Alignment }) =>
    `Align ${ALIGNMENT_LABELS[args.alignment]} of ${count(args.nodeIds.length, 'component')}`,
  /** Lines the nodes up on the selection's bounding box: its left edge, centre line, and so on. */
  apply(document, args) {
    const index = new DocumentIndex(document);
    const ids = outermost(index, args.nodeIds);
    if (ids.length < 2) return { document };
    const bounds = index.bounds(ids)!;
    const targets = new Map(ids.map((id) => [id, alignedPosition(index.absoluteRect(id), bounds, args.alignment)]));
    return { document: moveTo(document, index, targets) };
  },
});

export const distribute = defineOperation({
  id: 'nodes.distribute',
  label: (args: { nodeIds: readonly string[]; axis: DistributeAxis }) =>
    `Distribute ${count(args.nodeIds.length, 'component')} ${args.axis === 'horizontal' ? 'horizontally' : 'vertically'}`,
  /**
   * Equal gaps between neighbours along the axis, keeping the first and last in place (as
   * design tools distribute spacing, so boxes of different sizes end up evenly spaced).
   */
  apply(document, args) {
    const index = new DocumentIndex(document);
    const ids = outermost(index, args.nodeIds);
    if (ids.length < 3) return { document };
    const horizontal = args.axis === 'horizontal';
    const rects = ids
      .map((id) => ({ id, rect: index.absoluteRect(id) }))
      .sort((a, b) => (horizontal ? a.rect.x - b.rect.x || a.rect.y - b.rect.y : a.rect.y - b.rect.y || a.rect.x - b.rect.x));
    const start = (rect: Rect) => (horizontal ? rect.x : rect.y);
    const length = (rect: Rect) => (horizontal ? rect.width : rect.height);
    const first = rects[0]!.rect;
    const last = rects[rects.length - 1]!.rect;
    const span = start(last) + length(last) - start(first);
    const occupied = rects.reduce((sum, item) => sum + length(item.rect), 0);
    const gap = (span - occupied) / (rects.length - 1);
    const targets = new Map<string, Point>();
    let cursor = start(first);
    for (const { id, rect } of rects) {
      targets.set(id, horizontal ? { x: cursor, y: rect.y } : { x: rect.x, y: cursor });
      cursor += length(rect) + gap;
    }
    return { document: moveTo(document, index, targets) };
  },
});
