/**
 * CPU profile of one canvas scenario, to find where the time goes when the canvas benchmark
 * shows a gap. Not part of `npm run bench`:
 *
 *   npx tsx bench/profile-canvas.ts --scenario panWorking --nodes 1000 [--app stowage|baseline|both]
 *                                   [--minimap off] [--hide <css selector>]… [--repeat 3] [--trace]
 *                                   [--no-build] [--web-dir <built app>] [--top 25]
 *
 * Scenarios: load, dragLeaf, dragGroup, panWorking, panOverview. --minimap off and --hide
 * (e.g. --hide .react-flow__background) change Stowage only, to measure what a part costs. Prints the hottest functions
 * (self time, mapped through the bundles' source maps) and time by package or source file, and
 * writes bench/results/profiles/<app>-<scenario>-<nodes>.cpuprofile for Chrome DevTools. With
 * --trace it also records a Chrome trace (…-trace.json, for DevTools' Performance panel) and
 * prints time per event on the page's threads: paint and raster work that frame times show
 * only as missed frames.
 */
import type { CDPSession } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BaselinePage, StowagePage, type CanvasPage } from './canvas/canvas-page';
import { measureInteraction, type InteractionMeasurement } from './canvas/interactions';
import { preparePlan, SCENARIOS, type ScenarioId } from './canvas/scenarios';
import { summarizeProfile, type CpuProfile } from './lib/cpu-profile';
import { FRAME_EVENTS, summarizeTrace, type TraceEvent } from './lib/trace-summary';
import { textTable } from './lib/report';
import { RunResources, log } from './lib/resources';
import { BENCH_PAGES, REPO_ROOT, WEB_APP } from './lib/sites';
import { parseSourceMap, SourceMap } from './lib/source-map';

interface ProfileOptions {
  scenario: ScenarioId | 'load';
  nodes: number;
  apps: Array<'stowage' | 'baseline'>;
  minimap: boolean;
  /** CSS selectors hidden in Stowage (display: none), to see what a part of the canvas costs. */
  hide: string[];
  build: boolean;
  webDir?: string;
  top: number;
  /** Also record a Chrome trace of one more pass and sum paint, raster and compositor work. */
  trace: boolean;
  /** Unprofiled measured runs before the profiled one, printed one line each (profiling itself slows the page). */
  repeat: number;
}

function parse(argv: readonly string[]): ProfileOptions {
  const options: ProfileOptions = {
    scenario: 'panWorking',
    nodes: 1000,
    apps: ['stowage', 'baseline'],
    minimap: true,
    hide: [],
    build: true,
    top: 25,
    repeat: 0,
    trace: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      return next;
    };
    if (argument === '--scenario') {
      const scenario = value();
      if (scenario !== 'load' && !SCENARIOS.some((candidate) => candidate.id === scenario)) {
        throw new Error(`Unknown scenario "${scenario}". Use load, ${SCENARIOS.map((candidate) => candidate.id).join(', ')}.`);
      }
      options.scenario = scenario as ProfileOptions['scenario'];
    } else if (argument === '--nodes') options.nodes = Number(value());
    else if (argument === '--app') {
      const app = value();
      if (app !== 'stowage' && app !== 'baseline' && app !== 'both') throw new Error('--app takes stowage, baseline or both');
      options.apps = app === 'both' ? ['stowage', 'baseline'] : [app];
    } else if (argument === '--minimap') options.minimap = value() !== 'off';
    else if (argument === '--hide') options.hide.push(value());
    else if (argument === '--no-build') options.build = false;
    else if (argument === '--web-dir') options.webDir = value();
    else if (argument === '--top') options.top = Number(value());
    else if (argument === '--repeat') options.repeat = Number(value());
    else if (argument === '--trace') options.trace = true;
    else throw new Error(`Unknown option "${argument}"`);
  }
  if (!Number.isInteger(options.nodes) || options.nodes < 1) throw new Error('--nodes takes a positive whole number');
  return options;
}

