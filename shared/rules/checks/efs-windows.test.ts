import { describe, expect, it } from 'vitest';
import { check, diagram, ec2Stack, eksStack } from '../test-support/diagram-builder.test-support';

const RULE = 'efs-windows';

describe(RULE, () => {
  it('flags EFS on Windows tasks on EC2 and on Windows pods', () => {
    const d = diagram();
    const stack = ec2Stack(d);
    d.set(stack.capacity, { amiFamily: 'WINDOWS_SERVER_2022_CORE' });
    d.set(stack.api, { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' });
    const files = d.add('efs', { in: stack.vpc, label: 'files' });
    d.connect(stack.api, files);
    const eks = d.add('eks-cluster', { in: stack.vpc });
    const pods = d.add('eks-workload', { in: eks, label: 'iis', props: { operatingSystem: 'windows' } });
    d.connect(pods, files);
    expect(check(d.build(), RULE).map((finding) => finding.message)).toEqual([
      'ECS service "api" runs Windows containers and mounts EFS file system "files"; EFS is not supported for Windows containers. Use FSx for Windows File Server.',
      'Kubernetes workload "iis" runs Windows containers and mounts EFS file system "files"; EFS is not supported for Windows containers. Use FSx for Windows File Server.',
    ]);
  });

  it('near miss: Linux tasks and pods', () => {
    const d = diagram();
    const stack = eksStack(d);
    d.connect(stack.app, d.add('efs', { in: stack.vpc }));
    expect(check(d.build(), RULE)).toEqual([]);
  });
});
