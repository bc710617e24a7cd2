import { extractFragment, parseFragment, serializeFragment, type Point, type RestackMove } from '../../../shared/document';
import {
  addComponent as addComponentOperation,
  addComponentInView as addComponentInViewOperation,
  renameNode,
  restackNodes,
  type AddReport,
  type DropArgs,
  type DropReport,
  type PasteReport,
  align,
  distribute,
  type Alignment,
  type DistributeAxis,
  connect,
  deleteSelected,
  dropNodes,
  duplicate,
  nudge,
  paste,
  type ConnectReport,
  type ConnectRequest,
  type DraggedNode,
  moveInTree,
  type TreeMoveArgs,
  type TreeMoveReport,
} from '../../../shared/operations';
import type { AppServices } from '../app/services';
import { runOperation } from '../state/run-operation';

/**
 * What the commands and the canvas do with the selection and the pointer: each gathers its
 * arguments from the session and runs one named operation (shared/operations), so each is one
 * undo step with its own label and its own selection afterwards.
 */

export type { ConnectRequest, DraggedNode, AddReport, DropReport, PasteReport };

/** In-window clipboard, for when the system clipboard cannot be read (menu paste in a browser). */
let lastCopied: string | null = null;

export function deleteSelection(services: AppServices): void {
  const { selectedNodeIds, selectedEdgeIds } = services.session.getState();
  if (selectedNodeIds.size === 0 && selectedEdgeIds.size === 0) return;
  runOperation(services, deleteSelected, { nodeIds: [...selectedNodeIds], edgeIds: [...selectedEdgeIds] });
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
 * Pastes clipboard text: a Stowage fragment or document goes in with fresh ids, into the
 * selected group or beside the selection (see the paste operation), at the pointer when it is
 * over the canvas there, else cascading from the originals. Returns undefined when the text is
 * not something Stowage can paste.
 */
export function pasteText(services: AppServices, text: string | null, at?: Point): PasteReport | undefined {
  const fragment = parseFragment(text ?? lastCopied ?? '');
  if (!fragment || fragment.nodes.length === 0) return undefined;
  return runOperation(services, paste, at ? { fragment, at } : { fragment }).report;
}

export function lastCopiedText(): string | null {
  return lastCopied;
}

export function duplicateSelection(services: AppServices): void {
  const { selectedNodeIds } = services.session.getState();
  if (selectedNodeIds.size === 0) return;
  runOperation(services, duplicate, { nodeIds: [...selectedNodeIds] });
}

/** Moves the selected nodes by dx, dy; a run of nudges is one undo step. */
export function nudgeSelection(services: AppServices, dx: number, dy: number): void {
  const { selectedNodeIds } = services.session.getState();
  if (selectedNodeIds.size === 0) return;
  runOperation(services, nudge, { nodeIds: [...selectedNodeIds], dx, dy });
}

/** A palette drop: a node of `kindId` centred on `center` (flow coordinates), in the group under it that may hold it. */
export function addComponent(services: AppServices, kindId: string, center: Point): AddReport | undefined {
  return runOperation(services, addComponentOperation, { kindId, center }).report;
}

/** Click-to-add: a node of `kindId` in a free spot of the visible canvas, inside the selected group when it may hold it. */
export function addComponentInView(services: AppServices, kindId: string): AddReport | undefined {
  const view = services.canvas.current?.visibleRect() ?? { x: 0, y: 0, width: 800, height: 600 };
  const selected = [...services.session.getState().selectedNodeIds];
  const into = selected.length === 1 ? selected[0] : undefined;
  return runOperation(services, addComponentInViewOperation, { kindId, view, ...(into !== undefined ? { into } : {}) }).report;
}

/** Connects two nodes the catalog's way round; the reason when the catalog does not allow it. */
export function connectNodes(services: AppServices, request: ConnectRequest): ConnectReport {
  return runOperation(services, connect, request).report ?? { ok: false, reason: 'These components cannot connect.' };
}

/** Commits the end of a drag, decided by where the pointer was let go. */
export function commitDrag(services: AppServices, drop: DropArgs): DropReport {
  return runOperation(services, dropNodes, drop).report ?? { refused: [], adopted: [] };
}

/** Bring to Front, Send to Back, Bring Forward, Send Backward for the selected nodes. */
export function restackSelection(services: AppServices, move: RestackMove): void {
  const nodeIds = [...services.session.getState().selectedNodeIds];
  if (nodeIds.length > 0) runOperation(services, restackNodes, { nodeIds, move });
}

/** Moves nodes in the containment tree (the Layers panel): among their siblings, or into another group or onto the canvas. */
export function moveNodesInTree(services: AppServices, args: TreeMoveArgs): TreeMoveReport | undefined {
  return runOperation(services, moveInTree, args).report;
}

/** Renames a node (the in-place editor on the canvas or in the Layers panel): one undo step. */
export function renameNodeTo(services: AppServices, nodeId: string, label: string): void {
  runOperation(services, renameNode, { nodeId, label });
}

/** Lines up the selected nodes (two or more) along one edge or centre line of their bounds. */
export function alignSelection(services: AppServices, alignment: Alignment): void {
  runOperation(services, align, { nodeIds: [...services.session.getState().selectedNodeIds], alignment });
}

/** Spaces the selected nodes (three or more) evenly along an axis. */
export function distributeSelection(services: AppServices, axis: DistributeAxis): void {
  runOperation(services, distribute, { nodeIds: [...services.session.getState().selectedNodeIds], axis });
}