/** Source maps of the served bundles, read from disk by URL path. */
function sourceMapResolver(sites: ReadonlyArray<{ url: string; directory: string }>) {
  const maps = new Map<string, SourceMap | null>();
  return (url: string, line: number, column: number) => {
    let map = maps.get(url);
    if (map === undefined) {
      map = null;
      const site = sites.find((candidate) => url.startsWith(candidate.url));
      const file = site ? join(resolve(REPO_ROOT, site.directory), `${new URL(url).pathname}.map`) : '';
      if (file && existsSync(file)) map = new SourceMap(parseSourceMap(readFileSync(file, 'utf8')));
      maps.set(url, map);
    }
    return map?.originalPosition(line, column);
  };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'cc', 'blink', 'toplevel'];

/** The renderer process that showed `url`, from the trace's own record of frames. */
function rendererPid(events: readonly TraceEvent[], url: string): number | undefined {
  const origin = new URL(url).origin;
  for (const event of events) {
    const frames = (event.args as { data?: { frames?: Array<{ url?: string; processId?: number }> } } | undefined)?.data?.frames;
    const match = frames?.find((frame) => frame.url?.startsWith(origin) && frame.processId !== undefined);
    if (match) return match.processId;
  }
  return undefined;
}

function describeRun(result: InteractionMeasurement | { firstFrameMs: number }): string {
  if ('firstFrameMs' in result) return `first frame ${result.firstFrameMs.toFixed(0)} ms`;
  const { frames, mainThreadMsPerFrame, busyPercent } = result;
  return `${frames.frames} frames, p95 ${frames.p95Ms.toFixed(1)} ms, over 20 ms ${frames.slowPercent.toFixed(0)} %, main thread ${mainThreadMsPerFrame.toFixed(2)} ms/frame, busy ${busyPercent.toFixed(0)} %`;
}

