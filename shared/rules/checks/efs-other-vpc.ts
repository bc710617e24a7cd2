import { propsOf } from '../../catalog';
import { isKubernetesWorkload } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';
import { mounts } from '../support/mounts';

export const efsOtherVpc: RuleDefinition = {
  id: 'efs-other-vpc',
  teaches: 'efs',
  category: 'EFS',
  severity: 'error',
  title: 'EFS is mounted from its own VPC, by DNS name',
  explanation:
    'EFS mount targets live in one VPC. ECS mounts a file system by its DNS name, which resolves only inside that VPC and only when the VPC has DNS resolution and DNS hostnames turned on. Mounting from a peered VPC needs mount target IP addresses, which ECS cannot use; the EFS CSI driver on EKS can be configured for it, so for Kubernetes workloads this is a warning.',
  docUrl: 'https://docs.aws.amazon.com/efs/latest/ug/mounting-fs-mount-helper-ec2-dns.html',
  check({ model }) {
    return mounts(model).flatMap(({ workload, edge, fileSystem }) => {
      const workloadVpc = model.vpcOf(workload.id);
      const fileSystemVpc = model.vpcOf(fileSystem.id);
      if (!workloadVpc) return NONE;
      const eks = isKubernetesWorkload(workload);
      const severity = eks ? 'warning' : 'error';
      if (fileSystemVpc && fileSystemVpc.id !== workloadVpc.id) {
        return [
          report(efsOtherVpc, {
            message: `${nodeName(workload)} in ${nodeName(workloadVpc)} mounts ${nodeName(fileSystem)}, whose mount targets are in ${nodeName(fileSystemVpc)}; ${eks ? 'the EFS CSI driver needs VPC peering and a mount target IP to reach it' : "ECS mounts EFS by DNS name, which resolves only inside the file system's VPC"}.`,
            nodes: [workload, fileSystem, workloadVpc, fileSystemVpc],
            edges: [edge],
            severity,
          }),
        ];
      }
      if (propsOf(workloadVpc).dnsSupport !== false && propsOf(workloadVpc).dnsHostnames !== false) return NONE;
      const off = [
        propsOf(workloadVpc).dnsSupport === false ? 'DNS resolution' : '',
        propsOf(workloadVpc).dnsHostnames === false ? 'DNS hostnames' : '',
      ]
        .filter(Boolean)
        .join(' and ');
      return [
        report(efsOtherVpc, {
          message: `${nodeName(workload)} mounts ${nodeName(fileSystem)} by its DNS name, but ${nodeName(workloadVpc)} has ${off} turned off, so the name does not resolve.`,
          nodes: [workload, fileSystem, workloadVpc],
          edges: [edge],
          severity,
          fix: setNodeProps('Turn on DNS resolution and DNS hostnames', workloadVpc, { dnsSupport: true, dnsHostnames: true }),
        }),
      ];
    });
  },
};
