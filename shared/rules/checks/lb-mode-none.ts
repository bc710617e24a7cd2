import { loadBalancerType } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setNodeProps } from '../support/fixes';
import { routes } from '../support/routes';

export const lbModeNone: RuleDefinition = {
  id: 'lb-mode-none',
  teaches: 'ecs-service',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'Tasks without networking cannot be load balanced',
  explanation:
    'In the none network mode the containers have no external network connectivity and no port mappings, so there is nothing a load balancer could register or send traffic to.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode',
  check({ model }) {
    const facts = factsOf(model);
    return routes(model, 'ecs').flatMap(({ loadBalancer, edge, target }) => {
      if (taskProps(target).networkMode !== 'none') return NONE;
      const mode = loadBalancerType(loadBalancer) === 'classic' && !facts.ecsCompute(target).onFargate ? 'bridge' : 'awsvpc';
      return [
        report(lbModeNone, {
          message: `${nodeName(loadBalancer)} routes to ${nodeName(target)}, whose tasks use the none network mode and so cannot receive traffic.`,
          nodes: [target, loadBalancer],
          edges: [edge],
          fix: setNodeProps(`Use the ${mode} network mode`, target, { networkMode: mode, hostPort: 0 }),
        }),
      ];
    });
  },
};
