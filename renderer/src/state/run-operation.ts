import { createIdFactory, readOnlyRefusal, savedSizeProblem } from '../../../shared/document';
import type { Operation, Selection } from '../../../shared/operations';
import type { DocumentStore } from './document-store';
import type { SessionStore } from './session-store';
import type { UiStore } from './ui-store';

/** Fresh ids for everything this window creates. */
export const newId = createIdFactory();

export interface OperationOutcome<Report> {
  /** Whether the document changed (and an undo step was recorded). */
  changed: boolean;
  report: Report | undefined;
  /** Why the operation did not run: the document is read-only, or would grow past what a file may hold. */
  refused?: string;
}

interface Stores {
  documents: DocumentStore;
  session: SessionStore;
  /** Where refusals are told; the window passes its UI, tests may leave it out. */
  ui?: UiStore;
}

export function currentSelection(session: SessionStore): Selection {
  const { selectedNodeIds, selectedEdgeIds } = session.getState();
  return { nodeIds: [...selectedNodeIds], edgeIds: [...selectedEdgeIds] };
}

/**
 * Runs a named operation on the window's document: one undo step with the operation's label,
 * remembering the selection before and after so undo and redo restore it, and selecting what
 * the operation says should be selected.
 *
 * Every edit of the document comes through here, so this is where a read-only document (one
 * from a newer Stowage) refuses edits: the operation does not run and the user is told why.
 * So is an edit after which the diagram could no longer be saved and opened again (too many
 * nodes or edges, or a saved text over the file limit): what the app holds, it can save.
 */
export function runOperation<Args, Report>(stores: Stores, operation: Operation<Args, Report>, args: Args): OperationOutcome<Report> {
  const { documents, session } = stores;
  const readOnly = documents.getState().readOnly;
  if (readOnly) {
    const refused = readOnlyRefusal(readOnly);
    stores.ui?.getState().toast(refused, 'warning');
    return { changed: false, report: undefined, refused };
  }
  const document = documents.getState().document;
  const selectionBefore = currentSelection(session);
  const result = operation.apply(document, args, { newId, selection: selectionBefore });
  const selectionAfter = result.selection ?? selectionBefore;
  const label = operation.label(args, document);
  const tooLarge = result.document === document ? null : savedSizeProblem(result.document);
  if (tooLarge !== null) {
    const refused = `${label} was not done: the diagram could not be saved any more. ${tooLarge} Delete something first, or split the diagram into several.`;
    stores.ui?.getState().toast(refused, 'warning');
    return { changed: false, report: undefined, refused };
  }
  const coalesceKey = operation.coalesceKey?.(args);
  const changed = documents.getState().commit(result.document, {
    label,
    selectionBefore,
    selectionAfter,
    ...(coalesceKey ? { coalesceKey } : {}),
  });
  if (changed && result.selection) select(session, result.selection);
  return { changed, report: result.report };
}

/** Undo, putting the selection back as it was before the step. */
export function undoWithSelection(stores: Stores): boolean {
  const step = stores.documents.getState().undo();
  if (step) select(stores.session, step.selection);
  return step !== undefined;
}

/** Redo, putting the selection back as it was after the step. */
export function redoWithSelection(stores: Stores): boolean {
  const step = stores.documents.getState().redo();
  if (step) select(stores.session, step.selection);
  return step !== undefined;
}

/** Selections recorded in history belong to the version they are restored with, so their ids exist there. */
function select(session: SessionStore, selection: Selection): void {
  session.getState().select(selection.nodeIds, selection.edgeIds);
}
