import { describe, expect, it } from 'vitest';
import { check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'lb-vpc-mismatch';

describe(RULE, () => {
  it('flags a load balancer in one VPC routing to a service in another', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const other = d.add('vpc', { in: stack.region, label: 'Shared VPC' });
    const nlb = d.add('nlb', { in: other, label: 'NLB' });
    const edge = d.connect(nlb, stack.web);
    const [finding] = check(d.build(), RULE);
    expect(finding?.message).toBe(
      'Network Load Balancer "NLB" is in VPC "Shared VPC" but routes to ECS service "web" in VPC "VPC"; a load balancer can only reach targets in its own VPC.',
    );
    expect(finding?.edgeIds).toEqual([edge]);
  });

  it('near miss: same VPC, and a load balancer whose VPC is not drawn', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const floating = d.add('nlb');
    d.connect(floating, stack.web);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
