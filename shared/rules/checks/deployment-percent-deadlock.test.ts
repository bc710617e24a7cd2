import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'deployment-percent-deadlock';

describe(RULE, () => {
  it('flags 100% / 100%, and the fix raises the maximum to 200%', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { minimumHealthyPercent: 100, maximumPercent: 100 });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "web" has a minimum healthy percent of 100 and a maximum percent of 100, so a rolling deployment can neither start a new task nor stop an old one.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags rounding that leaves no room: one task with 100% / 150%', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { desiredCount: 1, minimumHealthyPercent: 100, maximumPercent: 150 });
    expect(check(d.build(), RULE)[0]?.message).toMatch(/has 1 desired task, a maximum percent of 150 \(no room for an extra task\)/);
  });

  it('near miss: the defaults, 50% / 100%, no tasks, and blue/green deployments', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.add('ecs-service', { in: stack.fargate, props: { minimumHealthyPercent: 50, maximumPercent: 100 } });
    d.add('ecs-service', { in: stack.fargate, props: { desiredCount: 0, minimumHealthyPercent: 100, maximumPercent: 100 } });
    d.add('ecs-service', {
      in: stack.fargate,
      props: { deploymentController: 'CODE_DEPLOY', minimumHealthyPercent: 100, maximumPercent: 100 },
    });
    d.add('ecs-service', { in: stack.fargate, props: { desiredCount: 2, minimumHealthyPercent: 100, maximumPercent: 150 } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
