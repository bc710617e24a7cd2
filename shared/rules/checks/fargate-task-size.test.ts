import { describe, expect, it } from 'vitest';
import { FARGATE_TASK_SIZES, fargateSizeProblem, nearestFargateSize } from '../support/fargate';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-task-size';

describe(RULE, () => {
  it('accepts every size in the AWS table and only those', () => {
    const valid = new Set(FARGATE_TASK_SIZES.flatMap((row) => row.memory.map((memory) => `${row.cpu}/${memory}`)));
    expect(valid.size).toBe(3 + 4 + 7 + 13 + 23 + 12 + 12);
    for (const cpu of [128, 256, 512, 1024, 2048, 4096, 8192, 16384]) {
      for (let memory = 512; memory <= 122880; memory += 512) {
        const problem = fargateSizeProblem({ cpu, memory, windows: false, platform: '1.4.0' });
        expect(problem === undefined, `${cpu}/${memory}`).toBe(valid.has(`${cpu}/${memory}`));
      }
    }
  });

  it('knows the endpoints of each row', () => {
    const ok = (cpu: number, gb: number) => fargateSizeProblem({ cpu, memory: gb * 1024, windows: false, platform: '1.4.0' }) === undefined;
    expect([ok(256, 0.5), ok(256, 2), ok(256, 3)]).toEqual([true, true, false]);
    expect([ok(4096, 30), ok(4096, 31)]).toEqual([true, false]);
    expect([ok(8192, 16), ok(8192, 20), ok(8192, 18), ok(8192, 60), ok(8192, 64)]).toEqual([true, true, false, true, false]);
    expect([ok(16384, 32), ok(16384, 40), ok(16384, 36), ok(16384, 120)]).toEqual([true, true, false, true]);
  });

  it('flags an invalid pair with the valid range, and the fix picks the nearest size that gives at least as much', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { cpu: 256, memory: 4096 });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe('ECS service "web" runs on Fargate, but 0.25 vCPU on Fargate takes 0.5, 1 or 2 GB, not 4 GB.');
    expect(finding?.fix?.label).toBe('Use 0.5 vCPU and 4 GB');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags a CPU value Fargate does not offer', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { cpu: 3072, memory: 8192 });
    expect(check(d.build(), RULE)[0]?.message).toMatch(
      /3 vCPU is not a Fargate task size \(Fargate offers 0\.25, 0\.5, 1, 2, 4, 8, 16 vCPU\)/,
    );
  });

  it('flags 8 and 16 vCPU on a pinned platform version below 1.4.0', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { cpu: 8192, memory: 16384, platformVersion: '1.3.0' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/8 vCPU needs Fargate platform version 1\.4\.0 or later, and the task pins 1\.3\.0/);
    // The fix stays within what 1.3.0 offers rather than silently changing the platform.
    expect(nearestFargateSize(8192, 16384, { windows: false, version: '1.3.0' })).toEqual({ cpu: 4096, memory: 16384 });
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags Windows sizes outside the 1, 2 and 4 vCPU rows', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE', cpu: 512, memory: 1024 });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/0\.5 vCPU is not a Fargate Windows task size \(Fargate offers 1, 2, 4 vCPU\)/);
    expect(finding?.fix?.label).toBe('Use 1 vCPU and 2 GB');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: any size on EC2, and the largest Linux size on LATEST', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { cpu: 300, memory: 700 });
    const fargate = d.add('ecs-fargate-capacity', { in: stack.cluster });
    d.add('ecs-task', { in: fargate, props: { cpu: 16384, memory: 122880 } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
