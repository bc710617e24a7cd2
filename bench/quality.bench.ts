import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument, type DiagramDocument } from '../shared/document';
import { diagramQuality } from '../shared/export/svg/quality';
import { computeLayout } from '../shared/layout';
import { applyLayout, applyOperation } from '../shared/operations';
import { generateDiagram } from './generate-diagram';
import { REPO_ROOT } from './lib/sites';
import type { BenchResult } from './types';

export const title = 'Diagram quality';

const TABLE = 'Edges through unrelated boxes and overlapping labels (goal: 0)';

function examples(): [string, DiagramDocument][] {
  const folder = join(REPO_ROOT, 'examples');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.stowage'))
    .sort()
    .map((file) => {
      const loaded = loadDocument(readFileSync(join(folder, file), 'utf8'));
      if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
      return [file, loaded.document];
    });
}

/**
 * The crossing and label-overlap counts of shared/export/svg/quality.ts on the geometry the
 * SVG export draws, for each example as drawn and after Arrange Whole Diagram, and for the
 * generated 1,000-node diagram. Counts, not timings: they change only when routing, labels or
 * layout do.
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const diagrams: [string, DiagramDocument][] = [...examples(), ['generated, 1,001 nodes', generateDiagram(1000)]];
  for (const [name, document] of diagrams) {
    const arranged = applyOperation(document, applyLayout, { layout: await computeLayout(document, { kind: 'diagram' }) }).document;
    for (const [state, measured] of [
      ['as drawn', document],
      ['after Arrange', arranged],
    ] as const) {
      const quality = diagramQuality(measured);
      results.push(
        {
          name: `${name}, ${state}: edges through unrelated boxes`,
          value: quality.edgeBoxCrossings,
          unit: 'count',
          target: '0',
          layout: { table: TABLE, row: name, column: `crossings, ${state}` },
        },
        {
          name: `${name}, ${state}: label overlaps`,
          value: quality.labelOverlaps,
          unit: 'count',
          target: '0',
          layout: { table: TABLE, row: name, column: `label overlaps, ${state}` },
        },
      );
    }
  }
  return results;
}
