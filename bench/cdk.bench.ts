import { generateCdkApp, type CdkAppOptions } from '../shared/export/cdk';
import { generateDiagram } from './generate-diagram';
import { medianTiming, type BenchResult } from './types';

export const title = 'CDK export';

const OPTIONS: CdkAppOptions = {
  appName: 'bench',
  findings: [],
  force: false,
  versions: { awsCdkLib: '2.276.0', constructs: '^10.8.1', kubectlLayer: '^2.2.2' },
};

/** Generating the whole CDK app (every file) from a realistic diagram, rules excluded. */
export function run(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const [nodes, runs, target] of [
    [200, 20, '< 100 ms'],
    [1000, 5, undefined],
  ] as const) {
    const document = generateDiagram(nodes);
    let bytes = 0;
    const median = medianTiming(runs, 2, () => {
      const result = generateCdkApp(document, OPTIONS);
      if (!result.ok) throw new Error('The benchmark diagram was refused.');
      bytes = result.files.reduce((sum, file) => sum + file.content.length, 0);
    });
    results.push({
      name: `CDK app generation, ${document.nodes.length} nodes (median of ${runs})`,
      value: Math.round(median * 10) / 10,
      unit: 'ms',
      ...(target ? { target } : {}),
      notes: `${Math.round(bytes / 1024)} KB of code and project files`,
    });
  }
  return results;
}
