import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'subnet-outside-vpc-cidr';

describe(RULE, () => {
  it('reports a subnet whose block lies outside its VPC, and the fix takes a free block of the same size', () => {
    const d = diagram();
    const net = network(d);
    const stray = d.add('subnet', { in: net.zones[0]!, label: 'Stray', props: { cidr: '192.168.1.0/24' } });
    const document = d.build();
    const [finding, ...rest] = check(document, RULE);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      'Subnet "Stray" has the block 192.168.1.0/24, outside 10.0.0.0/16 of VPC "VPC" it is drawn in; a subnet takes its addresses from its VPC.',
    );
    expect(finding?.fix?.label).toBe('Use 10.0.4.0/24');
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === stray)?.props.cidr).toBe('10.0.4.0/24');
  });

  it('reports a subnet larger than its VPC', () => {
    const d = diagram();
    const region = d.add('region');
    const vpc = d.add('vpc', { in: region, props: { cidr: '10.0.0.0/20' } });
    d.add('subnet', { in: vpc, label: 'Wide', props: { cidr: '10.0.0.0/16' } });
    const [finding] = check(d.build(), RULE);
    expect(finding?.fix?.label).toBe('Use 10.0.0.0/20');
  });

  it('near miss: a subnet as large as its VPC, and blocks AWS refuses (reported by cidr-block-invalid)', () => {
    const d = diagram();
    const region = d.add('region');
    const vpc = d.add('vpc', { in: region, props: { cidr: '10.0.0.0/24' } });
    d.add('subnet', { in: vpc, props: { cidr: '10.0.0.0/24' } });
    d.add('subnet', { in: vpc, props: { cidr: '10.9.0.0/33' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
