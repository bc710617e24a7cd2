import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io';
import { main } from '../main';

const example = (file: string) => join(import.meta.dirname, '..', '..', 'examples', file);
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'stowage-simulate-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('stowage cost', () => {
  it('prints a table per component with the total, the prices date and the assumptions', async () => {
    const result = await run('cost', example('fargate-web-service.stowage'));
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/^web\s+Fargate\s+us-east-1\s+\$0\.0494\s+\$36\.04$/m);
    expect(result.out).toMatch(/^NAT gateway\s+NAT gateway\s+us-east-1\s+\$0\.0512\s+\$37\.35$/m);
    expect(result.out).toMatch(/^Total\s+\$0\.1360\s+\$99\.26$/m);
    expect(result.out).toContain('as of 2026-03-01');
  });

  it('prints JSON, with assumptions from a file', async () => {
    const assumptions = join(directory, 'assumptions.json');
    writeFileSync(assumptions, JSON.stringify({ natGbPerMonth: 0, logsGbPerTaskMonth: 0 }));
    const result = await run('cost', example('fargate-web-service.stowage'), '--format', 'json', '--assumptions', assumptions);
    expect(result.code).toBe(EXIT.ok);
    const estimate = JSON.parse(result.out) as { lines: { component: string; monthly: number }[]; monthly: number };
    expect(estimate.lines.find((line) => line.component === 'NAT gateway')!.monthly).toBeCloseTo(32.85, 6);
    expect(estimate.lines.some((line) => line.component === 'CloudWatch Logs ingestion')).toBe(false);
  });

  it('refuses a bad format or assumption with exit code 64, and an unreadable file with 2', async () => {
    expect((await run('cost', example('fargate-web-service.stowage'), '--format', 'xml')).code).toBe(EXIT.usage);
    const bad = join(directory, 'bad.json');
    writeFileSync(bad, JSON.stringify({ hoursPerMonth: 'many' }));
    const wrong = await run('cost', example('fargate-web-service.stowage'), '--assumptions', bad);
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.err).toContain('the assumption "hoursPerMonth" must be a number.');
    expect((await run('cost', join(directory, 'missing.stowage'))).code).toBe(EXIT.unreadable);
  });
});

describe('stowage simulate', () => {
  it('plays the spike preset as JSON: the service scales out and back, with the cost per hour', async () => {
    const result = await run('simulate', example('fargate-web-service.stowage'), '--profile', 'spike', '--format', 'json');
    expect(result.code).toBe(EXIT.ok);
    const output = JSON.parse(result.out) as { minutes: number; services: { id: string; running: number[] }[]; costPerHour: number[] };
    expect(output.minutes).toBe(120);
    const web = output.services.find((service) => service.id === 'web')!;
    expect(web.running[0]).toBe(2);
    expect(Math.max(...web.running)).toBeGreaterThan(5);
    expect(Math.max(...output.costPerHour)).toBeGreaterThan(output.costPerHour[0]!);
  });

  it('prints CSV, one row per minute, and takes a CSV profile', async () => {
    const profile = join(directory, 'load.csv');
    writeFileSync(profile, 'minute,rps\n0,100\n1,100\n2,900\n');
    const result = await run('simulate', example('ec2-classic-bridge.stowage'), '--profile', profile, '--format', 'csv');
    expect(result.code).toBe(EXIT.ok);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(
      'minute,clb.rps,api.desired,api.running,api.pending,api.cpu,log-router.desired,log-router.running,log-router.pending,log-router.cpu,asg.desired,asg.instances,costPerHour',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]!.startsWith('2,900,')).toBe(true);
  });

  it('refuses an unknown profile or format with exit code 64, and a bad CSV with 2', async () => {
    expect((await run('simulate', example('fargate-web-service.stowage'), '--profile', 'tsunami')).code).toBe(EXIT.usage);
    expect((await run('simulate', example('fargate-web-service.stowage'), '--format', 'xml')).code).toBe(EXIT.usage);
    expect((await run('simulate', example('fargate-web-service.stowage'), '--minutes', '0')).code).toBe(EXIT.usage);
    const broken = join(directory, 'broken.csv');
    writeFileSync(broken, '0,100\n1,lots\n');
    const result = await run('simulate', example('fargate-web-service.stowage'), '--profile', broken);
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.err).toContain('Line 2 of the CSV');
  });
});
