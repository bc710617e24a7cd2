import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'launchtype-xor-strategy';

describe(RULE, () => {
  it('flags a launch type together with a strategy, and the fix keeps the strategy', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { launchType: 'FARGATE', capacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }] });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "web" sets both the launch type FARGATE and a capacity provider strategy; ECS accepts only one of them.',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === stack.web)?.props.capacityProviderStrategy).toHaveLength(1);
  });

  it('near miss: only a launch type, only a strategy', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { launchType: 'FARGATE' });
    d.add('ecs-task', { in: stack.cluster, props: { capacityProviderStrategy: [{ provider: 'FARGATE', base: 0, weight: 1 }] } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
