import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-fargate-profile-shape';

describe(RULE, () => {
  it('flags a profile without selectors, and one with a selector without a namespace; the fixes repair them', () => {
    const d = diagram();
    const cluster = d.add('eks-cluster');
    d.add('eks-fargate-profile', { in: cluster, label: 'empty', props: { selectors: [] } });
    d.add('eks-fargate-profile', { in: cluster, label: 'blank', props: { selectors: [{ namespace: '', labels: 'a=b' }] } });
    const document = d.build();
    const findings = check(document, RULE);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Fargate profile "empty" has no selectors, so no pod would run on it; a Fargate profile needs one to five.',
      'Fargate profile "blank" has a selector without a namespace; every selector names one.',
    ]);
    let fixed = document;
    for (const finding of findings) fixed = applyFix(fixed, finding);
    expect(check(fixed, RULE)).toEqual([]);
  });

  it('flags more than five selectors', () => {
    const d = diagram();
    const selectors = ['a', 'b', 'c', 'd', 'e', 'f'].map((namespace) => ({ namespace, labels: '' }));
    d.add('eks-fargate-profile', { in: d.add('eks-cluster'), label: 'many', props: { selectors } });
    expect(check(d.build(), RULE)[0]?.message).toBe(
      'Fargate profile "many" has 6 selectors; a Fargate profile takes at most 5. Split it into several profiles.',
    );
  });

  it('near miss: one to five selectors with namespaces', () => {
    const d = diagram();
    const cluster = d.add('eks-cluster');
    d.add('eks-fargate-profile', { in: cluster });
    d.add('eks-fargate-profile', {
      in: cluster,
      props: { selectors: ['a', 'b', 'c', 'd', 'e'].map((namespace) => ({ namespace, labels: '' })) },
    });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
