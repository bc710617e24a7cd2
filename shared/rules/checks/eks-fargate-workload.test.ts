import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'eks-fargate-workload';

function onFargate(props: Record<string, unknown>) {
  const d = diagram();
  const stack = eksStack(d);
  const profile = d.add('eks-fargate-profile', { in: stack.cluster, props: { selectors: [{ namespace: 'jobs', labels: '' }] } });
  const job = d.add('eks-workload', { in: profile, label: 'job', props: { namespace: 'jobs', ...props } });
  return { document: d.build(), job };
}

describe(RULE, () => {
  it('flags what Fargate pods cannot do, and the fix turns off what can be turned off', () => {
    const { document } = onFargate({
      privileged: true,
      hostNetwork: true,
      hostPort: 8080,
      gpuCount: 1,
      cpuArchitecture: 'arm64',
      ebsVolume: true,
    });
    const [finding] = check(document, RULE);
    expect(finding?.message).toBe(
      'Kubernetes workload "job" runs on EKS Fargate, but Fargate does not support privileged containers, hostNetwork, hostPort, GPUs, Arm (arm64) pods and EBS volumes. Run it on a node group instead.',
    );
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('flags DaemonSets, Windows pods and pods larger than Fargate offers, without a fix', () => {
    expect(check(onFargate({ workloadType: 'DaemonSet' }).document, RULE)[0]?.fix).toBeUndefined();
    expect(check(onFargate({ operatingSystem: 'windows' }).document, RULE)[0]?.message).toMatch(/does not support Windows pods/);
    expect(check(onFargate({ memory: 122880 }).document, RULE)[0]?.message).toMatch(/its requests exceed the largest Fargate size/);
  });

  it('applies to pods that match a profile without being drawn on it', () => {
    const d = diagram();
    const cluster = d.add('eks-cluster');
    d.add('eks-fargate-profile', { in: cluster });
    const app = d.add('eks-workload', { in: cluster, props: { privileged: true } });
    expect(check(d.build(), RULE).map((finding) => finding.nodeIds[0])).toEqual([app]);
  });

  it('near miss: the same settings on a node group, and a pod just under the largest size', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.set(stack.app, { workloadType: 'DaemonSet', privileged: true, hostNetwork: true, gpuCount: 1, ebsVolume: true });
    expect(check(d.build(), RULE)).toEqual([]);
    expect(check(onFargate({ cpu: 16000, memory: 122880 - 256 }).document, RULE)).toEqual([]);
  });
});
