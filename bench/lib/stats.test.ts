import { describe, expect, it } from 'vitest';
import { frameStats, intervals, median, medianRun, quantile } from './stats';

describe('quantile', () => {
  it('interpolates between closest ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.5)).toBe(5);
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('is NaN for no samples and does not reorder its input', () => {
    expect(quantile([], 0.5)).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('frameStats', () => {
  it('measures intervals between rAF timestamps and counts frames over 20 ms', () => {
    const timestamps = [0, 16.7, 33.4, 50.1, 100.1, 116.8];
    expect(intervals(timestamps)).toHaveLength(5);
    const stats = frameStats(timestamps);
    expect(stats.frames).toBe(5);
    expect(stats.medianMs).toBeCloseTo(16.7);
    expect(stats.slowPercent).toBe(20);
    expect(stats.p95Ms).toBeGreaterThan(40);
  });

  it('reports no frames as NaN rather than zero', () => {
    const stats = frameStats([5]);
    expect(stats.frames).toBe(0);
    expect(stats.medianMs).toBeNaN();
    expect(stats.slowPercent).toBeNaN();
  });
});

describe('medianRun', () => {
  it('returns a real run, the lower middle for even counts', () => {
    const runs = [{ cost: 3 }, { cost: 1 }, { cost: 2 }];
    expect(medianRun(runs, (run) => run.cost)).toBe(runs[2]);
    expect(medianRun([{ cost: 4 }, { cost: 1 }], (run) => run.cost).cost).toBe(1);
  });
});
