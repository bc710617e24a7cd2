import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { setNodeProps } from '../support/fixes';
import { describePullProblems, describeSources } from '../support/network';
import { pullFailures } from '../support/pull';

export const fargateImageEgress: RuleDefinition = {
  id: 'fargate-image-egress',
  teaches: 'nat-gateway',
  category: 'Fargate',
  severity: 'warning',
  title: 'Fargate tasks need a network path to their image',
  explanation:
    'A Fargate task pulls its image through its own network interface. In a public subnet it needs a public IP (assignPublicIp), because the internet gateway only serves addresses that have one. In a private subnet it needs a NAT gateway, or, for images in ECR, the VPC endpoints ecr.api and ecr.dkr plus the S3 gateway endpoint (images from Docker Hub always need the internet). Without a path the task stops with CannotPullContainerError.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      if (!facts.ecsCompute(node).onFargate) return NONE;
      return pullFailures(model, node, (puller) => puller === 'fargate-task').map((failure) => {
        const publicOnly = failure.problems.every((problem) => problem.reason === 'public-without-ip');
        return report(fargateImageEgress, {
          message: `${nodeName(node)} runs on Fargate in ${describePullProblems(failure.problems)}, so it cannot pull ${describeSources(failure.blocked)}.`,
          nodes: [node, ...failure.problems.map((problem) => problem.subnet), ...failure.blocked.map((source) => source.node)],
          ...(publicOnly ? { fix: setNodeProps('Assign a public IP to the tasks', node, { assignPublicIp: true }) } : {}),
        });
      });
    });
  },
};
