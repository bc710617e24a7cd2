import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/rules';
import { BadgeIndex, countBySeverity } from './findings';

const finding = (ruleId: string, severity: Finding['severity'], nodeIds: string[], edgeIds: string[] = []): Finding => ({
  ruleId,
  severity,
  message: `${ruleId} message`,
  nodeIds,
  edgeIds,
});

describe('badges', () => {
  it('shows the worst severity and counts every finding on an element once', () => {
    const badges = new BadgeIndex().build([
      finding('a', 'warning', ['n1']),
      finding('b', 'error', ['n1', 'n1']),
      finding('c', 'info', ['n2'], ['e1']),
    ]);
    expect(badges.nodes.get('n1')).toMatchObject({ severity: 'error', count: 2 });
    expect(badges.nodes.get('n2')).toMatchObject({ severity: 'info', count: 1 });
    expect(badges.edges.get('e1')).toMatchObject({ severity: 'info', count: 1 });
  });

  it('keeps a badge object while its findings are unchanged, so the node does not re-render', () => {
    const index = new BadgeIndex();
    const first = index.build([finding('a', 'warning', ['n1']), finding('b', 'error', ['n2'])]);
    const second = index.build([finding('a', 'warning', ['n1'])]);
    expect(second.nodes.get('n1')).toBe(first.nodes.get('n1'));
    expect(second.nodes.has('n2')).toBe(false);
  });

  it('counts by severity', () => {
    expect(countBySeverity([finding('a', 'error', []), finding('b', 'error', []), finding('c', 'info', [])])).toEqual({
      error: 2,
      warning: 0,
      info: 1,
    });
  });
});
