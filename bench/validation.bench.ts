import { DiagramModel } from '../shared/model';
import { runRules, summarizeFindings } from '../shared/rules';
import { generateDiagram } from './generate-diagram';
import { medianTiming, type BenchResult } from './types';

export const title = 'Validation';

/** runRules over realistic diagrams: the whole pass the app makes after each edit. */
export function run(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const [nodes, target, runs] of [
    [1_000, 5, 41],
    [10_000, 50, 15],
  ] as const) {
    const document = generateDiagram(nodes);
    const findings = summarizeFindings(runRules(document));
    const total = medianTiming(runs, 5, () => runRules(document));
    const model = medianTiming(runs, 5, () => new DiagramModel(document));
    results.push({
      name: `runRules, ${nodes.toLocaleString('en-US')} nodes (median of ${runs})`,
      value: round(total),
      unit: 'ms',
      target: `< ${target} ms`,
      notes: `${document.nodes.length} nodes, ${document.edges.length} edges, ${findings.total} findings; building the DiagramModel takes ${round(model)} ms of it`,
    });
  }
  return results;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
