import { findKind } from '../catalog';
import { canContain } from '../catalog';
import {
  DocumentIndex,
  addNodes,
  allIds,
  belowChildren,
  bringToTopOfSiblings,
  centerOf,
  contentRect,
  createNodeIn,
  findFreeSpot,
  settlePlacement,
  deleteElements,
  moveNodes,
  nodeSize,
  reparentNode,
  updateNode,
  type DiagramDocument,
  type Point,
  type Rect,
  type Size,
} from '../document';
import { giveNewSubnetsFreeBlocks } from './subnet-blocks';
import { EMPTY_SELECTION, count, defineOperation, type OperationResult } from './types';

/** Offset between components added at the same spot, so a row of drops there never stacks invisibly. */
export const CASCADE_OFFSET = 24;

/** What an add reports: the new node, the group under the point that refused it, the nodes a new group took in. */
export interface AddReport {
  nodeId: string;
  refusedBy?: string;
  adoptedIds: string[];
}

export const addComponent = defineOperation({
  id: 'node.add',
  label: (args: { kindId: string; center: Point }) => `Add ${findKind(args.kindId)?.label ?? 'component'}`,
  /**
   * A node of `kindId` centred on `center` (absolute; a palette drop's pointer), inside the
   * topmost group drawn there that may hold it. A new group takes in the siblings it covers
   * and may hold, and stays below those it may not (see settlePlacement).
   */
  apply(document, args, context): OperationResult<AddReport> {
    const kind = findKind(args.kindId);
    if (!kind) return { document };
    const id = context.newId('n', allIds(document));
    const index = new DocumentIndex(document);
    // The pointer decides the parent; only the box moves aside from an identical spot.
    const parent = index.dropTarget(args.center, args.kindId);
    const topLeft = { x: args.center.x - kind.size.width / 2, y: args.center.y - kind.size.height / 2 };
    const occupied = document.nodes.map((existing) => index.absolutePosition(existing.id));
    while (occupied.some((point) => Math.abs(point.x - topLeft.x) < 4 && Math.abs(point.y - topLeft.y) < 4)) {
      topLeft.x += CASCADE_OFFSET;
      topLeft.y += CASCADE_OFFSET;
    }
    const origin = parent ? index.absolutePosition(parent.id) : { x: 0, y: 0 };
    const node = createNodeIn(document, args.kindId, {
      id,
      position: { x: topLeft.x - origin.x, y: topLeft.y - origin.y },
      ...(parent ? { parentId: parent.id } : {}),
    });
    const settled = settlePlacement(addNodes(document, [node]), id);
    settled.document = giveNewSubnetsFreeBlocks(document, settled.document);
    // A new group dropped on a group it took in was not refused by it.
    const under = parent ? undefined : index.groupsAt(args.center).find((group) => !settled.adoptedIds.includes(group.id));
    return {
      document: settled.document,
      selection: { nodeIds: [id], edgeIds: [] },
      report: { nodeId: id, adoptedIds: settled.adoptedIds, ...(under ? { refusedBy: under.id } : {}) },
    };
  },
});

/** Room kept between the view's border and a component added into it. */
const VIEW_MARGIN = 24;

