/** Small statistics for benchmark samples. Inputs are never mutated. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * The q-quantile (0..1) with linear interpolation between closest ranks, so p95 of a short
 * sample still moves when one frame gets slower. NaN for an empty sample.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

/** Differences between consecutive timestamps. */
export function intervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let index = 1; index < timestamps.length; index++) out.push(timestamps[index]! - timestamps[index - 1]!);
  return out;
}

/** A 60 Hz frame lasts 16.7 ms; an interval over 20 ms means at least one frame was missed. */
export const SLOW_FRAME_MS = 20;

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  /** Share of frame intervals over SLOW_FRAME_MS, in percent. */
  slowPercent: number;
}

/** Frame-interval statistics from requestAnimationFrame timestamps. */
export function frameStats(timestamps: readonly number[]): FrameStats {
  const gaps = intervals(timestamps);
  const slow = gaps.filter((gap) => gap > SLOW_FRAME_MS).length;
  return {
    frames: gaps.length,
    medianMs: median(gaps),
    p95Ms: quantile(gaps, 0.95),
    slowPercent: gaps.length === 0 ? Number.NaN : (100 * slow) / gaps.length,
  };
}

/**
 * The run whose `key` is the median of all runs (the lower middle for an even count), so a
 * reported run is one that really happened rather than a mix of figures from different runs.
 */
export function medianRun<T>(runs: readonly T[], key: (run: T) => number): T {
  if (runs.length === 0) throw new Error('medianRun needs at least one run');
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
