import { loadBalancerType } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { setEdgeProps } from '../support/fixes';
import { routeProps, routes } from '../support/routes';

export const tgTypeMismatch: RuleDefinition = {
  id: 'tg-type-mismatch',
  teaches: 'alb',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'The target type must match the network mode',
  explanation:
    'Tasks in the awsvpc network mode (all Fargate tasks) are registered with a target group by IP address, so the target group needs the ip target type. Tasks in bridge or host mode are registered as the EC2 instance plus a port, so the target group needs the instance target type. ECS rejects the other combinations. The target type "auto" picks the right one.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html',
  check({ model }) {
    const facts = factsOf(model);
    return routes(model, 'ecs').flatMap((route) => {
      const { loadBalancer, edge, target } = route;
      const props = routeProps(route);
      // Classic Load Balancers register instances and have no target type.
      const targetType = 'targetType' in props ? props.targetType : undefined;
      if (loadBalancerType(loadBalancer) === 'classic' || targetType === undefined || targetType === 'auto') return NONE;
      const mode = taskProps(target).networkMode;
      const onFargate = facts.ecsCompute(target).onFargate;
      if (mode === 'none' && !onFargate) return NONE;
      const expected = mode === 'awsvpc' || onFargate ? 'ip' : 'instance';
      if (targetType === expected) return NONE;
      const why = onFargate ? 'runs on Fargate (awsvpc)' : `uses the ${mode} network mode`;
      return [
        report(tgTypeMismatch, {
          message: `${nodeName(loadBalancer)} routes to ${nodeName(target)} with target type ${targetType}, but the service ${why}, which needs target type ${expected}.`,
          nodes: [target, loadBalancer],
          edges: [edge],
          fix: setEdgeProps(
            `Use target type ${expected}`,
            { edge, source: loadBalancer, relation: 'routes-traffic' },
            { targetType: expected },
          ),
        }),
      ];
    });
  },
};
