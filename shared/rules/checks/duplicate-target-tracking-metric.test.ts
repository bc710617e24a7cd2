import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'duplicate-target-tracking-metric';
const policy = (metric: string, targetValue = 60) => ({
  type: 'target-tracking',
  metric,
  targetValue,
  scaleInCooldown: 300,
  scaleOutCooldown: 60,
});

describe(RULE, () => {
  it('flags two CPU policies on one service, and the fix removes the extra one', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const scaling = d.add('service-auto-scaling', {
      in: stack.cluster,
      label: 'scaling',
      props: {
        policies: [
          policy('ECSServiceAverageCPUUtilization', 50),
          policy('ECSServiceAverageMemoryUtilization'),
          policy('ECSServiceAverageCPUUtilization', 80),
        ],
      },
    });
    d.connect(scaling, stack.web);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'ECS service "web" has 2 target tracking policies on ECSServiceAverageCPUUtilization (in Service auto scaling "scaling"); use one policy per metric.',
    );
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(
      (fixed.nodes.find((node) => node.id === scaling)?.props.policies as { targetValue: number }[]).map((item) => item.targetValue),
    ).toEqual([50, 60]);
  });

  it('flags the same metric spread over two scaling nodes', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    for (const label of ['a', 'b']) d.connect(d.add('service-auto-scaling', { in: stack.cluster, label }), stack.web);
    expect(check(d.build(), RULE)).toHaveLength(1);
  });

  it('near miss: different metrics, and the same metric on different services', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const other = d.add('ecs-service', { in: stack.fargate });
    const scaling = d.add('service-auto-scaling', {
      in: stack.cluster,
      props: { policies: [policy('ECSServiceAverageCPUUtilization'), policy('ALBRequestCountPerTarget')] },
    });
    d.connect(scaling, stack.web);
    d.connect(d.add('service-auto-scaling', { in: stack.cluster }), other);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
