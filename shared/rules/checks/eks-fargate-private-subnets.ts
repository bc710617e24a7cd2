import { listText, nodeName, quoted } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { removeEdgesFix } from '../support/fixes';
import { ownSubnets } from '../support/network';

export const eksFargatePrivateSubnets: RuleDefinition = {
  id: 'eks-fargate-private-subnets',
  teaches: 'eks-fargate-profile',
  category: 'EKS',
  severity: 'error',
  title: 'Fargate profiles use private subnets only',
  explanation:
    'Pods on EKS Fargate never get a public IP address, so a Fargate profile accepts only private subnets (subnets without a route to an internet gateway). CreateFargateProfile rejects public subnets. Pods reach the internet through a NAT gateway.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-profile.html',
  check({ model }) {
    return model.nodesOfKind('eks-fargate-profile').flatMap((profile) => {
      const publicSubnets = ownSubnets(model, profile.id).filter((subnet) => model.isPublicSubnet(subnet));
      if (publicSubnets.length === 0) return NONE;
      const edges = model.edgesFrom(profile.id, 'in-subnet').filter((edge) => publicSubnets.some((subnet) => subnet.id === edge.target));
      const removable = edges.length === publicSubnets.length && model.edgesFrom(profile.id, 'in-subnet').length > edges.length;
      return [
        report(eksFargatePrivateSubnets, {
          message: `${nodeName(profile)} uses public subnet${publicSubnets.length === 1 ? '' : 's'} ${listText(publicSubnets.map(quoted))}; Fargate profiles accept private subnets only.`,
          nodes: [profile, ...publicSubnets],
          edges,
          ...(removable
            ? {
                fix: removeEdgesFix(
                  'Remove the public subnets from the profile',
                  edges.map((edge) => edge.id),
                ),
              }
            : {}),
        }),
      ];
    });
  },
};
