import { propsOf } from '../../catalog';
import { fargateProfileMatches, isFargateProfile } from '../../model/compute';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { addSelectorFix, selectorsOf } from '../support/eks';
import { factsOf } from '../support/facts';

export const eksFargateProfileMismatch: RuleDefinition = {
  id: 'eks-fargate-profile-mismatch',
  teaches: 'eks-fargate-profile',
  category: 'EKS',
  severity: 'warning',
  title: 'Pods drawn on a Fargate profile must match its selectors',
  explanation:
    'A Fargate profile runs the pods that match one of its selectors: the same namespace, and every label of the selector on the pod. Drawing a workload on a profile does not make its pods match; pods that do not match are scheduled on nodes, or stay Pending.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-profile.html#fargate-profile-components',
  check({ model }) {
    const facts = factsOf(model);
    return facts.kubernetesWorkloads().flatMap((workload) =>
      facts
        .eksCompute(workload)
        .placements.filter(isFargateProfile)
        .filter((profile) => !fargateProfileMatches(profile, workload))
        .map((profile) => {
          const selects = selectorsOf(profile)
            .map((selector) => `namespace "${selector.namespace}"${selector.labels ? ` with ${selector.labels}` : ''}`)
            .join('; ');
          const { namespace, labels } = propsOf(workload);
          const fix = addSelectorFix(profile, namespace);
          return report(eksFargateProfileMismatch, {
            message: `${nodeName(workload)} is drawn on ${nodeName(profile)}, but its pods (namespace "${namespace}"${labels ? `, labels ${labels}` : ''}) do not match the profile${selects ? `, which selects ${selects}` : ', which has no selectors'}.`,
            nodes: [workload, profile],
            ...(fix ? { fix } : {}),
          });
        }),
    );
  },
};
