import { describe, expect, it } from 'vitest';
import { check, diagram } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-windows-needs-linux';

describe(RULE, () => {
  it('flags a cluster with only Windows nodes', () => {
    const d = diagram();
    const cluster = d.add('eks-cluster', { label: 'eks' });
    d.add('eks-managed-node-group', { in: cluster, label: 'win', props: { amiType: 'WINDOWS_CORE_2022_x86_64' } });
    d.add('eks-self-managed-nodes', { in: cluster, label: 'win2', props: { operatingSystem: 'windows' } });
    expect(check(d.build(), RULE)[0]?.message).toBe(
      'EKS cluster "eks" has only Windows nodes (Managed node group "win" and Self-managed nodes "win2"); CoreDNS and other system pods need a Linux node group or a Fargate profile for kube-system.',
    );
  });

  it('near miss: Windows beside Linux nodes, Windows with a kube-system Fargate profile, no nodes at all', () => {
    const d = diagram();
    const mixed = d.add('eks-cluster');
    d.add('eks-managed-node-group', { in: mixed, props: { amiType: 'WINDOWS_FULL_2022_x86_64' } });
    d.add('eks-managed-node-group', { in: mixed });
    const withFargate = d.add('eks-cluster');
    d.add('eks-self-managed-nodes', { in: withFargate, props: { operatingSystem: 'windows' } });
    d.add('eks-fargate-profile', { in: withFargate, props: { selectors: [{ namespace: 'kube-system', labels: 'k8s-app=kube-dns' }] } });
    d.add('eks-cluster');
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
