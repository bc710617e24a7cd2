import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-pods-unschedulable';

describe(RULE, () => {
  it('warns about pods that match no Fargate profile in a cluster without nodes, and the fix adds their namespace', () => {
    const d = diagram();
    const cluster = d.add('eks-cluster', { label: 'eks' });
    d.add('eks-fargate-profile', { in: cluster, label: 'fp', props: { selectors: [{ namespace: 'default', labels: 'team=a' }] } });
    const app = d.add('eks-workload', { in: cluster, label: 'app', props: { namespace: 'shop' } });
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toBe(
      'Kubernetes workload "app" (namespace "shop") matches no Fargate profile of EKS cluster "eks", and the cluster has no nodes, so its pods stay Pending.',
    );
    expect(finding?.nodeIds[0]).toBe(app);
    expect(finding?.fix?.label).toBe('Add namespace "shop" to fp');
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('warns about Windows or arm64 pods when no node offers them', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.add('eks-workload', { in: stack.cluster, label: 'iis', props: { operatingSystem: 'windows' } });
    d.set(stack.app, { cpuArchitecture: 'arm64' });
    expect(
      check(d.build(), RULE)
        .map((finding) => finding.message)
        .sort(),
    ).toEqual([
      'Kubernetes workload "app" needs Linux arm64 nodes, but Managed node group "nodes" does not offer them, so its pods cannot run.',
      'Kubernetes workload "iis" needs Windows nodes, but Managed node group "nodes" does not offer them, so its pods cannot run.',
    ]);
  });

  it('near miss: a cluster with no capacity drawn yet; pods matching a profile; pods that fit some node group', () => {
    const d = diagram();
    d.add('eks-workload', { in: d.add('eks-cluster') });
    const stack = eksStack(d);
    d.add('eks-managed-node-group', { in: stack.cluster, props: { amiType: 'AL2023_ARM_64_STANDARD' } });
    d.add('eks-workload', { in: stack.cluster, props: { cpuArchitecture: 'arm64' } });
    const serverless = d.add('eks-cluster');
    d.add('eks-fargate-profile', { in: serverless });
    d.add('eks-workload', { in: serverless });
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