export const addComponentInView = defineOperation({
  id: 'node.addInView',
  label: (args: { kindId: string; view: Rect; into?: string }) => `Add ${findKind(args.kindId)?.label ?? 'component'}`,
  /**
   * Click-to-add: a node of `kindId` in a free spot of `view` (the visible part of the canvas,
   * absolute), nearest its middle. It goes inside `into` (the selected group) when that may
   * hold it, else inside the group in the middle of the view that may, else on the canvas.
   */
  apply(document, args, context): OperationResult<AddReport> {
    const kind = findKind(args.kindId);
    if (!kind) return { document };
    const index = new DocumentIndex(document);
    const middle = centerOf(args.view);
    const chosen = args.into === undefined ? undefined : index.node(args.into);
    const parent = chosen && canContain(chosen.kind, args.kindId) ? chosen : index.dropTarget(middle, args.kindId);
    const size = kind.size;
    const inset = {
      x: args.view.x + VIEW_MARGIN,
      y: args.view.y + VIEW_MARGIN,
      width: Math.max(0, args.view.width - VIEW_MARGIN * 2),
      height: Math.max(0, args.view.height - VIEW_MARGIN * 2),
    };
    const content = parent ? contentRect(index, parent.id) : undefined;
    const visibleContent = content ? intersection(content, inset) : undefined;
    const area =
      content === undefined
        ? inset
        : visibleContent && visibleContent.width >= size.width && visibleContent.height >= size.height
          ? visibleContent
          : content;
    const occupied = index.children(parent?.id).map((sibling) => index.absoluteRect(sibling.id));
    const preferred = { x: centerOf(area).x - size.width / 2, y: centerOf(area).y - size.height / 2 };
    const spot =
      findFreeSpot(size, preferred, occupied, { area }) ??
      (parent ? belowChildren(index, parent.id, occupied, CASCADE_OFFSET) : findFreeSpot(size, preferred, occupied, { rings: 400 })) ??
      preferred;
    const id = context.newId('n', allIds(document));
    const origin = parent ? index.absolutePosition(parent.id) : { x: 0, y: 0 };
    const node = createNodeIn(document, args.kindId, {
      id,
      position: { x: spot.x - origin.x, y: spot.y - origin.y },
      ...(parent ? { parentId: parent.id } : {}),
    });
    const settled = settlePlacement(addNodes(document, [node]), id);
    settled.document = giveNewSubnetsFreeBlocks(document, settled.document);
    return {
      document: settled.document,
      selection: { nodeIds: [id], edgeIds: [] },
      report: { nodeId: id, adoptedIds: settled.adoptedIds },
    };
  },
});

