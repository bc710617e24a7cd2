import { capacityCompute, platformOf } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { combineFixes, setNodeProps } from '../support/fixes';
import { describePullProblems, describeSources } from '../support/network';
import { pullFailures } from '../support/pull';
import { factsOf } from '../support/facts';

export const privateSubnetEgress: RuleDefinition = {
  id: 'private-subnet-egress',
  teaches: 'nat-gateway',
  category: 'Registries and egress',
  severity: 'warning',
  title: 'Instances and pods need a network path to the registry',
  explanation:
    'On EC2 capacity and Kubernetes nodes the instance pulls the image; pods on EKS Fargate pull through their own interface. In a private subnet that needs a NAT gateway, or, for ECR images, the ecr.api and ecr.dkr interface endpoints plus the S3 gateway endpoint; Docker Hub images always need the internet. In a public subnet the instance needs a public IP, which it gets only when the subnet auto-assigns one. (ECS tasks on Fargate are covered by fargate-image-egress.)',
  docUrl: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.workloads().flatMap((node) =>
      pullFailures(model, node, (puller) => puller !== 'fargate-task').flatMap((failure) => {
        const puller = failure.puller as DiagramNode;
        // Fargate profiles in public subnets are an error of their own (eks-fargate-private-subnets).
        const compute = capacityCompute(puller);
        if (compute === 'fargate' && failure.problems.some((problem) => problem.reason === 'public-without-ip')) return NONE;
        const who = compute === 'fargate' ? 'pods' : platformOf(puller) === 'ecs' ? 'instances' : 'nodes';
        const publicOnly = failure.problems.every((problem) => problem.reason === 'public-without-ip');
        const subnets = failure.problems.map((problem) => problem.subnet);
        return [
          report(privateSubnetEgress, {
            message: `${nodeName(node)} runs on ${nodeName(puller)}, whose ${who} are in ${describePullProblems(failure.problems)}, so they cannot pull ${describeSources(failure.blocked)}.`,
            nodes: [node, puller, ...subnets, ...failure.blocked.map((source) => source.node)],
            ...(publicOnly
              ? {
                  fix: combineFixes(
                    subnets.length === 1 ? 'Auto-assign public IPs in the subnet' : 'Auto-assign public IPs in the subnets',
                    subnets.map((subnet) => setNodeProps('Auto-assign public IPs', subnet, { mapPublicIpOnLaunch: true })),
                  ),
                }
              : {}),
          }),
        ];
      }),
    );
  },
};
