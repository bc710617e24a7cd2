/** One measured figure. Benchmarks report; they never pass or fail. */
export interface BenchResult {
  /** What was measured: "validation, 10,000 nodes (median of 20)". */
  name: string;
  value: number;
  unit: 'ms' | 'fps' | 'MB' | 'x';
  /** The figure we aim for, shown beside the measurement. */
  target?: string;
  notes?: string;
}

/** Each bench/*.bench.ts module exports `run` with this signature; bench/run.ts collects them. */
export type BenchModule = { title: string; run(): Promise<BenchResult[]> };

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
