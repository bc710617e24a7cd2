import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'tg-type-mismatch';

describe(RULE, () => {
  it('flags instance targets for a Fargate service, and the fix uses ip', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.setEdge(stack.route, { targetType: 'instance' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Application Load Balancer "ALB" routes to ECS service "web" with target type instance, but the service runs on Fargate (awsvpc), which needs target type ip.',
    );
    expect(finding?.edgeIds).toEqual([stack.route]);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags ip targets for bridge-mode tasks on EC2', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const nlb = d.add('nlb', { in: stack.vpc, label: 'NLB' });
    d.connect(nlb, stack.api, { targetType: 'ip' });
    expect(check(d.build(), RULE)[0]?.message).toMatch(/uses the bridge network mode, which needs target type instance\.$/);
  });

  it('near miss: auto never mismatches; ip for awsvpc on EC2; instance for host mode', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const alb = d.add('alb', { in: stack.vpc });
    d.connect(alb, stack.api, { targetType: 'auto' });
    const awsvpc = d.add('ecs-service', { in: stack.capacity, props: { networkMode: 'awsvpc' } });
    d.connect(alb, awsvpc, { targetType: 'ip' });
    const host = d.add('ecs-service', { in: stack.capacity, props: { networkMode: 'host' } });
    d.connect(alb, host, { targetType: 'instance' });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
