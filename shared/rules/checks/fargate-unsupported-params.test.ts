import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'fargate-unsupported-params';

describe(RULE, () => {
  it('flags privileged containers, GPUs and Docker volumes on Fargate, and the fix turns them off', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { privileged: true, gpuCount: 1, dockerVolumes: true });
    const document = d.build();
    const findings = check(document, RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'ECS service "web" runs on Fargate, which does not support privileged containers, GPUs and Docker volumes. Run it on EC2 capacity, or turn them off.',
    );
    expect(check(applyFix(document, findings[0]), RULE)).toEqual([]);
  });

  it('flags a single parameter through the cluster default strategy', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster', { props: { defaultCapacityProviderStrategy: [{ provider: 'FARGATE', base: 0, weight: 1 }] } });
    d.add('ecs-task', { in: cluster, props: { privileged: true } });
    expect(check(d.build(), RULE)[0]?.message).toMatch(
      /does not support privileged containers\. Run it on EC2 capacity, or turn it off\.$/,
    );
  });

  it('near miss: the same settings on EC2 capacity', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { privileged: true, gpuCount: 1, dockerVolumes: true });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
