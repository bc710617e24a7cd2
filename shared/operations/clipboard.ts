import { canContain, findKind } from '../catalog';
import {
  DocumentIndex,
  contentRect,
  contains,
  extractFragment,
  findFreeSpot,
  insertFragment,
  nodesBounds,
  settlePlacement,
  type DiagramDocument,
  type Fragment,
  type IdFactory,
  type Point,
  type Rect,
} from '../document';
import { CASCADE_OFFSET } from './nodes';
import { giveNewSubnetsFreeBlocks } from './subnet-blocks';
import { count, defineOperation, type OperationResult, type Selection } from './types';

export interface PasteReport {
  /** The top-level nodes pasted (selected afterwards). */
  insertedIds: string[];
  /** Where they went: a group's id, or undefined for the canvas. */
  parentId: string | undefined;
  /** The group the selection pointed at that could not hold the content (it went on the canvas instead). */
  refusedBy?: string;
  /** Existing nodes that a pasted group now holds, because it was pasted over them and may hold them. */
  adopted: { groupId: string; nodeIds: string[] }[];
}

export const paste = defineOperation({
  id: 'fragment.paste',
  label: (args: { fragment: Fragment; at?: Point }) =>
    args.fragment.nodes.length === 1 ? 'Paste' : `Paste ${count(args.fragment.nodes.length, 'component')}`,
  /**
   * Inserts a copied fragment with fresh ids, keeping its structure. Where it goes is decided by
   * the selection, never by where it lands (see pasteParent). Its top-left goes to `at` (the
   * pointer, absolute) when that is inside the parent, else it cascades from the originals.
   * Selects what was pasted.
   */
  apply: (document, args, context) => insertCopy(document, args.fragment, args.at, context.selection, context.newId),
});

export const duplicate = defineOperation({
  id: 'nodes.duplicate',
  label: (args: { nodeIds: readonly string[] }) =>
    args.nodeIds.length === 1 ? 'Duplicate' : `Duplicate ${count(args.nodeIds.length, 'component')}`,
  /** Copies the nodes (with their contents and the edges among them) next to the originals, in their group. */
  apply(document, args, context) {
    const fragment = extractFragment(document, args.nodeIds);
    if (fragment.nodes.length === 0) return { document };
    return insertCopy(document, fragment, undefined, { nodeIds: args.nodeIds, edgeIds: [] }, context.newId);
  },
});

function insertCopy(
  document: DiagramDocument,
  fragment: Fragment,
  at: Point | undefined,
  selection: Selection,
  newId: IdFactory,
): OperationResult<PasteReport> {
  const fragmentIds = new Set(fragment.nodes.map((node) => node.id));
  const roots = fragment.nodes.filter((node) => node.parentId === undefined || !fragmentIds.has(node.parentId));
  if (roots.length === 0) return { document };
  const index = new DocumentIndex(document);
  const { parentId, refusedBy } = pasteParent(
    index,
    roots.map((node) => node.kind),
    fragmentIds,
    selection,
  );
  const bounds = fragmentBounds(roots);
  const offset = placeCopy(index, bounds, parentId, fragmentIds, at);
  const result = insertFragment(document, fragment, newId, offset, parentId);
  let next = result.document;
  const adopted: PasteReport['adopted'] = [];
  for (const id of result.insertedNodeIds) {
    const settled = settlePlacement(next, id);
    next = settled.document;
    if (settled.adoptedIds.length > 0) adopted.push({ groupId: id, nodeIds: settled.adoptedIds });
  }
  return {
    document: giveNewSubnetsFreeBlocks(document, next),
    selection: { nodeIds: result.insertedNodeIds, edgeIds: [] },
    report: { insertedIds: result.insertedNodeIds, parentId, adopted, ...(refusedBy ? { refusedBy } : {}) },
  };
}

/**
 * Where a copy goes, from the selection alone:
 * 1. a selected group that may hold every top-level kind of the copy: into it;
 * 2. else, next to the selected nodes when they share a group that may hold the copy (pasting
 *    right after copying puts the copy beside the original, in the same group);
 * 3. with nothing selected, beside the originals when they are still in this document;
 * 4. else on the canvas, reporting the group that was pointed at and refused.
 */
export function pasteParent(
  index: DocumentIndex,
  kinds: readonly string[],
  fragmentIds: ReadonlySet<string>,
  selection: Selection,
): { parentId: string | undefined; refusedBy?: string } {
  const holdsAll = (groupId: string) => {
    const group = index.node(groupId);
    return group !== undefined && kinds.every((kind) => canContain(group.kind, kind));
  };
  const selected = selection.nodeIds.filter((id) => index.node(id));
  const [only] = selected;
  if (selected.length === 1 && only !== undefined && !fragmentIds.has(only) && findKind(index.node(only)!.kind)?.group) {
    return holdsAll(only) ? { parentId: only } : { parentId: undefined, refusedBy: only };
  }
  const around = selected.length > 0 ? selected : [...fragmentIds].filter((id) => index.node(id));
  const parents = new Set(around.map((id) => index.node(id)!.parentId));
  const [parent] = parents;
  if (parents.size !== 1 || parent === undefined) return { parentId: undefined };
  if (holdsAll(parent)) return { parentId: parent };
  return selected.length > 0 ? { parentId: undefined, refusedBy: parent } : { parentId: undefined };
}

/**
 * The offset that moves the copy from where its originals were to where it goes: its top-left
 * at `at` when that point is inside the parent (or there is no parent); else a step down and
 * right from the originals, one more step for each copy already sitting there; and when that
 * would leave the parent, a free spot inside it.
 */
function placeCopy(index: DocumentIndex, bounds: Rect, parentId: string | undefined, fragmentIds: ReadonlySet<string>, at?: Point): Point {
  const parentRect = parentId === undefined ? undefined : index.absoluteRect(parentId);
  if (at && (!parentRect || contains(parentRect, at))) return { x: at.x - bounds.x, y: at.y - bounds.y };
  const taken = index.document.nodes.filter((node) => !fragmentIds.has(node.id)).map((node) => index.absolutePosition(node.id));
  let step = 1;
  while (
    step < 100 &&
    taken.some(
      (point) => Math.abs(point.x - (bounds.x + step * CASCADE_OFFSET)) < 4 && Math.abs(point.y - (bounds.y + step * CASCADE_OFFSET)) < 4,
    )
  ) {
    step++;
  }
  const cascade = { x: step * CASCADE_OFFSET, y: step * CASCADE_OFFSET };
  if (!parentId) return cascade;
  const content = contentRect(index, parentId);
  const landing = { x: bounds.x + cascade.x, y: bounds.y + cascade.y };
  if (contains(content, landing)) return cascade;
  const occupied = index.children(parentId).map((child) => index.absoluteRect(child.id));
  const spot = findFreeSpot(bounds, { x: content.x, y: content.y }, occupied, { area: content }) ?? { x: content.x, y: content.y };
  return { x: spot.x - bounds.x, y: spot.y - bounds.y };
}

function fragmentBounds(roots: Fragment['nodes']): Rect {
  return nodesBounds(roots) ?? { x: Infinity, y: Infinity, width: -Infinity, height: -Infinity };
}
