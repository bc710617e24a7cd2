import { loadBalancerKind, loadBalancerType } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { replaceKindFix, setNodeProps } from '../support/fixes';
import { routes } from '../support/routes';

export const clbAwsvpc: RuleDefinition = {
  id: 'clb-awsvpc',
  teaches: 'clb',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'A Classic Load Balancer cannot target awsvpc tasks',
  explanation:
    'A Classic Load Balancer registers EC2 instances, not IP addresses. Tasks in the awsvpc network mode have their own network interface and can only be registered by IP, so a Classic Load Balancer cannot route to them, and every Fargate task uses awsvpc. Use an Application or Network Load Balancer with IP targets, or run the tasks on EC2 in bridge or host mode.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-types.html',
  check({ model }) {
    const facts = factsOf(model);
    return routes(model, 'ecs').flatMap(({ loadBalancer, edge, target }) => {
      if (loadBalancerType(loadBalancer) !== 'classic') return NONE;
      const onFargate = facts.ecsCompute(target).onFargate;
      if (taskProps(target).networkMode !== 'awsvpc' && !onFargate) return NONE;
      return [
        report(clbAwsvpc, {
          message: onFargate
            ? `${nodeName(loadBalancer)} routes to ${nodeName(target)}, which runs on Fargate; a Classic Load Balancer registers EC2 instances and cannot reach Fargate tasks. Use an Application or Network Load Balancer with IP targets.`
            : `${nodeName(loadBalancer)} routes to ${nodeName(target)}, whose tasks use the awsvpc network mode; a Classic Load Balancer registers EC2 instances and cannot reach them. Use an Application or Network Load Balancer with IP targets, or bridge mode.`,
          nodes: [target, loadBalancer],
          edges: [edge],
          ...(onFargate
            ? { fix: replaceKindFix('Replace with an Application Load Balancer', loadBalancer.id, loadBalancerKind('application')) }
            : {
                fix: setNodeProps('Use bridge mode with a static host port', target, {
                  networkMode: 'bridge',
                  hostPort: taskProps(target).containerPort,
                }),
              }),
        }),
      ];
    });
  },
};
