import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'lb-one-subnet-per-az';

describe(RULE, () => {
  it('flags two subnets of one AZ, and the fix keeps the first', () => {
    const d = diagram();
    const net = network(d, { zones: ['a'] });
    const nlb = d.add('nlb', { in: net.vpc, label: 'NLB' });
    d.connect(nlb, net.publicSubnets[0]!);
    const second = d.connect(nlb, net.privateSubnets[0]!);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Network Load Balancer "NLB" is placed in subnets "Public a" and "Private a", which are all in us-east-1a; a load balancer takes one subnet per Availability Zone.',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.edges.some((edge) => edge.id === second)).toBe(false);
  });

  it('near miss: one subnet in each AZ, and subnets outside any AZ', () => {
    const d = diagram();
    const net = network(d);
    const clb = d.add('clb', { in: net.vpc });
    for (const subnet of net.publicSubnets) d.connect(clb, subnet);
    const looseA = d.add('subnet', { in: net.vpc });
    const looseB = d.add('subnet', { in: net.vpc });
    const nlb = d.add('nlb', { in: net.vpc });
    d.connect(nlb, looseA);
    d.connect(nlb, looseB);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
