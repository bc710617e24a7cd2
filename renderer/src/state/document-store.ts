import { createStore } from 'zustand/vanilla';
import { createDocument, serializeDocument, type DiagramDocument, type NewerContent } from '../../../shared/document';
import type { FileRef } from '../../../shared/host/contract';
import { emptyHistory, record, redo, undo, type ChangeMeta, type History, type HistoryStep } from './history';

/**
 * The document and its undo history: the only state that is saved. Every change is a named
 * operation (shared/operations) committed here by `runOperation`, so undo understands every edit.
 */
export interface DocumentState {
  document: DiagramDocument;
  history: History;
  /** Where the document lives on disk; null until first saved. */
  file: FileRef | null;
  /** The version last opened or saved; the document is unsaved when it is not this object (null: never saved, e.g. a recovered draft). */
  savedDocument: DiagramDocument | null;
  /** Label of the change that was last undone or redone, for status messages. */
  lastHistoryLabel: string | null;
  /**
   * Set when the document came from a newer Stowage and holds what this version does not
   * know. Then the document does not change: runOperation refuses every edit, the editing
   * commands are disabled, and Save As writes the file back as it was read.
   */
  readOnly: NewerContent | null;
}

export interface DocumentActions {
  /** Records `next` as the new version, one undo step described by `meta`. A no-op (same document) records nothing. */
  commit(next: DiagramDocument, meta: ChangeMeta): boolean;
  /** Steps back; returns the step (with the selection to restore), or undefined when there is nothing to undo. */
  undo(): HistoryStep | undefined;
  redo(): HistoryStep | undefined;
  /** Replaces the whole document (new, open, recover) and forgets history; read-only when `readOnly` is given. */
  replace(document: DiagramDocument, file: FileRef | null, options?: { saved?: boolean; readOnly?: NewerContent }): void;
  markSaved(file: FileRef, document: DiagramDocument): void;
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

export function createDocumentStore(initial: DiagramDocument = createDocument(), now: () => number = Date.now) {
  return createStore<DocumentState & DocumentActions>()((set, get) => ({
    document: initial,
    history: emptyHistory,
    file: null,
    savedDocument: initial,
    lastHistoryLabel: null,
    readOnly: null,

    commit(next, meta) {
      const { document, history, readOnly } = get();
      if (next === document || readOnly) return false;
      set({ document: next, history: record(history, document, meta, now()), lastHistoryLabel: null });
      return true;
    },

    undo() {
      const { document, history } = get();
      const step = undo(history, document);
      if (step) set({ document: step.document, history: step.history, lastHistoryLabel: step.label });
      return step;
    },

    redo() {
      const { document, history } = get();
      const step = redo(history, document);
      if (step) set({ document: step.document, history: step.history, lastHistoryLabel: step.label });
      return step;
    },

    replace(document, file, options = {}) {
      set({
        document,
        file,
        history: emptyHistory,
        savedDocument: options.saved === false ? null : document,
        lastHistoryLabel: null,
        readOnly: options.readOnly ?? null,
      });
    },

    markSaved(file, document) {
      set({ file, savedDocument: document });
    },
  }));
}

/** What Save, Save As and recovery drafts write: the file as it was read when read-only, so nothing in it is lost. */
export function textToSave(state: Pick<DocumentState, 'document' | 'readOnly'>): string {
  return state.readOnly ? state.readOnly.source : serializeDocument(state.document);
}

export function isDirty(state: DocumentState): boolean {
  return state.document !== state.savedDocument;
}

export function documentName(state: Pick<DocumentState, 'file' | 'document'>): string {
  return state.file?.name ?? (state.document.metadata.title.trim() || 'Untitled diagram');
}
