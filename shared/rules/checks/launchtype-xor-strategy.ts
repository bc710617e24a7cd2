import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';

export const launchtypeXorStrategy: RuleDefinition = {
  id: 'launchtype-xor-strategy',
  teaches: 'ecs-service',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'A launch type or a capacity provider strategy, not both',
  explanation:
    'A service or task names its compute either with a launch type (FARGATE, EC2, EXTERNAL) or with a capacity provider strategy. CreateService and RunTask reject requests that set both; with neither, the cluster default strategy applies.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-launchType',
  check({ model }) {
    const facts = factsOf(model);
    return facts.ecsWorkloads().flatMap((node) => {
      if (!facts.ecsCompute(node).launchTypeAndStrategy) return NONE;
      const props = taskProps(node);
      return [
        report(launchtypeXorStrategy, {
          message: `${nodeName(node)} sets both the launch type ${props.launchType} and a capacity provider strategy; ECS accepts only one of them.`,
          nodes: [node],
          fix: setNodeProps('Remove the launch type (keep the strategy)', node, { launchType: '' }),
        }),
      ];
    });
  },
};
