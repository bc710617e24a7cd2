import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/document';
import { diagram, fargateWebStack } from '../../shared/rules/test-support/diagram-builder.test-support';
import { isUnsafeCharacter } from '../../shared/text/unsafe-characters';
import { EXIT } from '../io';
import { main } from '../main';
import { parseArgs } from './validate';
import { validateReport } from './validate-report.test-support';

const repository = join(import.meta.dirname, '..', '..');
let directory: string;
let clean: string;
let broken: string;
let warningsOnly: string;
let hostile: string;
/** A label that would paint the terminal red, rewind the line, fake a second finding and reverse the rest. */
const HOSTILE_LABEL = 'web\u001b[31m\r\nerror  fake-rule  all is well\u202e\u0000';
let nodeIds: { web: string };

/** Characters a terminal would act on rather than show (line breaks are the report's own). */
function unsafeCharacters(text: string): string[] {
  return [...text].filter((char) => char !== '\n' && isUnsafeCharacter(char.codePointAt(0)!));
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

async function run(...args: string[]) {
  const { output, out, err } = capture();
  const code = await main(['validate', ...args], output);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'stowage-validate-'));
  const ok = diagram();
  fargateWebStack(ok);
  clean = join(directory, 'clean.stowage');
  writeFileSync(clean, serializeDocument(ok.build()));

  const bad = diagram();
  const stack = fargateWebStack(bad);
  bad.set(stack.web, { networkMode: 'bridge' });
  nodeIds = { web: stack.web };
  broken = join(directory, 'broken.stowage');
  writeFileSync(broken, serializeDocument(bad.build()));

  const spoofed = bad.build();
  hostile = join(directory, 'hostile.stowage');
  writeFileSync(
    hostile,
    serializeDocument({
      ...spoofed,
      nodes: spoofed.nodes.map((node) => (node.id === stack.web ? { ...node, label: HOSTILE_LABEL } : node)),
    }),
  );

  const risky = diagram();
  fargateWebStack(risky, { nat: false });
  warningsOnly = join(directory, 'warnings.stowage');
  writeFileSync(warningsOnly, serializeDocument(risky.build()));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('stowage validate', () => {
  it('exits 0 and says so for a valid diagram', async () => {
    const result = await run(clean);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toBe(`${clean}: no problems found.`);
  });

  it('lists findings one per line with a summary, and exits 1 on errors', async () => {
    const result = await run(broken);
    expect(result.code).toBe(EXIT.findings);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(
      `error  fargate-requires-awsvpc  ECS service "web" runs on Fargate, which only supports the awsvpc network mode, but its task definition uses bridge.  (nodes: ${nodeIds.web})`,
    );
    expect(lines.at(-1)).toBe(`${broken}: 1 error, 0 warnings, 0 info.`);
  });

  it('escapes control characters and bidi controls in labels: one finding stays one line', async () => {
    const result = await run(hostile);
    expect(result.code).toBe(EXIT.findings);
    const lines = result.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('ECS service "web\\u001b[31m\\r\\nerror  fake-rule  all is well\\u202e\\u0000" runs on Fargate');
    expect(unsafeCharacters(result.out)).toEqual([]);
  });

  it('escapes them in the real terminal output too, for text and JSON', () => {
    const bin = join(repository, 'cli', 'stowage.mjs');
    const text = spawnSync(process.execPath, [bin, 'validate', hostile], { encoding: 'utf8', cwd: repository });
    expect(unsafeCharacters(text.stdout)).toEqual([]);
    expect(text.stdout.trim().split('\n')).toHaveLength(2);
    const json = spawnSync(process.execPath, [bin, 'validate', hostile, '--format', 'json'], { encoding: 'utf8', cwd: repository });
    expect(unsafeCharacters(json.stdout)).toEqual([]);
    expect((JSON.parse(json.stdout) as { findings: Array<{ message: string }> }).findings[0]!.message).toContain(HOSTILE_LABEL);
  });

  it.each([
    ['with', Buffer.from([0xff, 0xfe])],
    ['without', Buffer.alloc(0)],
  ])('prints no NUL or other control bytes for a UTF-16 file %s a byte-order mark', (_with, bom) => {
    const utf16 = join(directory, `utf16-${bom.length}.stowage`);
    writeFileSync(utf16, Buffer.concat([bom, Buffer.from(serializeDocument(diagram().build()), 'utf16le')]));
    const result = spawnSync(process.execPath, [join(repository, 'cli', 'stowage.mjs'), 'validate', utf16], { cwd: repository });
    const printed = Buffer.concat([result.stdout, result.stderr]);
    expect(printed.length).toBeGreaterThan(0);
    expect([...printed].filter((byte) => (byte < 0x20 && byte !== 0x0a) || byte === 0x7f)).toEqual([]);
  });

  it('writes exactly {"findings": [...]} as JSON, with the rule\'s documentation link', async () => {
    const result = await run(broken, '--format', 'json');
    expect(result.code).toBe(EXIT.findings);
    expect(JSON.parse(result.out)).toEqual({
      findings: [
        {
          ruleId: 'fargate-requires-awsvpc',
          severity: 'error',
          message: 'ECS service "web" runs on Fargate, which only supports the awsvpc network mode, but its task definition uses bridge.',
          nodeIds: [nodeIds.web],
          edgeIds: [],
          docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
        },
      ],
    });
    expect(JSON.parse((await run(clean, '--format=json')).out)).toEqual({ findings: [] });
  });

  it('fails on warnings only when asked to', async () => {
    expect((await run(warningsOnly)).code).toBe(EXIT.ok);
    expect((await run(warningsOnly, '--fail-on', 'warning')).code).toBe(EXIT.findings);
    expect((await run('--fail-on=warning', clean)).code).toBe(EXIT.ok);
  });

  it('exits 2 with the reason when the file cannot be read or is not a valid diagram', async () => {
    const missing = await run(join(directory, 'nope.stowage'));
    expect(missing.code).toBe(EXIT.unreadable);
    expect(missing.err).toMatch(/cannot read .*nope\.stowage: no such file/);
    const invalid = join(directory, 'invalid.stowage');
    writeFileSync(
      invalid,
      JSON.stringify({
        schemaVersion: 1,
        metadata: { title: '', description: '' },
        nodes: [{ id: 'n', kind: 'ecs-service', label: '', position: { x: 0, y: 0 }, props: { cpu: 'lots' } }],
        edges: [],
      }),
    );
    const result = await run(invalid);
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toMatch(/not a valid Stowage diagram/);
    const notJson = join(directory, 'text.stowage');
    writeFileSync(notJson, 'hello');
    expect((await run(notJson)).code).toBe(EXIT.unreadable);
  });

  it('exits 64 on usage errors', async () => {
    for (const args of [
      [],
      ['a', 'b'],
      [clean, '--format', 'xml'],
      [clean, '--fail-on', 'fatal'],
      [clean, '--format'],
      [clean, '--verbose'],
    ]) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(EXIT.usage);
      expect(result.err).toMatch(/Usage: stowage validate FILE/);
    }
  });

  it('prints its help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/^Usage: stowage validate FILE \[--format text\|json\] \[--fail-on error\|warning\]/);
  });

  it('parses options in any order', () => {
    expect(parseArgs(['--format', 'json', 'x.stowage', '--fail-on', 'warning'])).toEqual({
      file: 'x.stowage',
      format: 'json',
      failOn: 'warning',
    });
  });

  it('runs as a real process through the bin', () => {
    const result = spawnSync(process.execPath, [join(repository, 'cli', 'stowage.mjs'), 'validate', broken, '--format', 'json'], {
      encoding: 'utf8',
      cwd: repository,
    });
    expect(result.status).toBe(EXIT.findings);
    expect(validateReport(result.stdout).findings[0]?.ruleId).toBe('fargate-requires-awsvpc');
    const ok = spawnSync(process.execPath, [join(repository, 'cli', 'stowage.mjs'), 'validate', clean], {
      encoding: 'utf8',
      cwd: repository,
    });
    expect(ok.status).toBe(EXIT.ok);
  });
});
