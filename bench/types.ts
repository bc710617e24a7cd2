import type { Browser } from '@playwright/test';

/** One measured figure. Benchmarks report; they never pass or fail. */
export interface BenchResult {
  /** What was measured: "validation, 10,000 nodes (median of 20)". */
  name: string;
  value: number;
  /** `count`: a whole number of things (edges crossing boxes, overlapping labels). */
  unit: 'ms' | 'fps' | 'MB' | 'x' | '%' | 'count';
  /** The figure we aim for, shown beside the measurement. */
  target?: string;
  notes?: string;
  /**
   * Where the figure sits in docs/benchmarks.md when a flat list would be unreadable: results
   * sharing `table` form one table with a row per `row` and a column per `column`.
   */
  layout?: { table: string; row: string; column: string };
}

/** A built static site (the web app, a benchmark page) served on a loopback port for the run. */
export interface SiteSpec {
  /** Shown in progress lines: "web app". */
  name: string;
  /** Directory to serve, relative to the repository root. */
  directory: string;
  /** Builds `directory`; skipped with `npm run bench -- --no-build`. */
  build(): Promise<void>;
}

/**
 * What bench/run.ts offers a module. Everything is lazy: a module that only times pure code
 * never starts a browser or builds anything.
 */
export interface BenchContext {
  /** Builds (unless --no-build) and serves a site once per run; resolves to its URL with a trailing slash. */
  site(spec: SiteSpec): Promise<string>;
  /** One headless Chromium shared by every module, closed when the run ends. */
  browser(): Promise<Browser>;
  /** A progress line on stderr (results go to stdout). */
  log(message: string): void;
}

/**
 * Each bench/*.bench.ts module exports `title` and `run` with this signature; bench/run.ts
 * collects them. `run` may ignore the context.
 */
/** A benchmark; one that does nothing asynchronous returns its results directly (run.ts awaits either). */
export type BenchModule = { title: string; run(context: BenchContext): BenchResult[] | Promise<BenchResult[]> };

/** Median of repeated timings, after `warmup` untimed runs. */
export function medianTiming(runs: number, warmup: number, work: () => void): number {
  for (let index = 0; index < warmup; index++) work();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
