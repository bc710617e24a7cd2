import { describe, expect, it } from 'vitest';
import { summarizeTrace, type TraceEvent } from './trace-summary';

describe('summarizeTrace', () => {
  it('sums complete events per named thread and ignores the rest', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', pid: 1, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 2, ts: 0, args: { name: 'Compositor' } },
      { name: 'Paint', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 2000 },
      { name: 'Paint', ph: 'X', pid: 1, tid: 1, ts: 10, dur: 1000 },
      { name: 'RasterTask', ph: 'X', pid: 1, tid: 2, ts: 0, dur: 500 },
      { name: 'Paint', ph: 'B', pid: 1, tid: 1, ts: 0 },
      { name: 'Unlisted', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 9000 },
    ];
    expect(summarizeTrace(events, new Set(['Paint', 'RasterTask']))).toEqual([
      { thread: 'CrRendererMain', events: [{ name: 'Paint', totalMs: 3, count: 2 }] },
      { thread: 'Compositor', events: [{ name: 'RasterTask', totalMs: 0.5, count: 1 }] },
    ]);
  });
});
