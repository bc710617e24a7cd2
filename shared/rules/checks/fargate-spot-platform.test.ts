import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-spot-platform';
const SPOT = [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }];

function spotWeb(props: Record<string, unknown>) {
  const d = diagram();
  const stack = fargateWebStack(d);
  d.set(stack.web, { capacityProviderStrategy: SPOT, ...props });
  return d.build();
}

describe(RULE, () => {
  it('flags Linux Fargate Spot on platform version 1.0.0', () => {
    const document = spotWeb({ platformVersion: '1.0.0' });
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe('ECS service "web" uses FARGATE_SPOT on platform version 1.0.0; Fargate Spot needs 1.3.0 or later.');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags ARM64 on Fargate Spot below 1.4.0', () => {
    const [finding] = check(spotWeb({ platformVersion: '1.3.0', cpuArchitecture: 'ARM64' }), RULE);
    expect(finding?.message).toBe(
      'ECS service "web" uses FARGATE_SPOT on platform version 1.3.0; Fargate Spot needs 1.4.0 or later for ARM64 tasks.',
    );
  });

  it('near miss: x86 on 1.3.0, ARM64 on 1.4.0 and LATEST, and 1.0.0 without Spot', () => {
    expect(check(spotWeb({ platformVersion: '1.3.0' }), RULE)).toEqual([]);
    expect(check(spotWeb({ platformVersion: '1.4.0', cpuArchitecture: 'ARM64' }), RULE)).toEqual([]);
    expect(check(spotWeb({ cpuArchitecture: 'ARM64' }), RULE)).toEqual([]);
    expect(check(spotWeb({ platformVersion: '1.0.0', capacityProviderStrategy: [] }), RULE)).toEqual([]);
  });
});
