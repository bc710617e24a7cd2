import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-fargate-profile-mismatch';

describe(RULE, () => {
  it('warns about a workload drawn on a profile whose selectors it does not match, and the fix adds its namespace', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', {
      in: stack.cluster,
      label: 'fp',
      props: { selectors: [{ namespace: 'default', labels: 'tier=web' }] },
    });
    d.add('eks-workload', { in: profile, label: 'api', props: { namespace: 'default', labels: 'tier=api' } });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Kubernetes workload "api" is drawn on Fargate profile "fp", but its pods (namespace "default", labels tier=api) do not match the profile, which selects namespace "default" with tier=web.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: matching namespace and labels', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', {
      in: stack.cluster,
      props: { selectors: [{ namespace: 'default', labels: 'tier=web' }] },
    });
    d.add('eks-workload', { in: profile, props: { labels: 'tier=web, app=shop' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });

  it('near miss: wildcards in the namespace, label keys and label values match as EKS matches them', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', {
      in: stack.cluster,
      props: { selectors: [{ namespace: 'prod-*', labels: 'app=web-?, team*=*' }] },
    });
    d.add('eks-workload', { in: profile, props: { namespace: 'prod-eu', labels: 'app=web-1, team-name=shop' } });
    expect(check(d.build(), RULE)).toEqual([]);
  });

  it('wildcards still have to match: ? is exactly one character, and * does not cross into other namespaces', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', {
      in: stack.cluster,
      props: { selectors: [{ namespace: 'prod-*', labels: 'app=web-?' }] },
    });
    d.add('eks-workload', { in: profile, label: 'two', props: { namespace: 'prod-eu', labels: 'app=web-12' } });
    d.add('eks-workload', { in: profile, label: 'staging', props: { namespace: 'staging', labels: 'app=web-1' } });
    expect(check(d.build(), RULE).map((finding) => finding.message.split(' is drawn')[0])).toEqual([
      'Kubernetes workload "two"',
      'Kubernetes workload "staging"',
    ]);
  });
});
