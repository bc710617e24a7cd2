import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-fargate-lb-ip-mode';

function fargatePods() {
  const d = diagram();
  const stack = eksStack(d);
  const profile = d.add('eks-fargate-profile', { in: stack.cluster, props: { selectors: [{ namespace: 'web', labels: '' }] } });
  const web = d.add('eks-workload', { in: profile, label: 'web', props: { namespace: 'web' } });
  return { d, stack, web };
}

describe(RULE, () => {
  it('flags a Classic Load Balancer in front of Fargate pods', () => {
    const { d, stack, web } = fargatePods();
    d.connect(d.add('clb', { in: stack.vpc, label: 'CLB' }), web);
    expect(check(d.build(), RULE)[0]?.message).toBe(
      'Classic Load Balancer "CLB" routes to Kubernetes workload "web", which runs on Fargate; a Classic Load Balancer needs nodes and cannot reach Fargate pods. Use an ALB or NLB in IP mode.',
    );
  });

  it('flags instance targets, and the fix uses IP targets', () => {
    const { d, stack, web } = fargatePods();
    d.connect(d.add('alb', { in: stack.vpc }), web, { targetType: 'instance' });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags an NLB when the cluster has no AWS Load Balancer Controller', () => {
    const { d, stack, web } = fargatePods();
    d.set(stack.cluster, { awsLoadBalancerController: false });
    d.connect(d.add('nlb', { in: stack.vpc }), web);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/has no AWS Load Balancer Controller, the only controller that creates NLBs with IP targets\.$/);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: ALB and NLB in IP or auto mode in front of Fargate pods; a CLB in front of pods on nodes', () => {
    const { d, stack, web } = fargatePods();
    d.connect(d.add('alb', { in: stack.vpc }), web);
    d.connect(d.add('nlb', { in: stack.vpc }), web, { targetType: 'ip' });
    d.connect(d.add('clb', { in: stack.vpc }), stack.app);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
