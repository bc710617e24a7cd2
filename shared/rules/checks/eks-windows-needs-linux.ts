import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { kubernetesClusters, isFargateProfile } from '../../model/compute';
import { nodeHost, selectorsOf } from '../support/eks';
import { factsOf } from '../support/facts';

export const eksWindowsNeedsLinux: RuleDefinition = {
  id: 'eks-windows-needs-linux',
  teaches: 'eks-cluster',
  category: 'EKS',
  severity: 'error',
  title: 'Windows nodes need Linux nodes beside them',
  explanation:
    'Core cluster components such as CoreDNS run only on Linux. An EKS cluster with Windows nodes therefore needs at least one Linux node (or a Fargate profile for the kube-system namespace) for those pods.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/windows-support.html',
  check({ model }) {
    const facts = factsOf(model);
    return kubernetesClusters(model).flatMap((cluster) => {
      const nodes = facts.capacityOf(cluster.id, 'kubernetes', 'ec2');
      const windows = nodes.filter((group) => nodeHost(group).os === 'windows');
      if (windows.length === 0 || windows.length < nodes.length) return NONE;
      const systemProfile = facts
        .capacityOf(cluster.id, 'kubernetes', 'fargate')
        .filter(isFargateProfile)
        .some((profile) => selectorsOf(profile).some((selector) => selector.namespace === 'kube-system'));
      if (systemProfile) return NONE;
      return [
        report(eksWindowsNeedsLinux, {
          message: `${nodeName(cluster)} has only Windows nodes (${listNodes(windows)}); CoreDNS and other system pods need a Linux node group or a Fargate profile for kube-system.`,
          nodes: [cluster, ...windows],
        }),
      ];
    });
  },
};
