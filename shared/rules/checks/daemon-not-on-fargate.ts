import { propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { setNodeProps } from '../support/fixes';

export const daemonNotOnFargate: RuleDefinition = {
  id: 'daemon-not-on-fargate',
  teaches: 'ecs-fargate-capacity',
  category: 'Fargate',
  severity: 'error',
  title: 'Daemon services need EC2 instances',
  explanation:
    'The DAEMON scheduling strategy runs one task on every container instance of the cluster. Fargate has no container instances, so Fargate tasks support only the REPLICA strategy.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html',
  check({ model }) {
    const facts = factsOf(model);
    return model.nodesOfKind('ecs-service').flatMap((node) => {
      if (propsOf(node).schedulingStrategy !== 'DAEMON') return NONE;
      const compute = facts.ecsCompute(node);
      // A strategy (explicit or the cluster default) is already refused for daemon services by daemon-deployment.
      if (!compute.onFargate || compute.source === 'strategy' || compute.source === 'cluster-default') return NONE;
      return [
        report(daemonNotOnFargate, {
          message: `${nodeName(node)} uses the DAEMON scheduling strategy on Fargate; daemon services run one task per EC2 container instance, which Fargate does not have.`,
          nodes: [node],
          fix: setNodeProps('Use the REPLICA scheduling strategy', node, { schedulingStrategy: 'REPLICA' }),
        }),
      ];
    });
  },
};
