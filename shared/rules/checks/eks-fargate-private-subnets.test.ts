import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-fargate-private-subnets';

describe(RULE, () => {
  it('flags a Fargate profile in a public subnet, and the fix removes it when private subnets remain', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', { in: stack.cluster, label: 'fp' });
    d.connect(profile, stack.privateSubnets[0]!);
    d.connect(profile, stack.publicSubnets[1]!);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe('Fargate profile "fp" uses public subnet "Public b"; Fargate profiles accept private subnets only.');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('offers no fix when the profile would be left without subnets', () => {
    const d = diagram();
    const stack = eksStack(d);
    const profile = d.add('eks-fargate-profile', { in: stack.cluster });
    d.connect(profile, stack.publicSubnets[0]!);
    expect(check(d.build(), RULE)[0]?.fix).toBeUndefined();
  });

  it("near miss: private subnets, and a profile that inherits the cluster's public subnets", () => {
    const d = diagram();
    const stack = eksStack(d);
    for (const subnet of stack.publicSubnets) d.connect(stack.cluster, subnet);
    const profile = d.add('eks-fargate-profile', { in: stack.cluster });
    d.add('eks-fargate-profile', { in: stack.cluster });
    d.connect(profile, stack.privateSubnets[0]!);
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
