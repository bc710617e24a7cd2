/** A Chrome trace event (the JSON Array / traceEvents format). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface ThreadActivity {
  thread: string;
  /** Total duration of the listed events on this thread, ms (events nest, so names overlap). */
  events: Array<{ name: string; totalMs: number; count: number }>;
}

/**
 * Time per event name per renderer thread, for the events that explain a frame: tasks, script,
 * style, layout, paint, and the compositor and raster work that vsync-capped frame times hide.
 * Only complete ('X') events are counted; durations nest (a Paint sits inside a RunTask).
 */
export function summarizeTrace(events: readonly TraceEvent[], interesting: ReadonlySet<string>): ThreadActivity[] {
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name) threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
  }
  const totals = new Map<string, Map<string, { totalMs: number; count: number }>>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || !interesting.has(event.name)) continue;
    const thread = threadNames.get(`${event.pid}:${event.tid}`) ?? `thread ${event.tid}`;
    let names = totals.get(thread);
    if (!names) totals.set(thread, (names = new Map<string, { totalMs: number; count: number }>()));
    const entry = names.get(event.name) ?? { totalMs: 0, count: 0 };
    entry.totalMs += event.dur / 1000;
    entry.count++;
    names.set(event.name, entry);
  }
  return [...totals.entries()]
    .map(([thread, names]) => ({
      thread,
      events: [...names.entries()].map(([name, value]) => ({ name, ...value })).sort((a, b) => b.totalMs - a.totalMs),
    }))
    .sort((a, b) => (b.events[0]?.totalMs ?? 0) - (a.events[0]?.totalMs ?? 0));
}

/** Trace events worth summing for canvas work, on the main, compositor and raster threads. */
export const FRAME_EVENTS = new Set([
  'RunTask',
  'FunctionCall',
  'EventDispatch',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ImageDecodeTask',
  'Decode Image',
  'RasterTask',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'HitTest',
]);
