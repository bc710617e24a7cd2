import { findKind, resolveConnection } from '../../../shared/catalog';
import { checkConnection } from '../../../shared/catalog/connection-guard';
import {
  DocumentIndex,
  contains,
  addEdges,
  addNodes,
  allIds,
  createEdge,
  createIdFactory,
  createNodeIn,
  deleteElements,
  extractFragment,
  insertFragment,
  moveNodes,
  nodeSize,
  parseFragment,
  pickHandleSides,
  reparentNode,
  serializeFragment,
  type DiagramDocument,
  type DiagramNode,
  type HandleSide,
  type Point,
} from '../../../shared/document';
import type { AppServices } from '../app/services';

/**
 * Document edits the commands and the canvas perform. Each is one call to documents.change,
 * so each is one undo step, and each leaves the selection on what the user would expect.
 */

export const newId = createIdFactory();

const PASTE_OFFSET = 24;
/** In-window clipboard, for when the system clipboard cannot be read (menu paste in a browser). */
let lastCopied: string | null = null;

export function deleteSelection(services: AppServices): void {
  const { selectedNodeIds, selectedEdgeIds } = services.session.getState();
  if (selectedNodeIds.size === 0 && selectedEdgeIds.size === 0) return;
  const count = selectedNodeIds.size + selectedEdgeIds.size;
  services.documents.getState().change((document) => deleteElements(document, selectedNodeIds, selectedEdgeIds), {
    label: count === 1 ? 'Delete' : `Delete ${count} items`,
  });
  services.session.getState().clearSelection();
}

export function selectAll(services: AppServices): void {
  const { document } = services.documents.getState();
  services.session.getState().select(
    document.nodes.map((node) => node.id),
    document.edges.map((edge) => edge.id),
  );
}

/** The clipboard text for the current selection, or null when nothing is selected. */
export function copySelection(services: AppServices): string | null {
  const { selectedNodeIds } = services.session.getState();
  if (selectedNodeIds.size === 0) return null;
  const text = serializeFragment(extractFragment(services.documents.getState().document, selectedNodeIds));
  lastCopied = text;
  return text;
}

export function cutSelection(services: AppServices): string | null {
  const text = copySelection(services);
  if (text) deleteSelection(services);
  return text;
}

/**
 * Pastes clipboard text: a Stowage fragment or document goes in with fresh ids, at the
 * pointer when it is over the canvas, else offset from the originals. Returns false when
 * the text is not something Stowage can paste.
 */
export function pasteText(services: AppServices, text: string | null, at?: Point): boolean {
  const fragment = parseFragment(text ?? lastCopied ?? '');
  if (!fragment || fragment.nodes.length === 0) return false;
  const topLevel = fragment.nodes.filter((node) => node.parentId === undefined);
  const bounds = topLevel.reduce((box, node) => ({ x: Math.min(box.x, node.position.x), y: Math.min(box.y, node.position.y) }), {
    x: Infinity,
    y: Infinity,
  });
  const offset = at ? { x: at.x - bounds.x, y: at.y - bounds.y } : { x: PASTE_OFFSET, y: PASTE_OFFSET };
  let inserted: string[] = [];
  services.documents.getState().change(
    (document) => {
      const result = insertFragment(document, fragment, newId, offset);
      inserted = result.insertedNodeIds;
      return result.document;
    },
    { label: fragment.nodes.length === 1 ? 'Paste' : `Paste ${fragment.nodes.length} components` },
  );
  services.session.getState().select(inserted);
  return true;
}

export function lastCopiedText(): string | null {
  return lastCopied;
}

export function duplicateSelection(services: AppServices): void {
  const { selectedNodeIds } = services.session.getState();
  if (selectedNodeIds.size === 0) return;
  const fragment = extractFragment(services.documents.getState().document, selectedNodeIds);
  let inserted: string[] = [];
  services.documents.getState().change(
    (document) => {
      const result = insertFragment(document, fragment, newId, { x: PASTE_OFFSET, y: PASTE_OFFSET });
      inserted = result.insertedNodeIds;
      return result.document;
    },
    { label: 'Duplicate' },
  );
  services.session.getState().select(inserted);
}

/** Moves the selected nodes (not those whose parent moves with them) by dx, dy; a run of nudges is one undo step. */
export function nudgeSelection(services: AppServices, dx: number, dy: number): void {
  const { selectedNodeIds } = services.session.getState();
  if (selectedNodeIds.size === 0) return;
  services.documents.getState().change(
    (document) => {
      const moves = new Map<string, Point>();
      for (const node of document.nodes) {
        if (!selectedNodeIds.has(node.id)) continue;
        if (node.parentId !== undefined && selectedNodeIds.has(node.parentId)) continue;
        moves.set(node.id, { x: node.position.x + dx, y: node.position.y + dy });
      }
      return moveNodes(document, moves);
    },
    { label: 'Nudge', coalesceKey: `nudge:${[...selectedNodeIds].sort().join(',')}` },
  );
}

/**
 * Adds a node of `kindId` centred on `center` (flow coordinates), inside the innermost group
 * there that may hold it. Returns the new node's id.
 */
