import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'daemon-not-on-fargate';

describe(RULE, () => {
  it('flags a daemon service on Fargate, and the fix makes it a replica service', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { schedulingStrategy: 'DAEMON' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/^ECS service "web" uses the DAEMON scheduling strategy on Fargate/);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: a daemon service on EC2 capacity', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { schedulingStrategy: 'DAEMON', launchType: 'EC2' });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});

describe(`${RULE}: one finding per mistake`, () => {
  it('leaves daemon services that would take a Fargate strategy to daemon-deployment', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster', { props: { defaultCapacityProviderStrategy: [{ provider: 'FARGATE', base: 0, weight: 1 }] } });
    d.add('ecs-service', { in: cluster, props: { schedulingStrategy: 'DAEMON', maximumPercent: 100, minimumHealthyPercent: 50 } });
    const document = d.build();
    expect(check(document, RULE)).toEqual([]);
    expect(check(document, 'daemon-deployment')).toHaveLength(1);
  });
});
