import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack } from '../test-support/diagram-builder.test-support';

const RULE = 'lb-mode-none';

describe(RULE, () => {
  it('flags a load balancer in front of tasks with no networking, and the fix picks a mode that fits the load balancer', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { networkMode: 'none' });
    const clb = d.add('clb', { in: stack.vpc, label: 'CLB' });
    d.connect(clb, stack.api);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Classic Load Balancer "CLB" routes to ECS service "api", whose tasks use the none network mode and so cannot receive traffic.',
    );
    expect(finding?.fix?.label).toBe('Use the bridge network mode');
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(check(fixed, 'clb-awsvpc')).toEqual([]);
  });

  it('near miss: mode none without a load balancer', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { networkMode: 'none' });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
