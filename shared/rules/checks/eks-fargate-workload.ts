import { propsOf } from '../../catalog';
import { listText, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { FARGATE_MAX } from '../support/fargate';
import { setNodeProps } from '../support/fixes';

/** EKS adds this much memory to every pod on Fargate for the Kubernetes components. */
const POD_OVERHEAD_MIB = 256;

export const eksFargateWorkload: RuleDefinition = {
  id: 'eks-fargate-workload',
  teaches: 'eks-fargate-profile',
  category: 'EKS',
  severity: 'error',
  title: 'Pods on EKS Fargate have limits',
  explanation:
    'Each pod on EKS Fargate runs in its own micro-VM with no node to share. So DaemonSets, privileged containers, hostNetwork and hostPort are not supported, nor are GPUs, Windows or Arm pods, or EBS volumes. A pod also has to fit the largest Fargate size (16 vCPU and 120 GB, including the 256 MB EKS adds for Kubernetes components). Run such pods on a node group.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.kubernetesWorkloads().flatMap((workload) => {
      if (!facts.eksCompute(workload).onFargate) return NONE;
      const props = propsOf(workload);
      const unsupported = [
        props.workloadType === 'DaemonSet' ? 'DaemonSets' : '',
        props.privileged ? 'privileged containers' : '',
        props.hostNetwork ? 'hostNetwork' : '',
        props.hostPort > 0 ? 'hostPort' : '',
        props.gpuCount > 0 ? 'GPUs' : '',
        props.operatingSystem === 'windows' ? 'Windows pods' : '',
        props.cpuArchitecture === 'arm64' ? 'Arm (arm64) pods' : '',
        props.ebsVolume ? 'EBS volumes' : '',
      ].filter(Boolean);
      const tooBig = props.cpu > FARGATE_MAX.cpu * (1000 / 1024) || props.memory + POD_OVERHEAD_MIB > FARGATE_MAX.memory;
      if (unsupported.length === 0 && !tooBig) return NONE;
      const problems = [
        ...(unsupported.length > 0 ? [`Fargate does not support ${listText(unsupported)}`] : []),
        ...(tooBig ? ['its requests exceed the largest Fargate size (16 vCPU, 120 GB including 256 MB for Kubernetes components)'] : []),
      ];
      const fixable = ['privileged containers', 'hostNetwork', 'hostPort', 'GPUs', 'Arm (arm64) pods', 'EBS volumes'].filter((item) =>
        unsupported.includes(item),
      );
      return [
        report(eksFargateWorkload, {
          message: `${nodeName(workload)} runs on EKS Fargate, but ${listText(problems)}. Run it on a node group instead.`,
          nodes: [workload],
          ...(fixable.length > 0
            ? {
                fix: setNodeProps(
                  `Turn off ${listText(fixable.map((item) => (item === 'Arm (arm64) pods' ? 'arm64 (use amd64)' : item)))}`,
                  workload,
                  {
                    privileged: false,
                    hostNetwork: false,
                    hostPort: 0,
                    gpuCount: 0,
                    cpuArchitecture: 'amd64',
                    ebsVolume: false,
                  },
                ),
              }
            : {}),
        }),
      ];
    });
  },
};
