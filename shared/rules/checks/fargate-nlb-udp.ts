import { loadBalancerType } from '../../catalog';
import { isWindows } from '../../catalog/common';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { effectivePlatformVersion, platformAtLeast } from '../support/fargate';
import { setNodeProps } from '../support/fixes';
import { routeProps, routes } from '../support/routes';

export const fargateNlbUdp: RuleDefinition = {
  id: 'fargate-nlb-udp',
  category: 'Fargate',
  severity: 'error',
  title: 'UDP to Fargate needs platform version 1.4.0',
  explanation:
    'A Network Load Balancer can forward UDP to Linux tasks on Fargate only from platform version 1.4.0 (Windows tasks from 1.0.0).',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-types.html',
  check({ model }) {
    const facts = factsOf(model);
    return routes(model, 'ecs').flatMap((route) => {
      const { loadBalancer, edge, target } = route;
      const { protocol } = routeProps(route);
      if (loadBalancerType(loadBalancer) !== 'network' || (protocol !== 'UDP' && protocol !== 'TCP_UDP')) return NONE;
      const props = taskProps(target);
      if (isWindows(props.operatingSystemFamily) || !facts.ecsCompute(target).onFargate) return NONE;
      const platform = effectivePlatformVersion(props.platformVersion, props.operatingSystemFamily);
      if (platformAtLeast(platform, '1.4.0')) return NONE;
      return [
        report(fargateNlbUdp, {
          message: `${nodeName(loadBalancer)} forwards ${protocol} to ${nodeName(target)} on Fargate platform version ${platform}; UDP to Fargate tasks needs platform version 1.4.0 or later.`,
          nodes: [target, loadBalancer],
          edges: [edge],
          fix: setNodeProps('Use platform version LATEST (1.4.0)', target, { platformVersion: 'LATEST' }),
        }),
      ];
    });
  },
};
