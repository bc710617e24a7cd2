import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'nat-gateway-public-subnet';

describe(RULE, () => {
  it('reports a public NAT gateway in a private subnet; the fix makes the subnet public', () => {
    const d = diagram();
    const net = network(d, { nat: false });
    d.add('nat-gateway', { in: net.privateSubnets[0]!, label: 'NAT' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe(
      'NAT gateway "NAT" is a public NAT gateway in the private Subnet "Private a"; it reaches the internet only from a public subnet. Move it into a public subnet of the same Availability Zone, or make the subnet public.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: a public NAT in a public subnet, and a private NAT in a private subnet', () => {
    const d = diagram();
    const net = network(d);
    d.add('nat-gateway', { in: net.privateSubnets[0]!, props: { connectivity: 'private' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
