import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack } from '../test-support/diagram-builder.test-support';

const RULE = 'scaling-without-capacity';

function scaled(capacity: Record<string, unknown>, service: Record<string, unknown> = {}, maxCapacity = 20) {
  const d = diagram();
  const stack = ec2Stack(d);
  d.set(stack.capacity, { instanceType: 'm6i.large', minSize: 2, maxSize: 2, ...capacity });
  d.set(stack.api, { cpu: 512, memory: 1024, ...service });
  const scaling = d.add('service-auto-scaling', { in: stack.cluster, label: 'scaling', props: { minCapacity: 2, maxCapacity } });
  d.connect(scaling, stack.api);
  return { d, stack };
}

describe(RULE, () => {
  it('flags scaling past fixed EC2 capacity, and the fix turns on managed scaling', () => {
    const { d } = scaled({ managedScaling: false });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    // m6i.large: 2 vCPU and 8 GB, so 4 tasks of 0.5 vCPU per instance, 2 instances.
    expect(finding?.message).toBe(
      'Service auto scaling "scaling" can scale ECS service "api" to 20 tasks, but EC2 capacity "ASG" stays at 2 instances without managed scaling, with room for about 8 tasks of this size.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('counts memory for c, m and r instance types', () => {
    const { d } = scaled({ managedScaling: false, instanceType: 'c6i.xlarge' }, { cpu: 256, memory: 4096 }, 5);
    // c6i.xlarge: 4 vCPU, 8 GB → 2 tasks of 4 GB per instance, 4 in all.
    expect(check(d.build(), RULE)[0]?.message).toMatch(/with room for about 4 tasks of this size\.$/);
  });

  it('flags an ASG used through the EC2 launch type, which managed scaling does not follow', () => {
    const { d, stack } = scaled({}, { launchType: 'EC2' });
    const [finding] = check(d.build(), RULE);
    expect(finding?.nodeIds[0]).toBe(stack.api);
    expect(finding?.fix).toBeUndefined();
  });

  it('near miss: managed scaling, an EC2 Auto Scaling policy, room enough, unknown instance sizes, Fargate', () => {
    expect(check(scaled({}).d.build(), RULE)).toEqual([]);
    const withPolicy = scaled({ managedScaling: false });
    withPolicy.d.connect(withPolicy.d.add('ec2-auto-scaling', { in: withPolicy.stack.cluster }), withPolicy.stack.capacity);
    expect(check(withPolicy.d.build(), RULE)).toEqual([]);
    expect(check(scaled({ managedScaling: false }, {}, 8).d.build(), RULE)).toEqual([]);
    expect(check(scaled({ managedScaling: false, instanceType: 'm6i.metal' }).d.build(), RULE)).toEqual([]);
  });
});
