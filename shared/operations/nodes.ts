import { findKind } from '../catalog';
import {
  DocumentIndex,
  addNodes,
  allIds,
  contains,
  createNodeIn,
  deleteElements,
  moveNodes,
  nodeSize,
  reparentNode,
  updateNode,
  type DiagramDocument,
  type DiagramNode,
  type Point,
  type Size,
} from '../document';
import { EMPTY_SELECTION, count, defineOperation } from './types';

/** Offset between components added at the same spot, so a row of palette clicks never stacks invisibly. */
export const CASCADE_OFFSET = 24;

export const addComponent = defineOperation({
  id: 'node.add',
  label: (args: { kindId: string; center: Point }) => `Add ${findKind(args.kindId)?.label ?? 'component'}`,
  /** A node of `kindId` centred on `center` (absolute), inside the innermost group there that may hold it. */
  apply(document, args, context) {
    const kind = findKind(args.kindId);
    if (!kind) return { document };
    const id = context.newId('n', allIds(document));
    const index = new DocumentIndex(document);
    const topLeft = { x: args.center.x - kind.size.width / 2, y: args.center.y - kind.size.height / 2 };
    const occupied = document.nodes.map((existing) => index.absolutePosition(existing.id));
    while (occupied.some((point) => Math.abs(point.x - topLeft.x) < 4 && Math.abs(point.y - topLeft.y) < 4)) {
      topLeft.x += CASCADE_OFFSET;
      topLeft.y += CASCADE_OFFSET;
    }
    const center = { x: topLeft.x + kind.size.width / 2, y: topLeft.y + kind.size.height / 2 };
    const parent = index.dropTarget(center, args.kindId);
    const origin = parent ? index.absolutePosition(parent.id) : { x: 0, y: 0 };
    const node = createNodeIn(document, args.kindId, {
      id,
      position: { x: topLeft.x - origin.x, y: topLeft.y - origin.y },
      ...(parent ? { parentId: parent.id } : {}),
    });
    return { document: addNodes(document, [node]), selection: { nodeIds: [id], edgeIds: [] }, report: { nodeId: id } };
  },
});

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
  /** Position relative to the current parent, as the canvas reports it. */
  position: Point;
  /** Top-left in absolute (flow) coordinates. */
  absolute: Point;
}

export const dropNodes = defineOperation({
  id: 'nodes.drop',
  label: (args: { items: readonly DraggedNode[] }) => (args.items.length === 1 ? 'Move' : `Move ${count(args.items.length, 'component')}`),
  /**
   * The end of a drag: every dragged node either moves within its group or, when its centre now
   * lies in another group that may hold it, moves into that group (or out onto the canvas).
   * Reports the nodes left on the canvas over a group that cannot hold them.
   */
  apply(document, args) {
    const draggedIds = new Set(args.items.map((item) => item.id));
    const notNested: DiagramNode[] = [];
    let next: DiagramDocument = document;
    const moves = new Map<string, Point>();
    const index = new DocumentIndex(document);
    for (const item of args.items) {
      const node = index.node(item.id);
      if (!node) continue;
      if (node.parentId !== undefined && draggedIds.has(node.parentId)) continue;
      const size = nodeSize(node);
      const center = { x: item.absolute.x + size.width / 2, y: item.absolute.y + size.height / 2 };
      const target = index.dropTarget(center, node.kind, draggedIds);
      if (target?.id !== node.parentId) next = reparentNode(next, node.id, target?.id, item.absolute);
      else moves.set(node.id, item.position);
      if (!target && overlapsAnyGroup(index, center, draggedIds)) notNested.push(node);
    }
    return { document: moveNodes(next, moves), report: { notNested } };
  },
});

function overlapsAnyGroup(index: DocumentIndex, point: Point, excluded: ReadonlySet<string>): boolean {
  return index.document.nodes.some((node) => {
    if (excluded.has(node.id) || !findKind(node.kind)?.group) return false;
    return contains(index.absoluteRect(node.id), point);
  });
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