export function addComponent(services: AppServices, kindId: string, center: Point): string | undefined {
  const kind = findKind(kindId);
  if (!kind) return undefined;
  const id = newId('n', allIds(services.documents.getState().document));
  services.documents.getState().change(
    (document) => {
      const index = new DocumentIndex(document);
      const topLeft = { x: center.x - kind.size.width / 2, y: center.y - kind.size.height / 2 };
      // Adding several components in a row (palette clicks) must not stack them invisibly.
      const occupied = document.nodes.map((existing) => index.absolutePosition(existing.id));
      while (occupied.some((point) => Math.abs(point.x - topLeft.x) < 4 && Math.abs(point.y - topLeft.y) < 4)) {
        topLeft.x += PASTE_OFFSET;
        topLeft.y += PASTE_OFFSET;
      }
      center = { x: topLeft.x + kind.size.width / 2, y: topLeft.y + kind.size.height / 2 };
      const parent = index.dropTarget(center, kindId);
      const origin = parent ? index.absolutePosition(parent.id) : { x: 0, y: 0 };
      const node = createNodeIn(document, kindId, {
        id,
        position: { x: topLeft.x - origin.x, y: topLeft.y - origin.y },
        ...(parent ? { parentId: parent.id } : {}),
      });
      return addNodes(document, [node]);
    },
    { label: `Add ${kind.label}` },
  );
  services.session.getState().select([id]);
  return id;
}

export interface ConnectRequest {
  from: string;
  to: string;
  fromHandle?: string | null;
  toHandle?: string | null;
}

const SIDES = new Set<string>(['top', 'right', 'bottom', 'left']);

/**
 * Connects two nodes if the catalog gives the pair a meaning, storing the edge in the
 * catalog's direction (dragging from EFS to a service makes "service mounts EFS").
 * Returns the reason when the catalog does not allow it.
 */
export function connectNodes(services: AppServices, request: ConnectRequest): { ok: true } | { ok: false; reason: string } {
  const document = services.documents.getState().document;
  const index = new DocumentIndex(document);
  const from = index.node(request.from);
  const to = index.node(request.to);
  if (!from || !to || from.id === to.id) return { ok: false, reason: 'A component cannot connect to itself.' };
  const verdict = checkConnection(from.kind, to.kind);
  const resolved = resolveConnection(from.kind, to.kind);
  if (!verdict.ok || !resolved) return { ok: false, reason: verdict.ok ? 'These components cannot connect.' : verdict.reason };
  const [source, target] = resolved.reversed ? [to, from] : [from, to];
  const [sourceHandleRaw, targetHandleRaw] = resolved.reversed
    ? [request.toHandle, request.fromHandle]
    : [request.fromHandle, request.toHandle];
  const picked = pickHandleSides(index.absoluteRect(source.id), index.absoluteRect(target.id));
  const sourceHandle = (sourceHandleRaw && SIDES.has(sourceHandleRaw) ? sourceHandleRaw : picked.sourceSide) as HandleSide;
  const targetHandle = (targetHandleRaw && SIDES.has(targetHandleRaw) ? targetHandleRaw : picked.targetSide) as HandleSide;
  const props = resolved.connection.definition.props ? (resolved.connection.definition.props.parse({}) as Record<string, unknown>) : {};
  const id = newId('e', allIds(document));
  services.documents
    .getState()
    .change((current) => addEdges(current, [createEdge(id, { source: source.id, target: target.id, sourceHandle, targetHandle }, props)]), {
      label: `Connect: ${resolved.connection.definition.label}`,
    });
  services.session.getState().select([], [id]);
  return { ok: true };
}

export interface DraggedNode {
  id: string;
  /** Position relative to the current parent, as React Flow reports it. */
  position: Point;
  /** Top-left in flow coordinates. */
  absolute: Point;
}

/**
 * Commits the end of a drag: every dragged node either moves within its group or, when its
 * centre now lies in another group that may hold it, moves into that group (or out onto the
 * canvas). One undo step. Returns the nodes left on the canvas over a group that cannot hold
 * them, so the UI can explain why they did not nest.
 */
export function commitDrag(services: AppServices, dragged: readonly DraggedNode[]): DiagramNode[] {
  const draggedIds = new Set(dragged.map((item) => item.id));
  const notNested: DiagramNode[] = [];
  services.documents.getState().change(
    (document) => {
      let next: DiagramDocument = document;
      const moves = new Map<string, Point>();
      const index = new DocumentIndex(document);
      for (const item of dragged) {
        const node = index.node(item.id);
        if (!node) continue;
        if (node.parentId !== undefined && draggedIds.has(node.parentId)) continue;
        const size = nodeSize(node);
        const center = { x: item.absolute.x + size.width / 2, y: item.absolute.y + size.height / 2 };
        const target = index.dropTarget(center, node.kind, draggedIds);
        if ((target?.id ?? undefined) !== node.parentId) {
          next = reparentNode(next, node.id, target?.id, item.absolute);
        } else {
          moves.set(node.id, item.position);
        }
        if (!target && overlapsAnyGroup(index, center, draggedIds)) notNested.push(node);
      }
      return moveNodes(next, moves);
    },
    { label: dragged.length === 1 ? 'Move' : `Move ${dragged.length} components` },
  );
  return notNested;
}

function overlapsAnyGroup(index: DocumentIndex, point: Point, excluded: ReadonlySet<string>): boolean {
  return index.document.nodes.some((node) => {
    if (excluded.has(node.id) || !findKind(node.kind)?.group) return false;
    return contains(index.absoluteRect(node.id), point);
  });
}