function intersection(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

export const deleteSelected = defineOperation({
  id: 'elements.delete',
  label: (args: { nodeIds: readonly string[]; edgeIds: readonly string[] }) => {
    const total = args.nodeIds.length + args.edgeIds.length;
    return total === 1 ? 'Delete' : `Delete ${count(total, 'item')}`;
  },
  /** Removes the nodes (with everything inside them), the edges, and edges left without an end. */
  apply: (document, args) => ({ document: deleteElements(document, args.nodeIds, args.edgeIds), selection: EMPTY_SELECTION }),
});

export const nudge = defineOperation({
  id: 'nodes.nudge',
  label: (args: { nodeIds: readonly string[]; dx: number; dy: number }) =>
    args.nodeIds.length === 1 ? 'Nudge' : `Nudge ${count(args.nodeIds.length, 'component')}`,
  /** Moves the nodes (not those whose parent moves with them) by dx, dy. */
  apply(document, args) {
    const ids = new Set(args.nodeIds);
    const moves = new Map<string, Point>();
    for (const node of document.nodes) {
      if (!ids.has(node.id)) continue;
      if (node.parentId !== undefined && ids.has(node.parentId)) continue;
      moves.set(node.id, { x: node.position.x + args.dx, y: node.position.y + args.dy });
    }
    return { document: moveNodes(document, moves) };
  },
  coalesceKey: (args) => `nudge:${[...args.nodeIds].sort().join(',')}`,
});

export interface DraggedNode {
  id: string;
  /** Position relative to the node's current parent, where the drag left it. */
  position: Point;
}

export interface DropArgs {
  items: readonly DraggedNode[];
  /** Where the pointer was let go (absolute): it decides where the nodes land. */
  pointer: Point;
  /** The node the pointer held. */
  grabbedId: string;
}

export interface DropReport {
  /** Nodes that no group under them could hold, with the topmost group that was there. */
  refused: { nodeId: string; groupId: string }[];
  /** Nodes a dropped group took in. */
  adopted: { groupId: string; nodeIds: string[] }[];
}

export const dropNodes = defineOperation({
  id: 'nodes.drop',
  label: (args: DropArgs) => (args.items.length === 1 ? 'Move' : `Move ${count(args.items.length, 'component')}`),
  /**
   * The end of a drag. Where each node lands is decided by the pointer at release, never by
   * how far the drawing had caught up with the drag: the grabbed node goes into the topmost
   * group under the pointer that may hold it (or onto the canvas); every other dragged node by
   * the same point of itself. A node moved into a group lands on top there; a dropped group
   * takes in what it covers and may hold (see settlePlacement).
   */
  apply(document, args): OperationResult<DropReport> {
    const draggedIds = new Set(args.items.map((item) => item.id));
    const index = new DocumentIndex(document);
    const absoluteOf = (item: DraggedNode) => {
      const parentId = index.node(item.id)?.parentId;
      const origin = parentId === undefined ? { x: 0, y: 0 } : index.absolutePosition(parentId);
      return { x: origin.x + item.position.x, y: origin.y + item.position.y };
    };
    const grabbed = args.items.find((item) => item.id === args.grabbedId) ?? args.items[0];
    if (!grabbed) return { document };
    const grabbedAt = absoluteOf(grabbed);
    const hold = { x: args.pointer.x - grabbedAt.x, y: args.pointer.y - grabbedAt.y };
    const report: DropReport = { refused: [], adopted: [] };
    let next: DiagramDocument = document;
    const moves = new Map<string, Point>();
    const landed: string[] = [];
    const entered: string[] = [];
    for (const item of args.items) {
      const node = index.node(item.id);
      if (!node) continue;
      if (node.parentId !== undefined && draggedIds.has(node.parentId)) continue;
      const absolute = absoluteOf(item);
      const size = nodeSize(node);
      const point =
        item.id === grabbed.id
          ? args.pointer
          : { x: absolute.x + clamp(hold.x, 0, size.width), y: absolute.y + clamp(hold.y, 0, size.height) };
      const target = index.dropTarget(point, node.kind, draggedIds);
      if (target?.id !== node.parentId) {
        next = reparentNode(next, node.id, target?.id, absolute);
        entered.push(node.id);
      } else moves.set(node.id, item.position);
      landed.push(node.id);
      const under = target ? undefined : index.groupsAt(point, draggedIds)[0];
      if (under) report.refused.push({ nodeId: node.id, groupId: under.id });
    }
    next = moveNodes(next, moves);
    for (const id of entered) next = bringToTopOfSiblings(next, id);
    for (const id of landed) {
      const settled = settlePlacement(next, id);
      next = settled.document;
      if (settled.adoptedIds.length > 0) report.adopted.push({ groupId: id, nodeIds: settled.adoptedIds });
    }
    // A dropped group that took in the group under the pointer was not refused by it.
    const adopted = new Set(report.adopted.flatMap((entry) => entry.nodeIds));
    report.refused = report.refused.filter((entry) => !adopted.has(entry.groupId));
    return { document: next, report };
  },
});

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

export const renameNode = defineOperation({
  id: 'node.rename',
  label: () => 'Rename',
  apply: (document, args: { nodeId: string; label: string }) => ({ document: updateNode(document, args.nodeId, { label: args.label }) }),
  coalesceKey: (args) => `label:${args.nodeId}`,
});

export const setNodeProps = defineOperation({
  id: 'node.setProps',
  /** `field` names the property edited, for the undo label and for merging a run of edits to it. */
  label: (args: { nodeId: string; props: Record<string, unknown>; field: { key: string; title: string } }) => `Edit ${args.field.title}`,
  apply: (document, args) => ({ document: updateNode(document, args.nodeId, { props: args.props }) }),
  coalesceKey: (args) => `prop:${args.nodeId}:${args.field.key}`,
});

export const resizeGroup = defineOperation({
  id: 'node.resize',
  label: () => 'Resize',
  apply: (document, args: { nodeId: string; position: Point; size: Size }) => ({
    document: updateNode(document, args.nodeId, { position: args.position, size: args.size }),
  }),
});
