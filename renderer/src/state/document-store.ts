import { createStore } from 'zustand/vanilla';
import { createDocument, type DiagramDocument } from '../../../shared/document';
import type { FileRef } from '../../../shared/host/contract';
import { emptyHistory, record, redo, undo, type ChangeMeta, type History } from './history';

/**
 * The document and its undo history: the only state that is saved. Every change goes
 * through `change` (the command layer calls it), so undo understands every edit.
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
  /** Applies a pure edit. A no-op edit (same document back) records nothing. Returns whether anything changed. */
  change(edit: (document: DiagramDocument) => DiagramDocument, meta: ChangeMeta): boolean;
  undo(): boolean;
  redo(): boolean;
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

    change(edit, meta) {
      const { document, history } = get();
      const next = edit(document);
      if (next === document) return false;
      set({ document: next, history: record(history, document, meta, now()), lastHistoryLabel: null });
      return true;
    },

    undo() {
      const { document, history } = get();
      const step = undo(history, document);
      if (!step) return false;
      set({ document: step.document, history: step.history, lastHistoryLabel: step.label });
      return true;
    },

    redo() {
      const { document, history } = get();
      const step = redo(history, document);
      if (!step) return false;
      set({ document: step.document, history: step.history, lastHistoryLabel: step.label });
      return true;
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
