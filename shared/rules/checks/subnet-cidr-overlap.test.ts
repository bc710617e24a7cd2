import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'subnet-cidr-overlap';

describe(RULE, () => {
  it('reports two subnets with the same block once, on the later one, and the fix frees it', () => {
    const d = diagram();
    const net = network(d);
    const copy = d.add('subnet', { in: net.zones[1]!, label: 'Copy', props: { cidr: '10.0.1.0/24' } });
    const document = d.build();
    const [finding, ...rest] = check(document, RULE);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      'Subnet "Copy" and Subnet "Private a" both have the block 10.0.1.0/24 in VPC "VPC"; each subnet needs its own addresses.',
    );
    expect(finding?.nodeIds[0]).toBe(copy);
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === copy)?.props.cidr).toBe('10.0.4.0/24');
  });

  it('reports blocks that overlap without being equal', () => {
    const d = diagram();
    const net = network(d);
    d.add('subnet', { in: net.zones[0]!, label: 'Wide', props: { cidr: '10.0.0.0/22' } });
    const messages = check(d.build(), RULE).map((finding) => finding.message);
    expect(messages).toEqual([
      'Subnet "Wide" (10.0.0.0/22) overlaps Subnet "Public a" (10.0.0.0/24) in VPC "VPC"; each subnet needs its own addresses.',
    ]);
  });

  it('near miss: the same block in two VPCs, and neighbouring blocks', () => {
    const d = diagram();
    network(d);
    network(d);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
