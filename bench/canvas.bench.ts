import type { Browser } from '@playwright/test';
import { BaselinePage, StowagePage } from './canvas/canvas-page';
import { preparePlan, runOnce, SCENARIOS, type AppRun } from './canvas/scenarios';
import { BENCH_PAGES, WEB_APP } from './lib/sites';
import { median, medianRun } from './lib/stats';
import type { BenchContext, BenchResult } from './types';

export const title = 'Canvas: 100, 500 and 1,000 nodes in headless Chromium, beside plain React Flow';

export const SIZES = [100, 500, 1000] as const;
const RUNS = 3;
const WARM_UP_INTERACTION_MS = 500;
/** rAF cannot report less than one vsync interval, so fluid means the median stays at 16.7 ms. */
const FLUID_FRAME = '≤ 16.7 ms';
/** Issue 7: at 1,000 nodes, no more main-thread work per frame than plain React Flow in the same run. */
const WITHIN_BASELINE = '≤ 1.0×';
/** Issue 7: the fit-all overview pan at display rate, at most one missed frame at the 95th percentile. */
const FIT_ALL_P95 = '≤ 33 ms';

export async function run(context: BenchContext): Promise<BenchResult[]> {
  const appUrl = await context.site(WEB_APP);
  const pagesUrl = await context.site(BENCH_PAGES);
  const browser = await context.browser();
  const results: BenchResult[] = [];

  context.log('cold boot of the web build');
  results.push(await measureBoot(browser, appUrl));

  const stowage = await StowagePage.open(browser, appUrl);
  const baseline = await BaselinePage.open(browser, pagesUrl, await stowage.paneRect());
  try {
    for (const [position, size] of SIZES.entries()) {
      const plan = await preparePlan(stowage, baseline, size);
      const retriesBefore = stowage.fitRetries;
      context.log(
        `${size} nodes: working view zoom ${plan.working.viewport.zoom.toFixed(3)}, overview zoom ${plan.overview.viewport.zoom}, ` +
          `Region view zoom ${plan.region.viewport.zoom.toFixed(3)} (${plan.regionNested} nested nodes), fit-all zoom ${plan.fitAll.viewport.zoom.toFixed(3)}`,
      );
      if (position === 0) {
        // One untimed pass through everything, with short interactions: it only needs to run the code.
        context.log(`${size} nodes: warm-up run`);
        await runOnce(stowage, plan, WARM_UP_INTERACTION_MS);
        await runOnce(baseline, plan, WARM_UP_INTERACTION_MS);
      }
      const runs: Record<'stowage' | 'baseline', AppRun[]> = { stowage: [], baseline: [] };
      for (let index = 0; index < RUNS; index++) {
        context.log(`${size} nodes: run ${index + 1} of ${RUNS}`);
        // Alternate which app goes first so drift in machine load hits both alike.
        const order = index % 2 === 0 ? (['stowage', 'baseline'] as const) : (['baseline', 'stowage'] as const);
        for (const app of order) runs[app].push(await runOnce(app === 'stowage' ? stowage : baseline, plan));
      }
      if (stowage.fitRetries > retriesBefore)
        context.log(`${size} nodes: Stowage's fitView had to be repeated ${stowage.fitRetries - retriesBefore} times`);
      results.push(...report(size, runs.stowage, runs.baseline));
    }
  } finally {
    await stowage.close();
    await baseline.close();
  }
  return results;
}

/** Navigation to the first frame after the canvas is ready, in a fresh browser context each time (no cache). */
async function measureBoot(browser: Browser, url: string): Promise<BenchResult> {
  const times: number[] = [];
  for (let index = 0; index <= RUNS; index++) {
    const page = await StowagePage.open(browser, url);
    const boot = await page.bootMs();
    await page.close();
    if (index > 0) times.push(boot);
  }
  return {
    name: 'Cold boot of the web build: navigation to first frame with the canvas ready',
    value: median(times),
    unit: 'ms',
    notes: `${RUNS} runs after a warm-up: ${formatList(times)} ms; served from localhost, fresh browser context each run`,
    layout: { table: 'Cold boot', row: 'Stowage web build', column: 'navigation → canvas ready' },
  };
}

