import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main';
import { cdkManifest, packageManifest } from '../../test/cdk-synth/manifests';

const fixture = resolve(import.meta.dirname, '../../shared/export/cdk/fixtures/fargate-alb-efs.stowage');
const folders: string[] = [];

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'stowage-export-cdk-'));
  folders.push(folder);
  return folder;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['export', 'cdk', ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('stowage export cdk', () => {
  it('writes the app into a new folder', async () => {
    const target = join(scratch(), 'shop');
    const result = await run(fixture, '-o', target, '--name', 'Shop API');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Wrote a CDK app (10 files)'); // 9, and simulation.svg (the README's chart)
    const manifest = packageManifest(readFileSync(join(target, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('shop-api');
    expect(manifest.dependencies['aws-cdk-lib']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(join(target, 'lib/shop-api-stack.ts'))).toBe(true);
    expect(cdkManifest(readFileSync(join(target, 'cdk.json'), 'utf8')).context['@aws-cdk/aws-efs:denyAnonymousAccess']).toBe(true);
  });

  it('names the app after the file by default', async () => {
    const target = scratch();
    expect((await run(fixture, '--out', target)).code).toBe(0);
    expect(existsSync(join(target, 'bin/fargate-alb-efs.ts'))).toBe(true);
  });

  it('refuses a folder with files in it, unless --overwrite, and then leaves other files alone', async () => {
    const target = scratch();
    writeFileSync(join(target, 'notes.txt'), 'mine');
    const refused = await run(fixture, '-o', target);
    expect(refused.code).toBe(64);
    expect(refused.err).toContain('is not empty');
    expect(existsSync(join(target, 'package.json'))).toBe(false);

    const overwritten = await run(fixture, '-o', target, '--overwrite');
    expect(overwritten.code).toBe(0);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(target, 'package.json'))).toBe(true);
  });

  it('exits 2 for a file it cannot read or load', async () => {
    const folder = scratch();
    expect((await run(join(folder, 'missing.stowage'), '-o', join(folder, 'out'))).code).toBe(2);
    const broken = join(folder, 'broken.stowage');
    writeFileSync(broken, '{ "schemaVersion": 1, "nodes": [');
    const result = await run(broken, '-o', join(folder, 'out'));
    expect(result.code).toBe(2);
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });

  it('exits 64 for usage errors', async () => {
    const folder = scratch();
    expect((await run()).code).toBe(64);
    expect((await run(fixture)).code).toBe(64);
    expect((await run(fixture, '-o')).code).toBe(64);
    expect((await run(fixture, '-o', folder, '--bogus')).code).toBe(64);
    expect((await run(fixture, fixture, '-o', folder)).code).toBe(64);
    expect((await run(fixture, '-o', folder, '--name', '')).code).toBe(64);
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    expect((await run(fixture, '-o', file)).err).toContain('is not a folder');
  });

  it('shows its options with --help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('--overwrite');
  });

  it('creates missing parent folders', async () => {
    const target = join(scratch(), 'a', 'b', 'c');
    expect((await run(fixture, '-o', target)).code).toBe(0);
  });
});
