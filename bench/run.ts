/**
 * `npm run bench`: finds bench/*.bench.ts, runs each (or those named with --only), prints a
 * table, writes bench/results/latest.json and prints the markdown for docs/benchmarks.md.
 * Timings never fail the run; only a benchmark that crashes makes the exit code non-zero.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, USAGE, UsageError, type BenchOptions } from './lib/args';
import { discoverBenchmarks, loadBenchmark } from './lib/discover';
import { describeMachine } from './lib/machine';
import { consoleReport, fullMarkdown, type ModuleReport } from './lib/report';
import { RunResources, log } from './lib/resources';
import { REPO_ROOT } from './lib/sites';

const BENCH_DIRECTORY = join(REPO_ROOT, 'bench');
const RESULTS_DIRECTORY = join(BENCH_DIRECTORY, 'results');

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
  machine.webApp = options.webDir
    ? `${resolve(options.webDir)} (--web-dir)`
    : options.build
      ? 'dist-web built from this commit'
      : 'existing dist-web (--no-build)';
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
