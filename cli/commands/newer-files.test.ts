import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { main } from '../main';

/** The CLI on files saved by a newer Stowage: what it can still do, and what it refuses. */

const examples = join(import.meta.dirname, '..', '..', 'examples');
let directory: string;
let newer: string;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'stowage-newer-'));
  // The broken workshop example (it has errors) with a kind and a field this version does not know.
  const document = JSON.parse(readFileSync(join(examples, 'workshop-broken.stowage'), 'utf8')) as {
    nodes: ({ kind: string; props: Record<string, unknown> } & Record<string, unknown>)[];
  } & Record<string, unknown>;
  document.nodes.push({ id: 'runner', kind: 'apprunner-service', label: 'api', position: { x: -900, y: 0 }, props: {} });
  document.nodes.find((node) => node.kind === 'ecs-service')!.props.enableExecuteCommand = true;
  newer = join(directory, 'newer.stowage');
  writeFileSync(newer, JSON.stringify(document, null, 2));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('a file saved by a newer Stowage', () => {
  it('validate checks what this version understands, says what it left out, and exits 2', async () => {
    const result = await run('validate', newer);
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toContain('saved by a newer version of Stowage (schema 1)');
    expect(result.err).toContain('unknown component kind "apprunner-service"');
    expect(result.err).toContain('1 of');
    // The findings of the understood part are still listed.
    expect(result.out).toMatch(/^error {2}/m);
  });

  it('export cdk refuses and writes nothing', async () => {
    const out = join(directory, 'app');
    const result = await run('export', 'cdk', newer, '-o', out, '--force');
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toMatch(/does not export one/);
    expect(existsSync(out)).toBe(false);
  });

  it('export svg draws it, the unknown kind as a plain box with its label', async () => {
    const out = join(directory, 'diagram.svg');
    const result = await run('export', 'svg', newer, '-o', out);
    expect(result.code).toBe(EXIT.ok);
    expect(result.err).toContain('newer version of Stowage');
    expect(readFileSync(out, 'utf8')).toContain('>api<');
  });
});
