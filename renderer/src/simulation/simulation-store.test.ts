import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/document';
import { chartSpecs, clock } from './chart-series';
import { createSimulationStore, overlayOf } from './simulation-store';

function example(name: string) {
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

describe('the Simulate panel state', () => {
  it('shows counts on the cards only while open, at the current minute, with the worst flag', () => {
    const store = createSimulationStore();
    store.getState().compute(example('ec2-classic-bridge.stowage'));
    expect(overlayOf(store.getState(), 'api')).toBeUndefined();
    store.getState().setOpen(true);
    expect(overlayOf(store.getState(), 'api')).toEqual({ text: '2 running · 2 desired' });
    expect(overlayOf(store.getState(), 'asg')).toEqual({ text: '2 instances' });
    expect(overlayOf(store.getState(), 'users')).toBeUndefined();
    store.getState().setMinute(10_000);
    expect(store.getState().minute).toBe(119);
  });

  it('recomputes when the preset or an assumption changes, and steps within the run', () => {
    const store = createSimulationStore();
    store.getState().compute(example('fargate-web-service.stowage'));
    expect(store.getState().run!.result.minutes).toBe(120);
    store.getState().setPreset('3x-hour');
    expect(store.getState().run!.result.minutes).toBe(180);
    store.getState().setAssumption('baselineRps', 300);
    expect(store.getState().run!.result.entries[0]!.rps[0]).toBe(300);
    store.getState().step(-1);
    expect(store.getState().minute).toBe(0);
    store.getState().step(5);
    expect(store.getState().minute).toBe(5);
  });

  it('draws requests, tasks, instances, CPU and cost per hour', () => {
    const store = createSimulationStore();
    store.getState().compute(example('ec2-classic-bridge.stowage'));
    const specs = chartSpecs(store.getState().run!);
    expect(specs.map((spec) => [spec.id, spec.series.length])).toEqual([
      ['requests', 1],
      ['tasks', 6],
      ['instances', 1],
      ['cpu', 2],
      ['cost', 1],
    ]);
    expect(clock(65)).toBe('01:05');
  });
});