async function profiled<T>(session: CDPSession, work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  const result = await work();
  const { profile } = await session.send('Profiler.stop');
  await session.send('Profiler.disable');
  return { result, profile: profile };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const resources = new RunResources({ build: options.build, ...(options.webDir ? { webDir: options.webDir } : {}) });
  const context = resources.context('profile');
  try {
    const appUrl = await context.site(WEB_APP);
    const pagesUrl = await context.site(BENCH_PAGES);
    const resolve = sourceMapResolver([
      { url: appUrl, directory: options.webDir ?? WEB_APP.directory },
      { url: pagesUrl, directory: BENCH_PAGES.directory },
    ]);
    const browser = await context.browser();
    const stowage = await StowagePage.open(browser, appUrl);
    const baseline = await BaselinePage.open(browser, pagesUrl, await stowage.paneRect());
    if (!options.minimap) await stowage.showMinimap(false);
    if (options.hide.length > 0) await stowage.page.addStyleTag({ content: `${options.hide.join(', ')} { display: none !important; }` });
    const variant = [options.minimap ? '' : 'minimap off', ...options.hide.map((selector) => `${selector} hidden`)]
      .filter(Boolean)
      .join(', ');
    const suffixFor = (app: string) =>
      app === 'stowage' && variant ? `-${variant.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}` : '';
    const plan = await preparePlan(stowage, baseline, options.nodes);
    const scenario = SCENARIOS.find((candidate) => candidate.id === options.scenario);
    const outputDirectory = join(REPO_ROOT, 'bench/results/profiles');
    await mkdir(outputDirectory, { recursive: true });

    for (const app of options.apps) {
      const page: CanvasPage = app === 'stowage' ? stowage : baseline;
      await page.measureLoad();
      let measured: InteractionMeasurement | undefined;
      const run = async () => {
        if (!scenario) return page.measureLoad();
        await page.goTo(scenario.view(plan));
        measured = await measureInteraction(page, await scenario.interaction(page, plan));
        await page.revertEdits();
        return measured;
      };
      // Warm up once, untimed, then measure --repeat times, then profile one more pass.
      await run();
      if (!scenario) await page.clear();
      for (let index = 0; index < options.repeat; index++) {
        const result = await run();
        if (!scenario) await page.clear();
        process.stdout.write(`${app} run ${index + 1}: ${describeRun(result)}\n`);
      }
      if (options.trace) {
        await browser.startTracing(page.page, { categories: TRACE_CATEGORIES });
        await run();
        const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
        const traceFile = join(outputDirectory, `${app}-${options.scenario}-${options.nodes}${suffixFor(app)}-trace.json`);
        await writeFile(traceFile, JSON.stringify(trace));
        const pid = rendererPid(trace.traceEvents, page.page.url());
        const activity = summarizeTrace(
          trace.traceEvents.filter((event) => event.pid === pid),
          FRAME_EVENTS,
        );
        const rows = activity.flatMap((thread) =>
          thread.events.map((event) => [`${thread.thread}: ${event.name}`, `${event.totalMs.toFixed(1)} ms`, String(event.count)]),
        );
        process.stdout.write(
          `\n${app} trace (renderer process ${pid}), ${traceFile.slice(REPO_ROOT.length)}\n${textTable(['Thread: event', 'total', 'count'], rows)}\n`,
        );
      }
      const { profile } = await profiled(page.session, run);
      const file = join(outputDirectory, `${app}-${options.scenario}-${options.nodes}${suffixFor(app)}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      const summary = summarizeProfile(profile, resolve);
      const lines = [
        `\n${app === 'stowage' ? 'Stowage' : 'Plain React Flow'}: ${options.scenario}, ${options.nodes} nodes${app === 'stowage' && variant ? `, ${variant}` : ''}`,
      ];
      if (measured) {
        const { frames, mainThreadMsPerFrame, mainThread } = measured;
        lines.push(
          `frames ${frames.frames}, median ${frames.medianMs.toFixed(1)} ms, p95 ${frames.p95Ms.toFixed(1)} ms, over 20 ms ${frames.slowPercent.toFixed(0)} %; ` +
            `main thread ${mainThreadMsPerFrame.toFixed(2)} ms/frame (script ${mainThread.scriptMs.toFixed(0)} ms, layout ${mainThread.layoutMs.toFixed(0)} ms, style ${mainThread.styleMs.toFixed(0)} ms of ${mainThread.taskMs.toFixed(0)} ms)`,
        );
      }
      lines.push(`sampled ${summary.sampledMs.toFixed(0)} ms of non-idle main-thread time; profile: ${file.slice(REPO_ROOT.length)}`, '');
      const share = (ms: number) => `${((100 * ms) / summary.sampledMs).toFixed(1)} %`;
      lines.push(
        textTable(
          ['Self time by package / file', 'self', 'share'],
          summary.groups.slice(0, 12).map((group) => [group.group, `${group.selfMs.toFixed(1)} ms`, share(group.selfMs)]),
        ),
        '',
        textTable(
          ['Hottest functions (self)', 'self', 'total'],
          summary.functions
            .slice(0, options.top)
            .map((spot) => [spot.name, `${spot.selfMs.toFixed(1)} ms`, `${spot.totalMs.toFixed(1)} ms`]),
        ),
      );
      const ownCode = summary.functions.filter((spot) => /^(src|shared)\//.test(spot.group)).sort((a, b) => b.totalMs - a.totalMs);
      if (ownCode.length > 0) {
        lines.push(
          '',
          textTable(
            ['Stowage code by total time', 'self', 'total'],
            ownCode.slice(0, 15).map((spot) => [spot.name, `${spot.selfMs.toFixed(1)} ms`, `${spot.totalMs.toFixed(1)} ms`]),
          ),
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    await stowage.close();
    await baseline.close();
  } finally {
    await resources.close();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
