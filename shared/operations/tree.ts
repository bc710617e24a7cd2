import { canContain, findKind } from '../catalog';
import {
  DocumentIndex,
  belowChildren,
  bringToTopOfSiblings,
  contentRect,
  describeNode,
  findFreeSpot,
  moveInStack,
  nodeSize,
  reparentNode,
  type DiagramDocument,
  type DiagramNode,
  type Point,
  type Rect,
  type StackPlacement,
} from '../document';
import { cannotHold } from './nesting';
import { count, defineOperation, type OperationResult } from './types';

/**
 * Moving nodes in the containment tree, as the Layers panel does: to another place among their
 * siblings (which changes only the stacking order), or into another group or onto the canvas
 * where the catalog allows it. A node that changes parent is put where it visibly belongs: it
 * stays where it is when that spot lies inside its new group and is free, else it goes to the
 * nearest free spot there (on the canvas: the nearest spot clear of everything), so nothing
 * ever looks nested without being nested, or nested in the wrong group.
 */

export interface TreeMoveArgs {
  /** The nodes to move; one inside another of them moves with it. */
  nodeIds: readonly string[];
  /** Their new parent; undefined: the canvas. */
  parentId?: string;
  /** Where among their new siblings, in stacking order; omitted: on top of them. */
  at?: StackPlacement;
}

export interface TreeMoveReport {
  /** Why nothing moved: what the new parent may hold, or that a group cannot go inside itself. */
  refused?: string;
}

/** Room kept around a node put into a free spot. */
const GAP = 16;
/** How far (in 16 px steps) a node leaving a group looks for a free spot on the canvas. */
const CANVAS_RINGS = 400;

/** The nodes that move themselves (not inside another moved one), bottom of the stacking first. */
function movingRoots(index: DocumentIndex, nodeIds: readonly string[]): DiagramNode[] {
  const ids = new Set(nodeIds.filter((id) => index.node(id)));
  const roots = [...ids].filter((id) => !index.ancestors(id).some((ancestor) => ids.has(ancestor.id))).map((id) => index.node(id)!);
  return roots.sort((a, b) => index.stackingRank(a.id) - index.stackingRank(b.id));
}

function nameOf(node: DiagramNode): string {
  return describeNode(node, findKind(node.kind)?.label);
}

/**
 * Why `nodeIds` cannot move into `parentId` (undefined: the canvas), in the words the canvas
 * uses for a refused drop; undefined when they can.
 */
export function treeMoveRefusal(document: DiagramDocument, nodeIds: readonly string[], parentId: string | undefined): string | undefined {
  const index = new DocumentIndex(document);
  const parent = parentId === undefined ? undefined : index.node(parentId);
  if (parentId !== undefined && !parent) return 'That group is no longer in the diagram.';
  for (const node of movingRoots(index, nodeIds)) {
    if (parent && (parent.id === node.id || index.ancestors(parent.id).some((ancestor) => ancestor.id === node.id))) {
      return `${nameOf(node)} cannot go inside itself.`;
    }
    if (node.parentId === parentId) continue;
    if (!canContain(parent?.kind, node.kind)) {
      return parent
        ? cannotHold(document, parent.id, node.kind)
        : `${nameOf(node)} is of a kind this version does not know: it stays where it is.`;
    }
  }
  return undefined;
}

export const moveInTree = defineOperation({
  id: 'nodes.moveInTree',
  label: (args: TreeMoveArgs, document) => {
    const index = new DocumentIndex(document);
    const moving = movingRoots(index, args.nodeIds);
    const several = moving.length === 1 ? '' : ` ${count(moving.length, 'component')}`;
    if (moving.every((node) => node.parentId === args.parentId)) return `Reorder${several}`;
    const parent = args.parentId === undefined ? undefined : index.node(args.parentId);
    return parent ? `Move${several} into ${nameOf(parent)}` : `Move${several} onto the canvas`;
  },
  /**
   * Refuses the whole move, saying why, when the new parent may not hold one of the nodes.
   * Otherwise the nodes keep their order among themselves and go, as one block, just above or
   * below `at`, or on top of their new siblings; they stay selected.
   */
  apply(document, args): OperationResult<TreeMoveReport> {
    const refused = treeMoveRefusal(document, args.nodeIds, args.parentId);
    if (refused) return { document, report: { refused } };
    let index = new DocumentIndex(document);
    const moving = movingRoots(index, args.nodeIds).map((node) => node.id);
    if (moving.length === 0) return { document, report: {} };
    const movingSet = new Set(moving);
    let next = document;
    const placed: Rect[] = [];
    for (const id of moving) {
      if (index.node(id)?.parentId === args.parentId) continue;
      next = reparentNode(next, id, args.parentId, spotFor(index, id, args.parentId, movingSet, placed));
      index = new DocumentIndex(next);
      placed.push(index.absoluteRect(id));
    }
    const anchor = anchorIn(index, args.at, args.parentId, movingSet);
    let previous: string | undefined;
    for (const id of moving) {
      if (previous !== undefined) next = moveInStack(next, id, { above: previous });
      else next = anchor ? moveInStack(next, id, anchor) : bringToTopOfSiblings(next, id);
      previous = id;
    }
    return { document: next, selection: { nodeIds: moving, edgeIds: [] }, report: {} };
  },
});

/** `at` when it names a sibling in the new parent that stays where it is. */
function anchorIn(
  index: DocumentIndex,
  at: StackPlacement | undefined,
  parentId: string | undefined,
  moving: ReadonlySet<string>,
): StackPlacement | undefined {
  if (!at) return undefined;
  const anchorId = 'above' in at ? at.above : at.below;
  const anchor = index.node(anchorId);
  return anchor && anchor.parentId === parentId && !moving.has(anchorId) ? at : undefined;
}

/** Where node `id` goes (absolute top-left) when it moves into `parentId`: where it is if that is free there, else the nearest free spot. */
function spotFor(
  index: DocumentIndex,
  id: string,
  parentId: string | undefined,
  moving: ReadonlySet<string>,
  placed: readonly Rect[],
): Point {
  const node = index.node(id)!;
  const size = nodeSize(node);
  const current = index.absolutePosition(id);
  const occupied = [
    ...index
      .children(parentId)
      .filter((sibling) => !moving.has(sibling.id))
      .map((sibling) => index.absoluteRect(sibling.id)),
    ...placed,
  ];
  if (parentId === undefined) return findFreeSpot(size, current, occupied, { gap: GAP, rings: CANVAS_RINGS }) ?? current;
  const area = contentRect(index, parentId);
  const preferred = {
    x: clamp(current.x, area.x, area.x + area.width - size.width),
    y: clamp(current.y, area.y, area.y + area.height - size.height),
  };
  return findFreeSpot(size, preferred, occupied, { area, gap: GAP }) ?? belowChildren(index, parentId, occupied, GAP);
}

/** `value` within [low, high]; `low` when the range is empty (a box larger than the area starts at its left or top). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
