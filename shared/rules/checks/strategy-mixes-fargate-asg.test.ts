import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, ec2Stack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'strategy-mixes-fargate-asg';

describe(RULE, () => {
  it('flags a service strategy mixing FARGATE and an ASG capacity provider, and the fix keeps the first kind', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const fargate = d.add('ecs-fargate-capacity', { in: stack.cluster });
    const web = d.add('ecs-service', {
      in: fargate,
      label: 'web',
      props: {
        capacityProviderStrategy: [
          { provider: 'FARGATE', base: 1, weight: 1 },
          { provider: stack.capacity, base: 0, weight: 1 },
        ],
      },
    });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'The capacity provider strategy of ECS service "web" mixes FARGATE with the Auto Scaling group capacity EC2 capacity "ASG"; one strategy can use Fargate or Auto Scaling group providers, not both.',
    );
    expect(finding?.nodeIds).toEqual([web, stack.capacity]);
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.find((node) => node.id === web)?.props.capacityProviderStrategy).toEqual([
      { provider: 'FARGATE', base: 1, weight: 1 },
    ]);
  });

  it('flags a mixed cluster default strategy, and a service drawn on both kinds of capacity', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const capacity = d.add('ecs-ec2-capacity', { in: stack.cluster, label: 'ASG' });
    d.set(stack.cluster, {
      defaultCapacityProviderStrategy: [
        { provider: capacity, base: 0, weight: 1 },
        { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
      ],
    });
    d.connect(stack.web, capacity);
    const findings = check(d.build(), RULE);
    expect(findings.map((finding) => finding.nodeIds[0]).sort()).toEqual([stack.cluster, stack.web].sort());
    const cluster = findings.find((finding) => finding.nodeIds[0] === stack.cluster);
    expect(cluster?.fix?.label).toBe('Keep only the Auto Scaling group providers');
    expect(findings.find((finding) => finding.nodeIds[0] === stack.web)?.fix).toBeUndefined();
  });

  it('near miss: a cluster holding both kinds, each service using one kind', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    const fargate = d.add('ecs-fargate-capacity', { in: stack.cluster });
    d.add('ecs-service', {
      in: fargate,
      props: {
        capacityProviderStrategy: [
          { provider: 'FARGATE', base: 0, weight: 1 },
          { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
        ],
      },
    });
    d.set(stack.cluster, { defaultCapacityProviderStrategy: [{ provider: stack.capacity, base: 0, weight: 1 }] });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
