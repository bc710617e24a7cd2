import { describe, expect, it } from 'vitest';
import { diagram } from '../test-support/diagram-builder.test-support';
import { nodeHost } from './eks';

describe('nodeHost', () => {
  const d = diagram();
  const cluster = d.add('eks-cluster');
  const windows = d.add('eks-managed-node-group', { in: cluster, props: { amiType: 'WINDOWS_CORE_2022_x86_64' } });
  const graviton = d.add('eks-managed-node-group', { in: cluster, props: { amiType: 'BOTTLEROCKET_ARM_64' } });
  const selfManaged = d.add('eks-self-managed-nodes', { in: cluster, props: { operatingSystem: 'windows', cpuArchitecture: 'amd64' } });
  const armSelfManaged = d.add('eks-self-managed-nodes', { in: cluster, props: { cpuArchitecture: 'arm64' } });
  const fargate = d.add('eks-fargate-profile', { in: cluster });
  const document = d.build();
  const host = (id: string) => nodeHost(document.nodes.find((node) => node.id === id)!);

  it('reads what each kind of Kubernetes nodes runs from its own props', () => {
    expect(host(windows)).toEqual({ os: 'windows', arch: 'amd64' });
    expect(host(graviton)).toEqual({ os: 'linux', arch: 'arm64' });
    expect(host(selfManaged)).toEqual({ os: 'windows', arch: 'amd64' });
    expect(host(armSelfManaged)).toEqual({ os: 'linux', arch: 'arm64' });
  });

  it('takes Fargate for Linux x86 pods', () => {
    expect(host(fargate)).toEqual({ os: 'linux', arch: 'amd64' });
  });
});
