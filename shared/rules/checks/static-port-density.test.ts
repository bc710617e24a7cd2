import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack } from '../test-support/diagram-builder.test-support';

const RULE = 'static-port-density';

describe(RULE, () => {
  it('flags more tasks than instances with a fixed bridge host port, and the fix uses a dynamic port', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.capacity, { maxSize: 2 });
    d.set(stack.api, { hostPort: 80, desiredCount: 3 });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "api" binds host port 80 on its instance (bridge mode with a fixed host port), so only one of its tasks fits on an instance: EC2 capacity "ASG" has at most 2 instances, but the service may run 3 tasks.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('counts the maximum of its service auto scaling', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { networkMode: 'host', desiredCount: 2 });
    const scaling = d.add('service-auto-scaling', { in: stack.cluster, props: { minCapacity: 2, maxCapacity: 10 } });
    d.connect(scaling, stack.api);
    const [finding] = check(d.build(), RULE);
    expect(finding?.message).toMatch(/port 80 on its instance \(host mode\).*at most 6 instances, but the service may run 10 tasks\.$/);
    expect(finding?.fix).toBeUndefined();
  });

  it('flags a rolling deployment that can neither start nor stop a task', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.capacity, { maxSize: 2 });
    d.set(stack.api, { hostPort: 80, desiredCount: 2, minimumHealthyPercent: 100 });
    expect(check(d.build(), RULE)[0]?.message).toMatch(
      /its 2 tasks fill the 2 instances of EC2 capacity "ASG", and with a minimum healthy percent of 100 a rolling deployment/,
    );
  });

  it('near miss: dynamic ports, room to spare, minimum healthy below 100, daemon services, awsvpc', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.capacity, { maxSize: 2 });
    d.set(stack.api, { hostPort: 0, desiredCount: 5 });
    d.add('ecs-service', { in: stack.capacity, props: { networkMode: 'bridge', hostPort: 80, desiredCount: 1 } });
    d.add('ecs-service', {
      in: stack.capacity,
      props: { networkMode: 'bridge', hostPort: 81, desiredCount: 2, minimumHealthyPercent: 50 },
    });
    d.add('ecs-service', {
      in: stack.capacity,
      props: { networkMode: 'host', schedulingStrategy: 'DAEMON', launchType: 'EC2', maximumPercent: 100, minimumHealthyPercent: 0 },
    });
    d.add('ecs-service', { in: stack.capacity, props: { networkMode: 'awsvpc', desiredCount: 8 } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
