import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-ingress-needs-lbc';

describe(RULE, () => {
  it('flags an ALB for pods in a cluster without the controller, and the fix installs it', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.set(stack.cluster, { awsLoadBalancerController: false });
    d.connect(d.add('alb', { in: stack.vpc, label: 'ALB' }), stack.app);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Application Load Balancer "ALB" routes to Kubernetes workload "app", but EKS cluster "eks" has no AWS Load Balancer Controller to create an ALB for it.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: with the controller; an NLB or CLB to pods on nodes without it', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.connect(d.add('alb', { in: stack.vpc }), stack.app);
    const other = eksStack(d);
    d.set(other.cluster, { awsLoadBalancerController: false });
    d.connect(d.add('nlb', { in: other.vpc }), other.app);
    d.connect(d.add('clb', { in: other.vpc }), other.app);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
