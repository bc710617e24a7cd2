import type { DiagramDocument } from '../../../shared/document';

/**
 * Undo history as whole document versions. Documents are immutable and edits share every
 * unchanged node and edge, so a version costs one array of pointers, not a copy.
 * Selection and viewport are not history; only the document is.
 */
export interface History {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export interface HistoryEntry {
  document: DiagramDocument;
  /** What the change after this version did ("Move 3 components"), shown as Undo <label>. */
  label: string;
  /** Consecutive changes with the same key inside the window merge into one step (typing, nudging). */
  coalesceKey?: string;
  at: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_WINDOW_MS = 1200;

export const emptyHistory: History = { past: [], future: [] };

export interface ChangeMeta {
  label: string;
  coalesceKey?: string;
}

/** Records that `previous` was replaced by a new version. */
export function record(history: History, previous: DiagramDocument, meta: ChangeMeta, now: number): History {
  const last = history.past[history.past.length - 1];
  if (meta.coalesceKey && last?.coalesceKey === meta.coalesceKey && now - last.at < COALESCE_WINDOW_MS) {
    // Keep the version from before the first change of the run; refresh the time so a steady run stays one step.
    return { past: [...history.past.slice(0, -1), { ...last, at: now }], future: [] };
  }
  const entry: HistoryEntry = {
    document: previous,
    label: meta.label,
    at: now,
    ...(meta.coalesceKey ? { coalesceKey: meta.coalesceKey } : {}),
  };
  const past = [...history.past, entry];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

export function undo(
  history: History,
  current: DiagramDocument,
): { history: History; document: DiagramDocument; label: string } | undefined {
  const entry = history.past[history.past.length - 1];
  if (!entry) return undefined;
  return {
    document: entry.document,
    label: entry.label,
    history: { past: history.past.slice(0, -1), future: [{ ...entry, document: current, coalesceKey: undefined }, ...history.future] },
  };
}

export function redo(
  history: History,
  current: DiagramDocument,
): { history: History; document: DiagramDocument; label: string } | undefined {
  const entry = history.future[0];
  if (!entry) return undefined;
  return {
    document: entry.document,
    label: entry.label,
    history: { past: [...history.past, { ...entry, document: current, coalesceKey: undefined }], future: history.future.slice(1) },
  };
}
