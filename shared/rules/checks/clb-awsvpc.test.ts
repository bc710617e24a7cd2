import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'clb-awsvpc';

describe(RULE, () => {
  it('flags a Classic Load Balancer in front of a Fargate service; the fix replaces it with an ALB that keeps its connections', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const clb = d.add('clb', { in: stack.vpc, label: 'CLB' });
    const edge = d.connect(clb, stack.web);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Classic Load Balancer "CLB" routes to ECS service "web", which runs on Fargate; a Classic Load Balancer registers EC2 instances and cannot reach Fargate tasks. Use an Application or Network Load Balancer with IP targets.',
    );
    expect(finding?.nodeIds).toEqual([stack.web, clb]);
    expect(finding?.edgeIds).toEqual([edge]);
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === clb)).toMatchObject({ kind: 'alb', label: 'ALB' });
    expect(fixed.edges.find((candidate) => candidate.id === edge)?.props).toMatchObject({ listenerPort: 80, targetType: 'auto' });
  });

  it('flags awsvpc tasks on EC2, and the fix switches to bridge mode with a static port', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.api, { networkMode: 'awsvpc' });
    const clb = d.add('clb', { in: stack.vpc });
    d.connect(clb, stack.api);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/whose tasks use the awsvpc network mode/);
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === stack.api)?.props).toMatchObject({ networkMode: 'bridge', hostPort: 80 });
  });

  it('near miss: a CLB in front of bridge-mode tasks on EC2, and an ALB in front of Fargate', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const clb = d.add('clb', { in: stack.vpc });
    d.connect(clb, stack.api);
    expect(check(d.build(), RULE)).toEqual([]);
    const web = diagram();
    fargateWebStack(web);
    expect(check(web.build(), RULE)).toEqual([]);
  });
});
