import { isGroupKind } from '../../../shared/catalog';
import type { LayoutScope } from '../../../shared/layout';
import { applyLayout, fitGroupsToContents } from '../../../shared/operations';
import type { AppServices } from '../app/services';
import { runOperation } from '../state/run-operation';
import { requestLayout } from './layout-client';

let arranging = false;

/** The group whose contents "Arrange Group's Contents" lays out: the one selected node, when it is a group holding something. */
export function selectedGroupWithContents(services: AppServices): string | undefined {
  const { selectedNodeIds, selectedEdgeIds } = services.session.getState();
  if (selectedNodeIds.size !== 1 || selectedEdgeIds.size > 0) return undefined;
  const [id] = selectedNodeIds;
  const { document } = services.documents.getState();
  const node = document.nodes.find((candidate) => candidate.id === id);
  if (!node || !isGroupKind(node.kind)) return undefined;
  return document.nodes.some((candidate) => candidate.parentId === node.id) ? node.id : undefined;
}

/** The selected groups that hold something: what Fit Group to Contents fits. */
export function selectedGroupsWithContents(services: AppServices): string[] {
  const { selectedNodeIds } = services.session.getState();
  const { document } = services.documents.getState();
  const parents = new Set(document.nodes.map((node) => node.parentId));
  return document.nodes
    .filter((node) => selectedNodeIds.has(node.id) && isGroupKind(node.kind) && parents.has(node.id))
    .map((node) => node.id);
}

export function fitSelectedGroups(services: AppServices): void {
  const groupIds = selectedGroupsWithContents(services);
  if (groupIds.length > 0) runOperation(services, fitGroupsToContents, { groupIds });
}

export function isArranging(): boolean {
  return arranging;
}

/**
 * Arranges the diagram or a group's contents: ELK runs in the layout worker on the document as
 * it is now, and its answer goes in as one undo step. Should the document change meanwhile (an
 * edit, undo, another file opened), the answer is for a diagram that no longer exists: it is
 * dropped and the user is told, rather than moving things they just placed.
 */
export async function arrange(services: AppServices, scope: LayoutScope): Promise<void> {
  if (arranging) return;
  const { documents, ui } = services;
  const document = documents.getState().document;
  arranging = true;
  try {
    const layout = await requestLayout(document, scope);
    if (documents.getState().document !== document) {
      ui.getState().toast('The diagram changed while it was being arranged, so nothing was moved. Choose Arrange again.', 'warning');
      return;
    }
    const outcome = runOperation(services, applyLayout, { layout });
    if (outcome.changed) {
      if (scope.kind === 'diagram') services.canvas.current?.fitView();
      else services.canvas.current?.reveal([scope.groupId]);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ui.getState().toast(`Stowage could not arrange the diagram (${reason}). Nothing was moved.`, 'error');
  } finally {
    arranging = false;
  }
}
