import { describe, expect, it } from 'vitest';
import { check, diagram, fargateWebStack, ruleIds } from '../test-support/diagram-builder.test-support';

const RULE = 'ecr-cross-region';

describe(RULE, () => {
  it('warns when a cross-Region pull can only use VPC endpoints, which serve their own Region', () => {
    const d = diagram();
    const stack = fargateWebStack(d, { nat: false, endpoints: ['ecr.api', 'ecr.dkr', 's3'] });
    const europe = d.add('region', { props: { regionCode: 'eu-west-1' } });
    const shared = d.add('ecr-repository', { in: europe, label: 'base' });
    const edge = d.connect(stack.web, shared);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "web" in us-east-1 pulls ECR repository "base" from eu-west-1, but subnets "Private a" and "Private b" reach ECR only through VPC endpoints, which serve us-east-1 only. Replicate the repository to us-east-1, or add a NAT gateway.',
    );
    expect(finding?.edgeIds).toEqual([edge]);
    // One finding for one problem: the egress rules count the endpoints as a path to ECR.
    expect(ruleIds(document)).toEqual([RULE]);
  });

  it('near miss: a cross-Region pull through a NAT gateway, and pulls whose Region is unknown', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(stack.web, d.add('ecr-repository', { in: d.add('region', { props: { regionCode: 'eu-west-1' } }) }));
    d.connect(stack.web, d.add('ecr-repository'));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
