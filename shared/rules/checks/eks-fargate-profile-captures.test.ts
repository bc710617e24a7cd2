import { describe, expect, it } from 'vitest';
import { check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-fargate-profile-captures';

describe(RULE, () => {
  it('warns when a default-namespace profile takes the pods of a workload drawn on a node group', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.add('eks-fargate-profile', { in: stack.cluster, label: 'default fp', props: { selectors: [{ namespace: 'default', labels: '' }] } });
    const [finding, ...rest] = check(d.build(), RULE);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'Kubernetes workload "app" is drawn on Managed node group "nodes", but Fargate profile "default fp" selects its pods (namespace "default"), so EKS runs them on Fargate instead. Give the workload a namespace or labels no profile selects, or narrow the profile’s selectors.',
    );
  });

  it('near miss: a profile for another namespace, or a workload drawn on the profile itself', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', { in: stack.cluster, props: { selectors: [{ namespace: 'batch', labels: '' }] } });
    d.add('eks-workload', { in: profile, props: { namespace: 'batch' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
