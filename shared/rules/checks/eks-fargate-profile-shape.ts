import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { MAX_PROFILE_SELECTORS, selectorsOf } from '../support/eks';
import { setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const eksFargateProfileShape: RuleDefinition = {
  id: 'eks-fargate-profile-shape',
  teaches: 'eks-fargate-profile',
  category: 'EKS',
  severity: 'error',
  title: 'A Fargate profile has one to five selectors, each with a namespace',
  explanation: 'CreateFargateProfile takes between one and five selectors, and every selector names a namespace (labels are optional).',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateFargateProfile.html',
  check({ model }) {
    return model.nodesOfKind('eks-fargate-profile').flatMap((profile) => {
      const selectors = selectorsOf(profile);
      const findings: Finding[] = [];
      if (selectors.length === 0) {
        findings.push(
          report(eksFargateProfileShape, {
            message: `${nodeName(profile)} has no selectors, so no pod would run on it; a Fargate profile needs one to five.`,
            nodes: [profile],
            fix: setNodeProps('Select the default namespace', profile, { selectors: [{ namespace: 'default', labels: '' }] }),
          }),
        );
      } else if (selectors.length > MAX_PROFILE_SELECTORS) {
        findings.push(
          report(eksFargateProfileShape, {
            message: `${nodeName(profile)} has ${selectors.length} selectors; a Fargate profile takes at most ${MAX_PROFILE_SELECTORS}. Split it into several profiles.`,
            nodes: [profile],
          }),
        );
      }
      if (selectors.some((selector) => selector.namespace.trim() === '')) {
        findings.push(
          report(eksFargateProfileShape, {
            message: `${nodeName(profile)} has a selector without a namespace; every selector names one.`,
            nodes: [profile],
            fix: setNodeProps('Use the default namespace', profile, (props) => ({
              selectors: ((props.selectors as { namespace: string; labels: string }[] | undefined) ?? []).map((selector) =>
                selector.namespace.trim() === '' ? { ...selector, namespace: 'default' } : selector,
              ),
            })),
          }),
        );
      }
      return findings;
    });
  },
};
