import { capacityCompute, propsOf } from '../../catalog';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';

export const eksFargateProfileCaptures: RuleDefinition = {
  id: 'eks-fargate-profile-captures',
  teaches: 'eks-fargate-profile',
  category: 'EKS',
  severity: 'warning',
  title: 'Pods drawn on nodes are not taken by a Fargate profile',
  explanation:
    'EKS decides where a pod runs when it is created: a pod that matches a selector of any Fargate profile of its cluster is scheduled on Fargate, whatever node group it was meant for. A profile selecting the default namespace without labels therefore takes every pod of that namespace, the ones drawn on node groups or self-managed nodes too. Give those workloads their own namespace or labels, or narrow the profile’s selectors.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.kubernetesWorkloads().flatMap((workload) => {
      const compute = facts.eksCompute(workload);
      const nodes = compute.placements.filter((placement) => capacityCompute(placement) !== 'fargate');
      // Drawn on Fargate as well (or only): eks-fargate-profile-mismatch speaks about the profiles it is drawn on.
      if (nodes.length === 0 || compute.onFargate || compute.matchingProfiles.length === 0) return NONE;
      const { namespace, labels } = propsOf(workload);
      const profiles = compute.matchingProfiles;
      return [
        report(eksFargateProfileCaptures, {
          message: `${nodeName(workload)} is drawn on ${listNodes(nodes)}, but ${listNodes(profiles)} ${profiles.length === 1 ? 'selects' : 'select'} its pods (namespace "${namespace}"${labels ? `, labels ${labels}` : ''}), so EKS runs them on Fargate instead. Give the workload a namespace or labels no profile selects, or narrow the profile’s selectors.`,
          nodes: [workload, ...profiles, ...nodes],
        }),
      ];
    });
  },
};
