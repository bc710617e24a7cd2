import { pngSize, rasterizeSvg } from '../cli/rasterize';
import { exportSvg } from '../shared/export/svg';
import { generateDiagram } from './generate-diagram';
import { medianTiming, type BenchResult } from './types';

export const title = 'Export';

/** SVG generation and PNG rasterization (the CLI's resvg path) for a large and a typical diagram. */
export function run(): BenchResult[] {
  const results: BenchResult[] = [];
  const large = generateDiagram(1000);
  const typical = generateDiagram(41);

  let svg = exportSvg(large);
  results.push({
    name: `SVG generation, ${large.nodes.length.toLocaleString('en')} nodes and ${large.edges.length.toLocaleString('en')} edges (median of 15)`,
    value: round(medianTiming(15, 3, () => (svg = exportSvg(large)))),
    unit: 'ms',
    target: '< 300 ms',
  });
  results.push({ name: `SVG size, ${large.nodes.length.toLocaleString('en')} nodes`, value: round(svg.svg.length / 1e6), unit: 'MB' });

  for (const [label, document, runs] of [
    ['1,000 nodes', large, 3],
    [`${typical.nodes.length} nodes (one Region)`, typical, 9],
  ] as const) {
    const image = exportSvg(document);
    const size = pngSize(image.width, image.height, 2);
    const cpuBefore = process.cpuUsage();
    const wall = medianTiming(runs, 1, () => rasterizeSvg(image.svg, { scale: 2 }));
    const cpu = process.cpuUsage(cpuBefore);
    results.push({
      name: `PNG 2× rasterization, ${label}: ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} px (median of ${runs})`,
      value: round(wall),
      unit: 'ms',
      target: '< 2 s',
      notes: `${Math.round((size.width * size.height) / 1e6)} megapixels; CPU time per run ${round((cpu.user + cpu.system) / 1000 / (runs + 1))} ms (parse, render and PNG encoding in resvg)`,
    });
  }
  return results;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
