import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-requires-awsvpc';

describe(RULE, () => {
  it('flags a Fargate service in bridge mode, and the fix switches to awsvpc', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { networkMode: 'bridge', hostPort: 8080 });
    const document = d.build();
    const [finding, ...rest] = check(document, RULE);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('error');
    expect(finding?.nodeIds).toEqual([stack.web]);
    expect(finding?.message).toBe(
      'ECS service "web" runs on Fargate, which only supports the awsvpc network mode, but its task definition uses bridge.',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === stack.web)?.props).toMatchObject({ networkMode: 'awsvpc', hostPort: 0 });
  });

  it('flags a task with launch type FARGATE in host mode, even outside Fargate capacity', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    const task = d.add('ecs-task', { in: cluster, props: { launchType: 'FARGATE', networkMode: 'host' } });
    expect(check(d.build(), RULE).map((finding) => finding.nodeIds)).toEqual([[task]]);
  });

  it('near miss: bridge mode on EC2 capacity, and bridge mode with no compute decided yet', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    const capacity = d.add('ecs-ec2-capacity', { in: cluster });
    d.add('ecs-service', { in: capacity, props: { networkMode: 'bridge' } });
    d.add('ecs-service', { in: cluster, props: { networkMode: 'bridge' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