function report(size: number, stowage: readonly AppRun[], baseline: readonly AppRun[]): BenchResult[] {
  const nodes = `${size.toLocaleString('en-US')} nodes`;
  const isTargetSize = size === 1000;
  const results: BenchResult[] = [];
  const rows = { stowage: `${nodes} · Stowage`, baseline: `${nodes} · React Flow`, ratio: `${nodes} · Stowage ÷ React Flow` };

  // Load.
  const loadTable = 'Time to interactive (load at the working view)';
  const loadOf = (runs: readonly AppRun[]) => medianRun(runs, (run) => run.load.firstFrameMs).load;
  const stowageLoad = loadOf(stowage);
  const baselineLoad = loadOf(baseline);
  const loadSpread = (runs: readonly AppRun[]) => `runs: ${formatList(runs.map((run) => run.load.firstFrameMs))} ms`;
  for (const [app, load, runs] of [
    ['stowage', stowageLoad, stowage],
    ['baseline', baselineLoad, baseline],
  ] as const) {
    const row = rows[app];
    results.push(
      {
        name: `Load, ${row}: first frame with nodes`,
        value: load.firstFrameMs,
        unit: 'ms',
        notes: `${loadSpread(runs)}; ${load.nodesRendered} nodes in the DOM at first frame`,
        layout: { table: loadTable, row, column: 'first frame with nodes' },
      },
      {
        name: `Load, ${row}: quiet (5 smooth frames in a row)`,
        value: load.quietMs,
        unit: 'ms',
        layout: { table: loadTable, row, column: 'main thread quiet' },
      },
      { name: `Load, ${row}: JS heap used`, value: load.heapMB, unit: 'MB', layout: { table: loadTable, row, column: 'JS heap used' } },
    );
  }
  results.push(
    ratio(`Load, ${rows.ratio}: first frame`, stowageLoad.firstFrameMs, baselineLoad.firstFrameMs, {
      table: loadTable,
      row: rows.ratio,
      column: 'first frame with nodes',
    }),
    ratio(`Load, ${rows.ratio}: quiet`, stowageLoad.quietMs, baselineLoad.quietMs, {
      table: loadTable,
      row: rows.ratio,
      column: 'main thread quiet',
    }),
    ratio(`Load, ${rows.ratio}: JS heap`, stowageLoad.heapMB, baselineLoad.heapMB, {
      table: loadTable,
      row: rows.ratio,
      column: 'JS heap used',
    }),
  );

  // Selection.
  const selectTable = 'Click to select a card (pointer down → first frame painted with the selection)';
  const selectOf = (runs: readonly AppRun[]) => medianRun(runs, (run) => run.selectMs).selectMs;
  const clickSpread = (runs: readonly AppRun[]) =>
    `median of ${runs.length} runs, each the median of 3 clicks: ${formatList(runs.map((run) => run.selectMs))} ms`;
  results.push(
    {
      name: `Select, ${rows.stowage}`,
      value: selectOf(stowage),
      unit: 'ms',
      notes: clickSpread(stowage),
      layout: { table: selectTable, row: rows.stowage, column: 'click → painted' },
    },
    {
      name: `Select, ${rows.baseline}`,
      value: selectOf(baseline),
      unit: 'ms',
      notes: clickSpread(baseline),
      layout: { table: selectTable, row: rows.baseline, column: 'click → painted' },
    },
    ratio(`Select, ${rows.ratio}`, selectOf(stowage), selectOf(baseline), {
      table: selectTable,
      row: rows.ratio,
      column: 'click → painted',
    }),
  );

  // Interactions.
  for (const scenario of SCENARIOS) {
    const table = scenario.title;
    const pick = (runs: readonly AppRun[]) =>
      medianRun(runs, (run) => run.interactions[scenario.id].mainThreadMsPerFrame).interactions[scenario.id];
    const spread = (runs: readonly AppRun[]) =>
      `main thread per frame in ${runs.length} runs: ${formatList(runs.map((run) => run.interactions[scenario.id].mainThreadMsPerFrame))} ms`;
    const measured = { stowage: pick(stowage), baseline: pick(baseline) };
    for (const app of ['stowage', 'baseline'] as const) {
      const m = measured[app];
      const row = rows[app];
      const painted = m.rendered.painted > 0 ? `, ${m.rendered.painted} nodes painted on the overview canvas` : '';
      const detail = `${m.frames.frames} frames, ${m.inputEvents} input events, ${m.rendered.nodes} nodes / ${m.rendered.edges} edges in the DOM${painted}`;
      results.push(
        {
          name: `${scenario.title}, ${row}: median frame`,
          value: m.frames.medianMs,
          unit: 'ms',
          ...(isTargetSize && app === 'stowage' ? { target: FLUID_FRAME } : {}),
          notes: detail,
          layout: { table, row, column: 'median frame' },
        },
        {
          name: `${scenario.title}, ${row}: p95 frame`,
          value: m.frames.p95Ms,
          unit: 'ms',
          ...(isTargetSize && app === 'stowage' && scenario.id === 'panFitAll' ? { target: FIT_ALL_P95 } : {}),
          layout: { table, row, column: 'p95 frame' },
        },
        {
          name: `${scenario.title}, ${row}: frames over 20 ms`,
          value: m.frames.slowPercent,
          unit: '%',
          layout: { table, row, column: 'frames > 20 ms' },
        },
        {
          name: `${scenario.title}, ${row}: main thread per frame`,
          value: m.mainThreadMsPerFrame,
          unit: 'ms',
          notes: `${spread(app === 'stowage' ? stowage : baseline)}; script ${m.scriptMsPerFrame.toFixed(2)} ms per frame`,
          layout: { table, row, column: 'main thread / frame' },
        },
        {
          name: `${scenario.title}, ${row}: main thread busy`,
          value: m.busyPercent,
          unit: '%',
          layout: { table, row, column: 'main thread busy' },
        },
      );
    }
    const target = isTargetSize ? { target: WITHIN_BASELINE } : {};
    results.push(
      {
        ...ratio(`${scenario.title}, ${rows.ratio}: median frame`, measured.stowage.frames.medianMs, measured.baseline.frames.medianMs, {
          table,
          row: rows.ratio,
          column: 'median frame',
        }),
        ...target,
      },
      ratio(`${scenario.title}, ${rows.ratio}: p95 frame`, measured.stowage.frames.p95Ms, measured.baseline.frames.p95Ms, {
        table,
        row: rows.ratio,
        column: 'p95 frame',
      }),
      {
        ...ratio(
          `${scenario.title}, ${rows.ratio}: main thread per frame`,
          measured.stowage.mainThreadMsPerFrame,
          measured.baseline.mainThreadMsPerFrame,
          {
            table,
            row: rows.ratio,
            column: 'main thread / frame',
          },
        ),
        ...target,
      },
      // Both pages get the same input for the same time, so this is the ratio of total main-thread work.
      ratio(`${scenario.title}, ${rows.ratio}: main thread busy`, measured.stowage.busyPercent, measured.baseline.busyPercent, {
        table,
        row: rows.ratio,
        column: 'main thread busy',
      }),
    );
  }
  return results;
}

function ratio(name: string, stowage: number, baseline: number, layout: BenchResult['layout']): BenchResult {
  return { name, value: stowage / baseline, unit: 'x', ...(layout ? { layout } : {}) };
}

function formatList(values: readonly number[]): string {
  return values.map((value) => value.toFixed(value < 10 ? 2 : 0)).join(', ');
}
