import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, serializeDocument } from '../../shared/document';
import { largeDocument, withUnknownKeys } from '../../shared/document/large-documents.test-support';
import { EXIT } from '../io';
import { main } from '../main';

/**
 * Hostile and huge inputs at the documented limits, generated here (not kept as fixtures), through
 * `stowage validate` as a user runs it. Each must end with an answer a person can read: a message
 * under 2,000 characters. How long each takes is printed, not asserted (docs/benchmarks.md has figures).
 */
let directory: string;
const files: Record<string, string> = {};

function write(name: string, text: string): void {
  files[name] = join(directory, `${name}.stowage`);
  writeFileSync(files[name], text);
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'stowage-hostile-'));
  // 2,000 nodes with no props of their own, to hold a thousand unknown keys each within 20 MB.
  const bare = largeDocument({ nodes: 2_003, edges: 0, label: () => '' });
  const holder = { ...bare, nodes: bare.nodes.map((node) => ({ ...node, props: {} })) };
  write('keys-in-one-object', withUnknownKeys(holder, 2_000_000, 2_000_000));
  write('keys-all-different', withUnknownKeys(holder, 2_000_000, 1_000));
  let name = 0;
  write(
    'keys-of-a-thousand-names',
    withUnknownKeys(holder, 2_000_000, 1_000).replace(/"[0-9][0-9a-z]*":0/g, () => `"${name++ % 1_000}":0`),
  );
  write('at-the-limits', serializeDocument(largeDocument({ nodes: LIMITS.maxNodes, edges: LIMITS.maxEdges })));
  write('parallel-edges', serializeDocument(largeDocument({ nodes: 100, edges: LIMITS.maxEdges, parallel: true })));
  const small = serializeDocument(largeDocument({ nodes: 10, edges: 2 }));
  writeFileSync(join(directory, 'utf16.stowage'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(small, 'utf16le')]));
  files['utf16'] = join(directory, 'utf16.stowage');
  writeFileSync(
    join(directory, 'bad-utf8.stowage'),
    Buffer.concat([Buffer.from(small.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(small.slice(40))]),
  );
  files['bad-utf8'] = join(directory, 'bad-utf8.stowage');
  const invalid = largeDocument({ nodes: LIMITS.maxNodes, edges: 0 });
  write(
    'every-node-invalid',
    JSON.stringify({ ...invalid, nodes: invalid.nodes.map((node) => ({ ...node, props: { ...node.props, cpu: 'x'.repeat(400) } })) }),
  );
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function validate(name: string) {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const code = await main(['validate', files[name]!, '--format', 'json'], { out: (text) => out.push(text), err: (text) => err.push(text) });
  console.info(`stowage validate ${name}: ${Math.round(performance.now() - started)} ms`);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('stowage validate on hostile and huge files', { timeout: 120_000 }, () => {
  it('refuses 2 million unknown keys in one object before parsing them, in a short message', async () => {
    const result = await validate('keys-in-one-object');
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toMatch(/an object with more than 1,000 keys/);
    expect(result.err.length).toBeLessThan(2_000);
  });

  it('refuses 2 million different key names before parsing them', async () => {
    const result = await validate('keys-all-different');
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toMatch(/more than 10,000 different key names/);
    expect(result.err.length).toBeLessThan(2_000);
  });

  it('reads 2 million unknown keys of a thousand names as newer content, counted rather than listed', async () => {
    const result = await validate('keys-of-a-thousand-names');
    expect(result.err).toMatch(/it has 2,000,000 unknown fields/);
    expect(result.err).toMatch(/… and 1,999,988 more\./);
    expect(result.err.length).toBeLessThan(2_000);
  });

  it('checks a valid diagram at the documented limits, and one with 40,000 parallel edges', async () => {
    for (const name of ['at-the-limits', 'parallel-edges']) {
      const result = await validate(name);
      expect(result.err, name).toBe('');
      expect(JSON.parse(result.out)).toHaveProperty('findings');
    }
  });

  it('reports 20,000 invalid nodes with long values in a message under 2,000 characters', async () => {
    const result = await validate('every-node-invalid');
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toMatch(/not a valid Stowage diagram: .* \(and 14,997 more\)/);
    expect(result.err).toMatch(/… and 14,990 more problems\.$/);
    expect(result.err.length).toBeLessThan(2_000);
  });

  it('decodes as the browser and the desktop app do: UTF-16 with a byte order mark opens, invalid UTF-8 is refused, no NUL reaches stderr', async () => {
    const utf16 = await validate('utf16');
    expect(utf16.err).toBe('');
    const bad = await validate('bad-utf8');
    expect(bad.code).toBe(EXIT.unreadable);
    expect(bad.err).toMatch(/not valid UTF-8 text \(at byte 40\)/);
    expect(bad.err).not.toContain('\u0000');
  });
});
