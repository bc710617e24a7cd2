import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'cidr-block-invalid';

describe(RULE, () => {
  it('reports a prefix past /32 that earlier versions stored, with no fix to guess', () => {
    const d = diagram();
    const net = network(d);
    d.add('subnet', { in: net.zones[0]!, label: 'Typo', props: { cidr: '10.0.9.0/33' } });
    const [finding, ...rest] = check(d.build(), RULE);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe(
      'Subnet "Typo" has the CIDR block 10.0.9.0/33, which AWS refuses. /33 is not a prefix length: IPv4 has /0 to /32.',
    );
    expect(finding?.fix).toBeUndefined();
  });

  it('reports blocks AWS will not size, and parts past 255', () => {
    const d = diagram();
    const region = d.add('region');
    d.add('vpc', { in: region, label: 'Huge', props: { cidr: '10.0.0.0/8' } });
    d.add('vpc', { in: region, label: 'Odd', props: { cidr: '10.300.0.0/16' } });
    expect(check(d.build(), RULE).map((finding) => finding.message)).toEqual([
      'VPC "Huge" has the CIDR block 10.0.0.0/8, which AWS refuses. A /8 block is too large: AWS takes /16 (65,536 addresses) to /28 (16 addresses).',
      'VPC "Odd" has the CIDR block 10.300.0.0/16, which AWS refuses. 300 is not an address part: each of the four is 0 to 255.',
    ]);
  });

  it('offers the block an address with host bits lies in', () => {
    const d = diagram();
    const net = network(d);
    const shifted = d.add('subnet', { in: net.zones[1]!, label: 'Shifted', props: { cidr: '10.0.7.9/24' } });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.fix?.label).toBe('Use 10.0.7.0/24');
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === shifted)?.props.cidr).toBe('10.0.7.0/24');
  });

  it('near miss: the smallest and largest blocks AWS takes', () => {
    const d = diagram();
    const region = d.add('region');
    const vpc = d.add('vpc', { in: region, props: { cidr: '172.16.0.0/16' } });
    d.add('subnet', { in: vpc, props: { cidr: '172.16.0.16/28' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
