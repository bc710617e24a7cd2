import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKind } from '../catalog';
import { RULES, RULE_CATEGORIES, findRule } from './index';

/** The rule ids the issue asks for; they are the contract with users, docs and the CLI. */
const CONTRACT_IDS = [
  'fargate-requires-awsvpc',
  'fargate-unsupported-params',
  'fargate-task-size',
  'fargate-efs-platform-version',
  'fargate-windows-limits',
  'fargate-spot-platform',
  'daemon-not-on-fargate',
  'fargate-image-egress',
  'clb-awsvpc',
  'tg-type-mismatch',
  'alb-two-az',
  'lb-vpc-mismatch',
  'lb-mode-none',
  'static-port-density',
  'launchtype-xor-strategy',
  'strategy-mixes-fargate-asg',
  'strategy-shape',
  'ec2-needs-instances',
  'asg-capacity-provider-config',
  'external-limits',
  'daemon-deployment',
  'deployment-percent-deadlock',
  'alb-request-count-needs-alb',
  'duplicate-target-tracking-metric',
  'scaling-bounds',
  'scaling-without-capacity',
  'efs-cross-region',
  'efs-other-vpc',
  'efs-az-coverage',
  'efs-windows',
  'ecr-cross-region',
  'private-subnet-egress',
  'dockerhub-anonymous',
  'eks-two-az',
  'eks-fargate-workload',
  'eks-fargate-private-subnets',
  'eks-fargate-lb-ip-mode',
  'eks-ingress-needs-lbc',
  'eks-pods-unschedulable',
  'eks-windows-needs-linux',
];

const checksDirectory = join(import.meta.dirname, 'checks');
const files = readdirSync(checksDirectory);

describe('the rule registry', () => {
  it('has every contract rule', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    expect(CONTRACT_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has unique, kebab-case ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('keeps one rule per file, named after the rule, each with its own tests', () => {
    const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).map((file) => file.replace(/\.ts$/, ''));
    expect(sources.sort()).toEqual(RULES.map((rule) => rule.id).sort());
    for (const rule of RULES) expect(files, rule.id).toContain(`${rule.id}.test.ts`);
  });

  it('documents every rule: title, explanation, AWS documentation link, category in order', () => {
    let lastCategory = 0;
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.explanation, rule.id).toMatch(/^[A-Z].{60,}[.)]$/s);
      expect(rule.docUrl, rule.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      const category = RULE_CATEGORIES.indexOf(rule.category!);
      expect(category, rule.id).toBeGreaterThanOrEqual(lastCategory);
      lastCategory = category;
    }
  });

  it('links every rule to the concept it teaches: a kind of the catalog, whose learn card the explanation points to', () => {
    for (const rule of RULES) expect(rule.teaches && findKind(rule.teaches)?.learn.what, rule.id).toBeTruthy();
  });

  it('finds rules by id', () => {
    expect(findRule('alb-two-az')?.id).toBe('alb-two-az');
    expect(findRule('no-such-rule')).toBeUndefined();
  });
});
