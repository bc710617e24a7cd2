import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverBenchmarks, loadBenchmark } from './discover';

describe('discoverBenchmarks', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'stowage-bench-'));
    await writeFile(
      join(directory, 'validation.bench.ts'),
      "export const title = 'Validation';\nexport async function run() { return [{ name: 'x', value: 1, unit: 'ms' }]; }\n",
    );
    await writeFile(join(directory, 'canvas.bench.ts'), "export const title = 'Canvas';\nexport async function run() { return []; }\n");
    await writeFile(join(directory, 'broken.bench.ts'), 'export const name = 1;\n');
    await writeFile(join(directory, 'helpers.ts'), 'export {};\n');
  });

  it('finds every *.bench.ts, sorted, and nothing else', async () => {
    expect((await discoverBenchmarks(directory)).map((entry) => entry.id)).toEqual(['broken', 'canvas', 'validation']);
  });

  it('narrows to --only and names the available ones when a name is unknown', async () => {
    expect((await discoverBenchmarks(directory, ['canvas'])).map((entry) => entry.id)).toEqual(['canvas']);
    await expect(discoverBenchmarks(directory, ['cdk'])).rejects.toThrow(
      'No benchmark named "cdk". Available: broken, canvas, validation.',
    );
  });

  it('loads a module and refuses one without title and run', async () => {
    const [broken, canvas] = await discoverBenchmarks(directory, ['broken', 'canvas']);
    await expect(loadBenchmark(canvas!)).resolves.toMatchObject({ title: 'Canvas' });
    await expect(loadBenchmark(broken!)).rejects.toThrow(/must export `title`/);
  });
});
