import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, network } from '../test-support/diagram-builder.test-support';

const RULE = 'internet-to-internal-lb';

describe(RULE, () => {
  it.each(['alb', 'nlb'])('reports users sending requests to an internal %s; the fix makes it internet-facing', (kind) => {
    const d = diagram();
    const net = network(d);
    const users = d.add('internet', { label: 'Users' });
    const lb = d.add(kind, { in: net.publicSubnets[0]!, label: 'Front', props: { scheme: 'internal' } });
    const edge = d.connect(users, lb);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('error');
    expect(finding?.edgeIds).toEqual([edge]);
    expect(finding?.message).toMatch(/^Internet \/ users "Users" send requests to .* "Front", but it is internal/);
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === lb)?.props.scheme).toBe('internet-facing');
  });

  it('near miss: an internal load balancer nobody on the internet calls, and an internet-facing one they do', () => {
    const d = diagram();
    const net = network(d);
    const users = d.add('internet');
    d.add('alb', { in: net.privateSubnets[0]!, props: { scheme: 'internal' } });
    d.connect(users, d.add('alb', { in: net.publicSubnets[0]! }));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
