import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'hostport-mismatch';

describe(RULE, () => {
  it('flags a host port different from the container port in awsvpc mode', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { containerPort: 8080, hostPort: 80 });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'ECS service "web" maps host port 80 to container port 8080 in awsvpc mode, where the host port must be left out or equal the container port.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: equal ports in host mode, and any mapping in bridge mode', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { hostPort: 8080, containerPort: 80 });
    d.add('ecs-service', { in: stack.capacity, props: { networkMode: 'host', hostPort: 80, containerPort: 80 } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
