import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'placement-conflict';

describe(RULE, () => {
  it('flags a service drawn in Fargate capacity with launch type EC2, and the fix clears the launch type', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { launchType: 'EC2' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe('ECS service "web" is drawn on Fargate capacity "Fargate", but its launch type EC2 sends it elsewhere.');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags a strategy that ignores the capacity the service is drawn in', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { capacityProviderStrategy: [{ provider: 'FARGATE', base: 0, weight: 1 }] });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe('ECS service "api" is drawn on EC2 capacity "ASG", but its capacity provider strategy does not use it.');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags a service drawn on Fargate and on launch-type-only EC2 capacity', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const capacity = d.add('ecs-ec2-capacity', { in: stack.cluster, label: 'plain', props: { capacityProvider: false } });
    d.connect(stack.web, capacity);
    expect(check(d.build(), RULE)[0]?.message).toBe(
      'ECS service "web" is drawn on Fargate capacity "Fargate" and EC2 capacity "plain"; it can run on one launch type or on one capacity provider strategy, and EC2 capacity "plain" is not a capacity provider.',
    );
  });

  it('near miss: launch type EC2 on a capacity provider ASG, a strategy naming the capacity, and FARGATE_SPOT in Fargate capacity', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { launchType: 'EC2' });
    d.add('ecs-service', {
      in: stack.capacity,
      props: { networkMode: 'bridge', capacityProviderStrategy: [{ provider: stack.capacity, base: 0, weight: 1 }] },
    });
    const fargate = d.add('ecs-fargate-capacity', { in: stack.cluster });
    d.add('ecs-service', { in: fargate, props: { capacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }] } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
