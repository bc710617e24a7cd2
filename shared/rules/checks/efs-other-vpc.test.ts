import { describe, expect, it } from 'vitest';
import { applyFix, check, diagram, eksStack, fargateWebStack } from '../test-support/diagram-builder.test-support';

const RULE = 'efs-other-vpc';

describe(RULE, () => {
  it('flags an ECS task mounting EFS from another VPC as an error, and a Kubernetes workload as a warning', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    const other = d.add('vpc', { in: stack.region, label: 'data VPC' });
    const files = d.add('efs', { in: other, label: 'files' });
    d.connect(stack.web, files);
    const eks = d.add('eks-cluster', { in: stack.vpc });
    const pods = d.add('eks-workload', { in: eks, label: 'pods' });
    d.connect(pods, files);
    const findings = check(d.build(), RULE);
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([
      [
        'error',
        'ECS service "web" in VPC "VPC" mounts EFS file system "files", whose mount targets are in VPC "data VPC"; ECS mounts EFS by DNS name, which resolves only inside the file system\'s VPC.',
      ],
      [
        'warning',
        'Kubernetes workload "pods" in VPC "VPC" mounts EFS file system "files", whose mount targets are in VPC "data VPC"; the EFS CSI driver needs VPC peering and a mount target IP to reach it.',
      ],
    ]);
  });

  it('flags DNS turned off in the VPC, and the fix turns it on', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.set(stack.vpc, { dnsHostnames: false });
    d.connect(stack.app, d.add('efs', { in: stack.vpc }));
    const document = d.build();
    const [finding] = check(document, RULE);
    expect(finding?.message).toMatch(/VPC "VPC" has DNS hostnames turned off, so the name does not resolve\.$/);
    expect(check(applyFix(document, finding), RULE)).toEqual([]);
  });

  it('near miss: same VPC with DNS on, and a file system whose VPC is not drawn', () => {
    const d = diagram();
    const stack = fargateWebStack(d);
    d.connect(stack.web, d.add('efs', { in: stack.vpc }));
    d.connect(stack.web, d.add('efs', { in: stack.region }));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
