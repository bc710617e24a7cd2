import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'alb-request-count-needs-alb';
const requestCount = {
  type: 'target-tracking',
  metric: 'ALBRequestCountPerTarget',
  targetValue: 500,
  scaleInCooldown: 300,
  scaleOutCooldown: 60,
};
const cpu = {
  type: 'target-tracking',
  metric: 'ECSServiceAverageCPUUtilization',
  targetValue: 60,
  scaleInCooldown: 300,
  scaleOutCooldown: 60,
};

describe(RULE, () => {
  it('flags request-count scaling on a service behind an NLB, and the fix switches to an unused metric', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.remove(stack.route);
    const nlb = d.add('nlb', { in: stack.vpc });
    d.connect(nlb, stack.web);
    const scaling = d.add('service-auto-scaling', { in: stack.cluster, label: 'scaling', props: { policies: [cpu, requestCount] } });
    const edge = d.connect(scaling, stack.web);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Service auto scaling "scaling" tracks ALBRequestCountPerTarget, but ECS service "web" is not behind an Application Load Balancer. Scale on CPU or memory instead.',
    );
    expect(finding?.edgeIds).toEqual([edge]);
    const fixed = applyFix(document, finding);
    expect(check(fixed, RULE)).toEqual([]);
    expect(
      (fixed.nodes.find((node) => node.id === scaling)?.props.policies as { metric: string }[]).map((policy) => policy.metric),
    ).toEqual(['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization']);
  });

  it('flags blue/green services behind an ALB', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.set(stack.web, { deploymentController: 'CODE_DEPLOY' });
    const scaling = d.add('service-auto-scaling', { in: stack.cluster, props: { policies: [requestCount] } });
    d.connect(scaling, stack.web);
    expect(check(d.build(), RULE)[0]?.message).toMatch(/uses blue\/green deployments \(CODE_DEPLOY\), which swap its target groups/);
  });

  it('near miss: behind an ALB; a policy that scales nothing; CPU scaling without a load balancer', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const scaling = d.add('service-auto-scaling', { in: stack.cluster, props: { policies: [requestCount] } });
    d.connect(scaling, stack.web);
    d.add('service-auto-scaling', { in: stack.cluster, props: { policies: [requestCount] } });
    const lonely = d.add('ecs-service', { in: stack.fargate });
    d.connect(d.add('service-auto-scaling', { in: stack.cluster, props: { policies: [cpu] } }), lonely);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
