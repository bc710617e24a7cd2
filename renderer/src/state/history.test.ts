import { describe, expect, it } from 'vitest';
import { createDocument, updateMetadata } from '../../../shared/document';
import { COALESCE_WINDOW_MS, HISTORY_LIMIT, emptyHistory, record, redo, undo } from './history';

const v0 = createDocument('zero');
const v1 = updateMetadata(v0, { title: 'one' });
const v2 = updateMetadata(v1, { title: 'two' });

describe('history', () => {
  it('undoes and redoes whole versions, one step each', () => {
    let history = record(emptyHistory, v0, { label: 'Rename' }, 0);
    history = record(history, v1, { label: 'Rename' }, 5000);
    const back = undo(history, v2)!;
    expect(back.document).toBe(v1);
    const backAgain = undo(back.history, back.document)!;
    expect(backAgain.document).toBe(v0);
    expect(undo(backAgain.history, backAgain.document)).toBeUndefined();
    const forward = redo(backAgain.history, backAgain.document)!;
    expect(forward.document).toBe(v1);
    expect(redo(forward.history, forward.document)!.document).toBe(v2);
  });

  it('merges a run of changes with the same coalesce key into one step', () => {
    let history = record(emptyHistory, v0, { label: 'Edit', coalesceKey: 'prop:a' }, 0);
    history = record(history, v1, { label: 'Edit', coalesceKey: 'prop:a' }, COALESCE_WINDOW_MS / 2);
    expect(history.past).toHaveLength(1);
    expect(undo(history, v2)!.document).toBe(v0);
  });

  it('does not merge different keys or changes far apart in time', () => {
    let history = record(emptyHistory, v0, { label: 'Edit', coalesceKey: 'prop:a' }, 0);
    history = record(history, v1, { label: 'Edit', coalesceKey: 'prop:b' }, 10);
    expect(history.past).toHaveLength(2);
    history = record(history, v2, { label: 'Edit', coalesceKey: 'prop:b' }, 10 + COALESCE_WINDOW_MS + 1);
    expect(history.past).toHaveLength(3);
  });

  it('a new change clears the redo stack', () => {
    let history = record(emptyHistory, v0, { label: 'A' }, 0);
    const back = undo(history, v1)!;
    history = record(back.history, back.document, { label: 'B' }, 10);
    expect(history.future).toHaveLength(0);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = emptyHistory;
    for (let index = 0; index < HISTORY_LIMIT + 20; index++) history = record(history, v0, { label: String(index) }, index * 10_000);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]!.label).toBe('20');
  });
});
