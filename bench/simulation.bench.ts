import { costPerHourSeries, estimateCost } from '../shared/cost';
import { DiagramModel } from '../shared/model';
import { PROFILE_PRESETS, readTopology, simulate } from '../shared/simulation';
import { generateDiagram } from './generate-diagram';
import { medianTiming, type BenchResult } from './types';

export const title = 'Simulation';

/**
 * A day, minute by minute (1,440 steps), through a realistic diagram: what the Simulate panel
 * computes when it opens, a preset changes or the document changes (reading the topology, the
 * engine, and the cost estimate with its cost per hour).
 */
export function run(): BenchResult[] {
  const results: BenchResult[] = [];
  const day = PROFILE_PRESETS.day;
  for (const [nodes, target, runs] of [
    [200, 200, 21],
    [1_000, 1_000, 7],
  ] as const) {
    const document = generateDiagram(nodes);
    const model = new DiagramModel(document);
    const topology = readTopology(model);
    const input = { topology, minutes: day.minutes, defaultProfile: day.profile(100) };
    const engine = medianTiming(runs, 3, () => simulate(input));
    const whole = medianTiming(runs, 3, () => {
      const fresh = new DiagramModel(document);
      const top = readTopology(fresh);
      const result = simulate({ ...input, topology: top });
      costPerHourSeries(result, top, estimateCost(fresh, { simulation: result, topology: top }));
    });
    results.push({
      name: `a day minute by minute, ${nodes.toLocaleString('en-US')} nodes (median of ${runs})`,
      value: round(whole),
      unit: 'ms',
      target: `< ${target} ms`,
      notes: `${document.nodes.length} nodes: ${topology.services.length} services, ${topology.asgs.length} Auto Scaling groups, ${topology.entries.length} entry points; the engine alone takes ${round(engine)} ms, the rest is reading the diagram and the cost estimate`,
    });
  }
  return results;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
