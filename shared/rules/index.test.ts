import { describe, expect, it } from 'vitest';
import { hasFindingsAtLeast, runRules, summarizeFindings, type Finding, type Rule } from './index';
import { diagram, fargateWebStack } from './test-support/diagram-builder.test-support';

function finding(ruleId: string, severity: Finding['severity'], nodeId: string, message = 'm'): Finding {
  return { ruleId, severity, message, nodeIds: [nodeId], edgeIds: [] };
}

describe('runRules', () => {
  it('orders findings by severity, rule id, first element and message, whatever order rules report them in', () => {
    const reported = [
      finding('b-rule', 'warning', 'n-2'),
      finding('a-rule', 'info', 'n-1'),
      finding('b-rule', 'error', 'n-9'),
      finding('a-rule', 'error', 'n-3', 'second'),
      finding('a-rule', 'error', 'n-3', 'first'),
      finding('a-rule', 'error', 'n-10'),
    ];
    const rule: Rule = { id: 'x', severity: 'error', title: 't', explanation: 'e', docUrl: 'u', check: () => reported };
    const ordered = runRules(diagram().build(), [rule]).map((item) => `${item.severity} ${item.ruleId} ${item.nodeIds[0]} ${item.message}`);
    expect(ordered).toEqual([
      'error a-rule n-10 m',
      'error a-rule n-3 first',
      'error a-rule n-3 second',
      'error b-rule n-9 m',
      'warning b-rule n-2 m',
      'info a-rule n-1 m',
    ]);
  });

  it('gives the same findings, in the same order, whatever order the document lists its nodes and edges in', () => {
    const d = diagram();
    const stack = fargateWebStack(d, { nat: false });
    d.set(stack.web, { networkMode: 'bridge', cpu: 300 });
    const document = d.build();
    const reversed = { ...document, nodes: [...document.nodes].reverse(), edges: [...document.edges].reverse() };
    // Messages list subnets in document order; which findings there are, on what, and their order may not change.
    const strip = (findings: Finding[]) =>
      findings.map(({ ruleId, severity, nodeIds, fix }) => ({ ruleId, severity, nodeIds: [...nodeIds].sort(), fix: fix?.label }));
    const findings = runRules(document);
    expect(findings.length).toBeGreaterThan(1);
    expect(strip(runRules(reversed))).toEqual(strip(findings));
  });
});

describe('summarizeFindings', () => {
  it('counts findings by severity', () => {
    const findings = [finding('a', 'error', 'n'), finding('b', 'warning', 'n'), finding('c', 'warning', 'n')];
    expect(summarizeFindings(findings)).toEqual({ error: 1, warning: 2, info: 0, total: 3 });
    expect(summarizeFindings([])).toEqual({ error: 0, warning: 0, info: 0, total: 0 });
  });

  it('tells whether anything reaches a severity level', () => {
    const warnings = [finding('a', 'warning', 'n'), finding('b', 'info', 'n')];
    expect(hasFindingsAtLeast(warnings, 'error')).toBe(false);
    expect(hasFindingsAtLeast(warnings, 'warning')).toBe(true);
    expect(hasFindingsAtLeast(warnings, 'info')).toBe(true);
  });
});
