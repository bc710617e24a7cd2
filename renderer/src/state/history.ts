import type { DiagramDocument } from '../../../shared/document';
import type { Selection } from '../../../shared/operations';

/**
 * Undo history as whole document versions. Documents are immutable and edits share every
 * unchanged node and edge, so a version costs one array of pointers, not a copy. Each step
 * also remembers the selection before and after it, so undo and redo put the selection back
 * where the user had it; the viewport is not history.
 */
export interface History {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export interface HistoryEntry {
  /** In `past`: the version before the step; in `future`: the version after it. */
  document: DiagramDocument;
  /** What the step did ("Move 3 components"), shown as Undo <label>. */
  label: string;
  selectionBefore: Selection;
  selectionAfter: Selection;
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
  selectionBefore: Selection;
  selectionAfter: Selection;
}

/** Records that `previous` was replaced by a new version. */
export function record(history: History, previous: DiagramDocument, meta: ChangeMeta, now: number): History {
  const last = history.past[history.past.length - 1];
  if (meta.coalesceKey && last?.coalesceKey === meta.coalesceKey && now - last.at < COALESCE_WINDOW_MS) {
    // Keep the version from before the first change of the run; refresh the time so a steady run stays one step.
    return { past: [...history.past.slice(0, -1), { ...last, selectionAfter: meta.selectionAfter, at: now }], future: [] };
  }
  const entry: HistoryEntry = {
    document: previous,
    label: meta.label,
    selectionBefore: meta.selectionBefore,
    selectionAfter: meta.selectionAfter,
    at: now,
    ...(meta.coalesceKey ? { coalesceKey: meta.coalesceKey } : {}),
  };
  const past = [...history.past, entry];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

export interface HistoryStep {
  history: History;
  document: DiagramDocument;
  label: string;
  /** The selection to restore: before the step on undo, after it on redo. */
  selection: Selection;
}

export function undo(history: History, current: DiagramDocument): HistoryStep | undefined {
  const entry = history.past[history.past.length - 1];
  if (!entry) return undefined;
  const { coalesceKey: _merged, ...step } = entry;
  return {
    document: entry.document,
    label: entry.label,
    selection: entry.selectionBefore,
    history: { past: history.past.slice(0, -1), future: [{ ...step, document: current }, ...history.future] },
  };
}

export function redo(history: History, current: DiagramDocument): HistoryStep | undefined {
  const entry = history.future[0];
  if (!entry) return undefined;
  return {
    document: entry.document,
    label: entry.label,
    selection: entry.selectionAfter,
    history: { past: [...history.past, { ...entry, document: current }], future: history.future.slice(1) },
  };
}

/** The label of the step Undo would take back, if any. */
export function undoLabel(history: History): string | undefined {
  return history.past[history.past.length - 1]?.label;
}

/** The label of the step Redo would repeat, if any. */
export function redoLabel(history: History): string | undefined {
  return history.future[0]?.label;
}
