/**
 * `npm run bench`: finds bench/*.bench.ts, runs each (or those named with --only), prints a
 * table, writes bench/results/latest.json and prints the markdown for docs/benchmarks.md.
 * Timings never fail the run; only a benchmark that crashes makes the exit code non-zero.
 */
import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs, USAGE, UsageError, type BenchOptions } from './lib/args';
import { launchChromium } from './lib/chromium';
import { discoverBenchmarks, loadBenchmark } from './lib/discover';
import { describeMachine, type MachineInfo } from './lib/machine';
import { consoleReport, fullMarkdown, type ModuleReport } from './lib/report';
import { REPO_ROOT } from './lib/sites';
import { serveDirectory, type StaticServer } from './lib/static-server';
import type { BenchContext, SiteSpec } from './types';

const BENCH_DIRECTORY = join(REPO_ROOT, 'bench');
const RESULTS_DIRECTORY = join(BENCH_DIRECTORY, 'results');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Shared, lazily created resources: built-and-served sites and one browser. */
class RunResources {
  private readonly sites = new Map<string, Promise<string>>();
  private readonly servers: StaticServer[] = [];
  private browserPromise: Promise<Browser> | null = null;

  constructor(
    private readonly options: BenchOptions,
    private readonly machine: MachineInfo,
  ) {}

  context(prefix: string): BenchContext {
    return {
      site: (spec) => this.site(spec),
      browser: () => this.browser(),
      log: (message) => log(`${prefix}: ${message}`),
    };
  }

  private site(spec: SiteSpec): Promise<string> {
    let url = this.sites.get(spec.directory);
    if (!url) {
      url = this.startSite(spec);
      this.sites.set(spec.directory, url);
    }
    return url;
  }

  private async startSite(spec: SiteSpec): Promise<string> {
    const directory = join(REPO_ROOT, spec.directory);
    if (this.options.build) {
      log(`building ${spec.name}`);
      const start = performance.now();
      await spec.build();
      log(`built ${spec.name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    } else if (!existsSync(directory)) {
      throw new Error(`${spec.directory}/ does not exist; run without --no-build to build ${spec.name}.`);
    }
    const server = await serveDirectory(directory);
    this.servers.push(server);
    log(`serving ${spec.name} at ${server.url}`);
    return server.url;
  }

  private browser(): Promise<Browser> {
    this.browserPromise ??= launchChromium().then((browser) => {
      this.machine.chromium = `${browser.version()} (headless)`;
      return browser;
    });
    return this.browserPromise;
  }

  async close(): Promise<void> {
    if (this.browserPromise) await (await this.browserPromise.catch(() => null))?.close();
    await Promise.all(this.servers.map((server) => server.close()));
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let entries;
  try {
    entries = await discoverBenchmarks(BENCH_DIRECTORY, options.only);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }

  const machine = describeMachine(REPO_ROOT);
  const resources = new RunResources(options, machine);
  const reports: ModuleReport[] = [];
  try {
    for (const entry of entries) {
      const start = performance.now();
      log(`${entry.id}: starting`);
      try {
        const module = await loadBenchmark(entry);
        const results = await module.run(resources.context(entry.id));
        reports.push({ id: entry.id, title: module.title, results, durationMs: performance.now() - start });
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`${entry.id}: CRASHED\n${message}`);
        reports.push({ id: entry.id, title: entry.id, results: [], durationMs: performance.now() - start, error: firstLine(error) });
      }
      log(`${entry.id}: done in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    }
  } finally {
    await resources.close();
  }
  machine.loadAtEnd = os.loadavg()[0] ?? Number.NaN;

  const markdown = fullMarkdown(machine, reports);
  await mkdir(RESULTS_DIRECTORY, { recursive: true });
  await writeFile(join(RESULTS_DIRECTORY, 'latest.json'), `${JSON.stringify({ machine, modules: reports }, null, 2)}\n`);
  await writeFile(join(RESULTS_DIRECTORY, 'latest.md'), `${markdown}\n`);

  process.stdout.write(`\n${consoleReport(reports)}\n\n`);
  process.stdout.write(`── Markdown for docs/benchmarks.md (also in bench/results/latest.md) ──\n\n${markdown}\n\n`);
  process.stdout.write(`Results written to bench/results/latest.json\n`);
  return reports.some((report) => report.error) ? 1 : 0;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

process.exitCode = await main();
