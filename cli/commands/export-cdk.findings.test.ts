import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Rules from '../../shared/rules';
import type { Finding } from '../../shared/rules';
import { main } from '../main';

/** The rule list is filled on another branch; these tests stand in two findings for it. */
vi.mock('../../shared/rules', async (importOriginal) => {
  const original = await importOriginal<typeof Rules>();
  const findings: Finding[] = [
    {
      ruleId: 'fargate-requires-awsvpc',
      severity: 'error',
      message: 'Service "web" runs on Fargate, which needs awsvpc.',
      nodeIds: ['n-web'],
      edgeIds: [],
    },
    {
      ruleId: 'dockerhub-anonymous',
      severity: 'warning',
      message: 'Anonymous Docker Hub pulls are rate limited.',
      nodeIds: ['n-nginx'],
      edgeIds: [],
    },
  ];
  return { ...original, runRules: () => findings };
});

const fixture = resolve(import.meta.dirname, '../../shared/export/cdk/fixtures/fargate-alb-efs.stowage');
const folder = mkdtempSync(join(tmpdir(), 'stowage-export-cdk-findings-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await main(['export', 'cdk', ...args], { out: (text) => lines.push(text), err: (text) => lines.push(text) });
  return { code, text: lines.join('\n') };
}

describe('stowage export cdk with problems in the diagram', () => {
  it('refuses with exit 1 and lists the errors', async () => {
    const result = await run(fixture, '-o', join(folder, 'refused'));
    expect(result.code).toBe(1);
    expect(result.text).toContain('has 1 error, so no CDK app was written');
    expect(result.text).toContain('error fargate-requires-awsvpc: Service "web" runs on Fargate, which needs awsvpc.');
    expect(result.text).toContain('--force');
  });

  it('exports with --force, marking each problem in the code', async () => {
    const target = join(folder, 'forced');
    const result = await run(fixture, '-o', target, '--force');
    expect(result.code).toBe(0);
    expect(result.text).toContain('with 2 problems marked TODO(stowage)');
    const stack = readFileSync(join(target, 'lib/fargate-alb-efs-stack.ts'), 'utf8');
    expect(stack).toContain('// TODO(stowage): fargate-requires-awsvpc (n-web), error');
    expect(stack).toContain('// TODO(stowage): dockerhub-anonymous (n-nginx), warning');
  });
});
