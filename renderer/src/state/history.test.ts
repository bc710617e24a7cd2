import { describe, expect, it } from 'vitest';
import { createDocument, updateMetadata } from '../../../shared/document';
import { COALESCE_WINDOW_MS, HISTORY_LIMIT, emptyHistory, record, redo, redoLabel, undo, undoLabel, type ChangeMeta } from './history';

const v0 = createDocument('zero');
const v1 = updateMetadata(v0, { title: 'one' });
const v2 = updateMetadata(v1, { title: 'two' });

const none = { nodeIds: [], edgeIds: [] };
const meta = (label: string, extra: Partial<ChangeMeta> = {}): ChangeMeta => ({
  label,
  selectionBefore: none,
  selectionAfter: none,
  ...extra,
});

describe('history', () => {
  it('undoes and redoes whole versions, one step each', () => {
    let history = record(emptyHistory, v0, meta('Rename'), 0);
    history = record(history, v1, meta('Rename'), 5000);
    const back = undo(history, v2)!;
    expect(back.document).toBe(v1);
    const backAgain = undo(back.history, back.document)!;
    expect(backAgain.document).toBe(v0);
    expect(undo(backAgain.history, backAgain.document)).toBeUndefined();
    const forward = redo(backAgain.history, backAgain.document)!;
    expect(forward.document).toBe(v1);
    expect(redo(forward.history, forward.document)!.document).toBe(v2);
  });

  it('gives back the selection from before a step on undo and from after it on redo', () => {
    const before = { nodeIds: ['a'], edgeIds: [] };
    const after = { nodeIds: ['b', 'c'], edgeIds: ['e'] };
    const history = record(emptyHistory, v0, meta('Paste 2 components', { selectionBefore: before, selectionAfter: after }), 0);
    const back = undo(history, v1)!;
    expect(back.selection).toEqual(before);
    expect(redo(back.history, back.document)!.selection).toEqual(after);
  });

  it('names the steps undo and redo would take', () => {
    const history = record(record(emptyHistory, v0, meta('Add Region'), 0), v1, meta('Move 3 components'), 5000);
    expect(undoLabel(history)).toBe('Move 3 components');
    expect(redoLabel(history)).toBeUndefined();
    const back = undo(history, v2)!;
    expect(undoLabel(back.history)).toBe('Add Region');
    expect(redoLabel(back.history)).toBe('Move 3 components');
    expect(undoLabel(emptyHistory)).toBeUndefined();
  });

  it('merges a run of changes with the same coalesce key into one step, keeping the first selection and the last', () => {
    const first = { nodeIds: ['a'], edgeIds: [] };
    const last = { nodeIds: ['a', 'b'], edgeIds: [] };
    let history = record(emptyHistory, v0, meta('Edit', { coalesceKey: 'prop:a', selectionBefore: first, selectionAfter: first }), 0);
    history = record(
      history,
      v1,
      meta('Edit', { coalesceKey: 'prop:a', selectionBefore: first, selectionAfter: last }),
      COALESCE_WINDOW_MS / 2,
    );
    expect(history.past).toHaveLength(1);
    const back = undo(history, v2)!;
    expect(back.document).toBe(v0);
    expect(back.selection).toEqual(first);
    expect(redo(back.history, back.document)!.selection).toEqual(last);
  });

  it('does not merge different keys or changes far apart in time', () => {
    let history = record(emptyHistory, v0, meta('Edit', { coalesceKey: 'prop:a' }), 0);
    history = record(history, v1, meta('Edit', { coalesceKey: 'prop:b' }), 10);
    expect(history.past).toHaveLength(2);
    history = record(history, v2, meta('Edit', { coalesceKey: 'prop:b' }), 10 + COALESCE_WINDOW_MS + 1);
    expect(history.past).toHaveLength(3);
  });

  it('a step undone and redone never merges with the next change', () => {
    let history = record(emptyHistory, v0, meta('Edit', { coalesceKey: 'prop:a' }), 0);
    const back = undo(history, v1)!;
    const forward = redo(back.history, back.document)!;
    history = record(forward.history, forward.document, meta('Edit', { coalesceKey: 'prop:a' }), 10);
    expect(history.past).toHaveLength(2);
  });

  it('a new change clears the redo stack', () => {
    let history = record(emptyHistory, v0, meta('A'), 0);
    const back = undo(history, v1)!;
    history = record(back.history, back.document, meta('B'), 10);
    expect(history.future).toHaveLength(0);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = emptyHistory;
    for (let index = 0; index < HISTORY_LIMIT + 20; index++) history = record(history, v0, meta(String(index)), index * 10_000);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]!.label).toBe('20');
  });
});
