import type { CDPSession } from '@playwright/test';

/** Main-thread time spent in the page, from Chromium's own counters (seconds in CDP, ms here). */
export interface MainThreadTotals {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

/**
 * Reads CDP Performance.getMetrics. Unlike frame intervals, which vsync caps at 16.7 ms, these
 * counters show how much of each frame the page really used, so a page idling at 2 ms per
 * frame and one straining at 15 ms per frame no longer look the same.
 */
export class MainThreadMeter {
  private constructor(private readonly session: CDPSession) {}

  static async attach(session: CDPSession): Promise<MainThreadMeter> {
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    return new MainThreadMeter(session);
  }

  /** JS heap in use after a full garbage collection: what the page really keeps. */
  async heapBytes(): Promise<number> {
    await this.session.send('HeapProfiler.collectGarbage');
    const { metrics } = await this.session.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  }

  async read(): Promise<MainThreadTotals> {
    const { metrics } = await this.session.send('Performance.getMetrics');
    const value = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
    return {
      taskMs: value('TaskDuration'),
      scriptMs: value('ScriptDuration'),
      layoutMs: value('LayoutDuration'),
      styleMs: value('RecalcStyleDuration'),
    };
  }
}

export function difference(after: MainThreadTotals, before: MainThreadTotals): MainThreadTotals {
  return {
    taskMs: after.taskMs - before.taskMs,
    scriptMs: after.scriptMs - before.scriptMs,
    layoutMs: after.layoutMs - before.layoutMs,
    styleMs: after.styleMs - before.styleMs,
  };
}
