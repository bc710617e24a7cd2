import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack, network } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-two-az';

describe(RULE, () => {
  it('flags a cluster with subnets in one AZ, and the fix adds a private subnet in another', () => {
    const d = diagram();
    const net = network(d);
    const cluster = d.add('eks-cluster', { in: net.vpc, label: 'eks' });
    d.connect(cluster, net.privateSubnets[0]!);
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'EKS cluster "eks" has subnets in only one Availability Zone (us-east-1a); an EKS cluster needs subnets in at least two.',
    );
    expect(finding?.fix?.label).toBe('Also place it in subnet "Private b"');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: two AZs, and a cluster with no subnets drawn', () => {
    const d = diagram();
    eksStack(d);
    d.add('eks-cluster');
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
