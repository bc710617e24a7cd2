import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-nlb-udp';

function udp(protocol: string, props: Record<string, unknown>) {
  const d = diagram();
  const stack = fargateWebStack(d);
  const nlb = d.add('nlb', { in: stack.vpc, label: 'NLB' });
  d.connect(nlb, stack.publicSubnets[0]!);
  d.connect(nlb, stack.web, { protocol });
  d.set(stack.web, props);
  return d.build();
}

describe(RULE, () => {
  it('flags UDP to a Linux Fargate task pinned to 1.3.0', () => {
    const document = udp('UDP', { platformVersion: '1.3.0' });
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Network Load Balancer "NLB" forwards UDP to ECS service "web" on Fargate platform version 1.3.0; UDP to Fargate tasks needs platform version 1.4.0 or later.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: TCP on 1.3.0, TCP_UDP on LATEST, UDP to Windows on 1.0.0', () => {
    expect(check(udp('TCP', { platformVersion: '1.3.0' }), RULE)).toEqual([]);
    expect(check(udp('TCP_UDP', {}), RULE)).toEqual([]);
    expect(
      check(udp('UDP', { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE', cpu: 1024, memory: 2048, platformVersion: '1.0.0' }), RULE),
    ).toEqual([]);
  });
});
