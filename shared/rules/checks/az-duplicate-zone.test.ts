import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'az-duplicate-zone';

describe(RULE, () => {
  it('warns about two AZ boxes with the same letter in one VPC, and the fix picks a free letter', () => {
    const d = diagram();
    const net = network(d, { zones: ['a', 'b'] });
    const third = d.add('availability-zone', { in: net.vpc, label: 'AZ c?', props: { zone: 'a' } });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'Availability Zone "AZ a" and Availability Zone "AZ c?" are both us-east-1a, so they are one zone drawn twice; give each box its own zone letter.',
    );
    expect(finding?.fix?.label).toBe('Make AZ c? zone c');
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === third)?.props.zone).toBe('c');
  });

  it('near miss: distinct letters, and the same letter in different VPCs', () => {
    const d = diagram();
    network(d, { zones: ['a', 'b'] });
    network(d, { zones: ['a', 'b'] });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
