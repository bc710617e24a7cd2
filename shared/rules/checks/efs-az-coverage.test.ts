import { describe, expect, it } from 'vitest';
import { check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'efs-az-coverage';

describe(RULE, () => {
  it('warns when a task AZ has no mount target', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const files = d.add('efs', { in: stack.vpc, label: 'files' });
    d.connect(files, stack.privateSubnets[0]!);
    d.connect(stack.web, files);
    const [finding] = check(d.build(), RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "web" runs in us-east-1b, where EFS file system "files" has no mount target; mounts there cross zones. Add a mount target in that zone.',
    );
  });

  it('warns about a One Zone file system behind a multi-AZ service', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const files = d.add('efs', { in: stack.zones[0]!, label: 'scratch', props: { availability: 'one-zone' } });
    d.connect(stack.web, files);
    expect(check(d.build(), RULE)[0]?.message).toBe(
      'ECS service "web" runs in us-east-1a and us-east-1b but mounts EFS file system "scratch", a One Zone file system in us-east-1a; tasks in the other zones depend on that zone.',
    );
  });

  it('near miss: a Regional file system with a mount target in each AZ, a One Zone file system for a one-AZ task, unknown AZs', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const files = d.add('efs', { in: stack.vpc });
    for (const subnet of stack.privateSubnets) d.connect(files, subnet);
    d.connect(stack.web, files);
    const single = d.add('ecs-task', { in: stack.fargate });
    d.connect(single, stack.privateSubnets[0]!);
    d.connect(single, d.add('efs', { in: stack.zones[0]!, props: { availability: 'one-zone' } }));
    d.connect(stack.web, d.add('efs', { in: stack.vpc }));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});

describe(`${RULE}: where mount targets are unknown`, () => {
  it('stays quiet about a Regional file system drawn inside an AZ without mount targets', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(stack.web, d.add('efs', { in: stack.zones[0]! }));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
