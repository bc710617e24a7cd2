import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/document';
import { exportDrawio } from '../../shared/export/drawio';
import { sampleDocument } from '../../shared/export/svg/sample.test-support';
import { EXIT, type Output } from '../io';
import { main } from '../main';

const sample = sampleDocument();
let folder: string;
let sampleFile: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'stowage-drawio-'));
  sampleFile = join(folder, 'sample.stowage');
  writeFileSync(sampleFile, serializeDocument(sample));
});

async function run(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output: Output = { out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
  const code = await main(args, output);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('stowage export drawio', () => {
  it('writes exactly the draw.io file the app exports', async () => {
    const out = join(folder, 'diagram.drawio');
    const result = await run('export', 'drawio', sampleFile, '-o', out);
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    const expected = exportDrawio(sample);
    expect(readFileSync(out, 'utf8')).toBe(expected.xml);
    expect(result.stdout).toBe(`Wrote ${out} (${expected.nodeCount} components, ${expected.edgeCount} connections) for draw.io.`);
  });

  it.each([
    ['no output', ['-o-missing'], '-o OUT.drawio'],
    ['no diagram', ['-o', 'x.drawio'], 'name the diagram file'],
    ['an image option', ['FILE', '-o', 'x.drawio', '--theme', 'dark'], "Unknown option '--theme'"],
    ['a missing folder', ['FILE', '-o', join('missing', 'x.drawio')], 'does not exist'],
  ])('says what is wrong with %s, with the usage exit code', async (_case, given, message) => {
    const args =
      given[0] === '-o-missing'
        ? [sampleFile]
        : given.map((arg) => (arg === 'FILE' ? sampleFile : arg.endsWith('.drawio') ? join(folder, arg) : arg));
    const result = await run('export', 'drawio', ...args);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(message);
  });

  it('refuses a file it cannot read, writing nothing', async () => {
    const broken = join(folder, 'broken.stowage');
    writeFileSync(broken, '{ not json');
    const result = await run('export', 'drawio', broken, '-o', join(folder, 'broken.drawio'));
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.stderr).not.toBe('');
  });
});
