import {
  describeLoadIssues,
  loadDocument,
  createDocument,
  FILE_EXTENSION,
  LIMITS,
  savedBytesProblem,
  utf8ByteLength,
  type DiagramDocument,
} from '../../../shared/document';
import type { FileRef, OpenResult, SaveResult } from '../../../shared/host/contract';
import type { AppServices } from '../app/services';
import { documentName, isDirty, textToSave } from '../state/document-store';
import { C0_CONTROLS } from '../../../shared/text/unsafe-characters';

/**
 * New, open, save: the flows behind the File menu. A document that fails to load never
 * replaces the current one; unsaved changes are never dropped without asking.
 */

/** Asks what to do with unsaved changes; resolves true when it is fine to replace the document. */
export async function confirmReplace(services: AppServices): Promise<boolean> {
  const state = services.documents.getState();
  if (!isDirty(state)) return true;
  const choice = await services.host.confirmUnsavedChanges({ documentName: documentName(state) });
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  return save(services);
}

export async function newDocument(services: AppServices): Promise<void> {
  if (!(await confirmReplace(services))) return;
  services.documents.getState().replace(createDocument(), null);
  services.session.getState().clearSelection();
  await services.host.clearDraft({});
  services.canvas.current?.resetView();
}

/**
 * A new, untitled diagram drawn as the template is (Save asks where). The template itself is
 * never changed: the document is a copy.
 */
export async function newFromTemplate(services: AppServices, document: DiagramDocument): Promise<boolean> {
  if (!(await confirmReplace(services))) return false;
  services.documents.getState().replace(structuredClone(document), null);
  services.session.getState().clearSelection();
  await services.host.clearDraft({});
  requestAnimationFrame(() => services.canvas.current?.fitView());
  return true;
}

export async function openDocument(services: AppServices): Promise<void> {
  if (!(await confirmReplace(services))) return;
  await openResult(services, await services.host.openDocument({}));
}

export async function openRecent(services: AppServices, path: string): Promise<void> {
  if (!(await confirmReplace(services))) return;
  await openResult(services, await services.host.openRecent({ path }));
}

/** Loads what the host opened. Used for the Open dialog, recent files and OS "open with". */
export async function openResult(services: AppServices, result: OpenResult): Promise<boolean> {
  if (result.status === 'canceled') return false;
  if (result.status === 'error') {
    services.ui.getState().showError('Could not open the file', result.message);
    return false;
  }
  return openText(services, result.text, result.file);
}

/**
 * Opens document text (from a file or a drop) unless it fails to load; the current document
 * stays otherwise. A file from a newer Stowage opens read-only (the banner says why).
 */
export async function openText(services: AppServices, text: string, file: FileRef | null): Promise<boolean> {
  const loaded = loadDocument(text);
  if (!loaded.ok) {
    services.ui
      .getState()
      .showError(`Could not open ${file?.name ?? 'the file'}`, loaded.error.message, describeLoadIssues(loaded.error, 12));
    return false;
  }
  services.documents.getState().replace(loaded.document, file, loaded.newer ? { readOnly: loaded.newer } : {});
  // A file opened while the start screen shows (the OS's "open with" at launch) takes its place.
  if (services.ui.getState().dialog?.type === 'start') services.ui.getState().closeDialog();
  services.session.getState().clearSelection();
  await services.host.clearDraft({});
  if (loaded.migratedFrom !== undefined) {
    services.ui.getState().toast(`Upgraded from file format ${loaded.migratedFrom}. Saving writes the new format.`, 'info');
  }
  requestAnimationFrame(() => services.canvas.current?.fitView());
  return true;
}

/**
 * Saves to the current file, or asks where when there is none. Resolves true when saved. A
 * read-only document is never written over its file: saving it means Save As.
 */
export async function save(services: AppServices): Promise<boolean> {
  const state = services.documents.getState();
  if (!state.file || state.readOnly) return saveAs(services);
  const path = state.file.path;
  const text = textToSave(state);
  return afterSave(services, await hostSave(text, () => services.host.saveDocument({ path, text })), state.document);
}

/** Saves where the user picks; a read-only document is written exactly as it was read, unknown content included. */
export async function saveAs(services: AppServices): Promise<boolean> {
  const state = services.documents.getState();
  const document = state.document;
  const suggestedName = state.file?.name ?? `${safeFileStem(document.metadata.title)}.${FILE_EXTENSION}`;
  const text = textToSave(state);
  return afterSave(services, await hostSave(text, () => services.host.saveDocumentAs({ suggestedName, text })), document);
}

/**
 * Hands the text to the host unless it is more than Stowage opens (the loader's limit, checked
 * on the bytes about to be written), and turns a host that fails outright into an error result,
 * so every refused save reaches the user the same way and the document stays unsaved.
 */
async function hostSave(text: string, write: () => Promise<SaveResult>): Promise<SaveResult> {
  const bytes = utf8ByteLength(text, LIMITS.maxFileBytes);
  if (bytes > LIMITS.maxFileBytes) {
    return {
      status: 'error',
      message: `The diagram is too large to save: Stowage could not open the file again. ${savedBytesProblem(utf8ByteLength(text))} Your diagram is still open with its unsaved changes; delete something or split it, then save again.`,
    };
  }
  try {
    return await write();
  } catch (error) {
    return { status: 'error', message: `The diagram could not be written (${error instanceof Error ? error.message : String(error)}).` };
  }
}

async function afterSave(
  services: AppServices,
  result: SaveResult,
  document: ReturnType<AppServices['documents']['getState']>['document'],
): Promise<boolean> {
  if (result.status === 'canceled') return false;
  if (result.status === 'error') {
    services.ui
      .getState()
      .showError(
        'Could not save',
        result.message.includes('still open')
          ? result.message
          : `${result.message} Your diagram is still open and unchanged; try Save As to pick another place.`,
      );
    return false;
  }
  services.documents.getState().markSaved(result.file, document);
  await services.host.clearDraft({});
  services.ui.getState().toast(`Saved ${result.file.name}`, 'success');
  return true;
}

/** Runs of what Windows refuses in a file name: separators, reserved punctuation, control characters. */
const NOT_IN_FILE_NAMES = new RegExp(String.raw`[\\/:*?"<>|${C0_CONTROLS}]+`, 'g');

export function safeFileStem(title: string): string {
  const stem = title.trim().replace(NOT_IN_FILE_NAMES, '-').replace(/\s+/g, ' ').slice(0, 80).trim();
  return stem || 'diagram';
}
