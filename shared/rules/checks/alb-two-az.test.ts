import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack, network } from '../test-support/diagram-builder.test-support';

const RULE = 'alb-two-az';

describe(RULE, () => {
  it('flags an ALB drawn inside one subnet, and the fix adds a public subnet in the other AZ', () => {
    const d = diagram();
    const net = network(d);
    const alb = d.add('alb', { in: net.publicSubnets[0]!, label: 'ALB' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Application Load Balancer "ALB" has subnets in only one Availability Zone (us-east-1a); an Application Load Balancer needs subnets in at least two.',
    );
    expect(finding?.nodeIds).toEqual([alb, net.publicSubnets[0]]);
    expect(finding?.fix?.label).toBe('Also place it in subnet "Public b"');
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.edges.filter((edge) => edge.source === alb).map((edge) => edge.target)).toEqual(net.publicSubnets);
  });

  it('flags an ALB connected to two subnets of the same AZ', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const alb = d.add('alb', { in: stack.vpc });
    d.connect(alb, stack.publicSubnets[0]!);
    d.connect(alb, stack.privateSubnets[0]!);
    expect(check(d.build(), RULE).map((finding) => finding.nodeIds[0])).toEqual([alb]);
  });

  it('near miss: two AZs; subnets not drawn; subnets whose AZ is unknown; an NLB in one AZ', () => {
    const d = diagram();
    fargateWebStack(d);
    const vpc = d.add('vpc');
    d.add('alb', { in: vpc });
    const loose = d.add('subnet', { in: vpc });
    d.add('alb', { in: loose });
    const net = network(d);
    d.add('nlb', { in: net.publicSubnets[0]! });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});

describe(`${RULE}: subnets drawn and connected`, () => {
  it('explains that "in subnet" connections replace the subnet the ALB is drawn in', () => {
    const d = diagram();
    const net = network(d);
    const alb = d.add('alb', { in: net.publicSubnets[0]!, label: 'ALB' });
    d.connect(alb, net.publicSubnets[1]!);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Application Load Balancer "ALB" has subnets in only one Availability Zone (us-east-1b) (it is drawn inside subnet "Public a", but its "in subnet" connections take the place of that subnet); an Application Load Balancer needs subnets in at least two.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });
});
