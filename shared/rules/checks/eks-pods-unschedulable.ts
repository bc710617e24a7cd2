import { capacityCompute, propsOf } from '../../catalog';
import { isFargateProfile } from '../../model/compute';
import type { DiagramNode } from '../../document/schema';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { addSelectorFix, nodesFit } from '../support/eks';
import { factsOf } from '../support/facts';
import type { Finding } from '../types';

export const eksPodsUnschedulable: RuleDefinition = {
  id: 'eks-pods-unschedulable',
  teaches: 'eks-workload',
  category: 'EKS',
  severity: 'warning',
  title: 'Pods need somewhere to run',
  explanation:
    'Kubernetes schedules a pod on Fargate when it matches a Fargate profile (namespace and labels), otherwise on a node that fits it. A pod that matches no profile in a cluster without nodes, or whose operating system or CPU architecture no node offers, stays Pending. (A cluster with no capacity drawn yet is left alone.)',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-profile.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.kubernetesWorkloads().flatMap((workload): Finding[] => {
      const compute = facts.eksCompute(workload);
      const cluster = compute.cluster;
      if (!cluster) return NONE;
      const { namespace, labels, operatingSystem, cpuArchitecture } = propsOf(workload);
      if (!compute.schedulable) {
        const profiles = facts.capacityOf(cluster.id, 'kubernetes', 'fargate').filter(isFargateProfile);
        if (profiles.length === 0) return NONE;
        const fix = profiles.map((profile) => addSelectorFix(profile, namespace)).find((candidate) => candidate !== undefined);
        return [
          report(eksPodsUnschedulable, {
            message: `${nodeName(workload)} (namespace "${namespace}"${labels ? `, labels ${labels}` : ''}) matches no Fargate profile of ${nodeName(cluster)}, and the cluster has no nodes, so its pods stay Pending.`,
            nodes: [workload, cluster, ...profiles],
            ...(fix ? { fix } : {}),
          }),
        ];
      }
      if (compute.onFargate) return NONE;
      const candidates: DiagramNode[] =
        compute.placements.length > 0
          ? compute.placements.filter((placement) => capacityCompute(placement) !== 'fargate')
          : [...facts.capacityOf(cluster.id, 'kubernetes', 'ec2')];
      if (candidates.length === 0 || candidates.some((nodes) => nodesFit(workload, nodes))) return NONE;
      const wanted = operatingSystem === 'windows' ? 'Windows' : `Linux ${cpuArchitecture}`;
      return [
        report(eksPodsUnschedulable, {
          message: `${nodeName(workload)} needs ${wanted} nodes, but ${listNodes(candidates)} ${candidates.length === 1 ? 'does' : 'do'} not offer them, so its pods cannot run.`,
          nodes: [workload, ...candidates],
        }),
      ];
    });
  },
};
