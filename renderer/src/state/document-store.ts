import { createStore } from 'zustand/vanilla';
import { createDocument, type DiagramDocument } from '../../../shared/document';
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
}

export interface DocumentActions {
  /** Records `next` as the new version, one undo step described by `meta`. A no-op (same document) records nothing. */
  commit(next: DiagramDocument, meta: ChangeMeta): boolean;
  /** Steps back; returns the step (with the selection to restore), or undefined when there is nothing to undo. */
  undo(): HistoryStep | undefined;
  redo(): HistoryStep | undefined;
  /** Replaces the whole document (new, open, recover) and forgets history. */
  replace(document: DiagramDocument, file: FileRef | null, options?: { saved?: boolean }): void;
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

    commit(next, meta) {
      const { document, history } = get();
      if (next === document) return false;
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
      });
    },

    markSaved(file, document) {
      set({ file, savedDocument: document });
    },
  }));
}

export function isDirty(state: DocumentState): boolean {
  return state.document !== state.savedDocument;
}

export function documentName(state: Pick<DocumentState, 'file' | 'document'>): string {
  return state.file?.name ?? (state.document.metadata.title.trim() || 'Untitled diagram');
}
