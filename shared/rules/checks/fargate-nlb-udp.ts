import { loadBalancerType } from '../../catalog';
import { isWindows } from '../../catalog/common';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf, taskProps } from '../support/facts';
import { effectivePlatformVersion, platformAtLeast, useLatestPlatformFix, type PlatformVersion } from '../support/fargate';
import { routeProps, routes } from '../support/routes';

/** The first platform version on which Linux Fargate tasks take UDP from a Network Load Balancer. */
const NEEDED: PlatformVersion = '1.4.0';

export const fargateNlbUdp: RuleDefinition = {
  id: 'fargate-nlb-udp',
  teaches: 'nlb',
  category: 'Fargate',
  severity: 'error',
  title: `UDP to Fargate needs platform version ${NEEDED}`,
  explanation: `A Network Load Balancer can forward UDP to Linux tasks on Fargate only from platform version ${NEEDED} (Windows tasks from 1.0.0).`,
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
      if (platformAtLeast(platform, NEEDED)) return NONE;
      return [
        report(fargateNlbUdp, {
          message: `${nodeName(loadBalancer)} forwards ${protocol} to ${nodeName(target)} on Fargate platform version ${platform}; UDP to Fargate tasks needs platform version ${NEEDED} or later.`,
          nodes: [target, loadBalancer],
          edges: [edge],
          fix: useLatestPlatformFix(target),
        }),
      ];
    });
  },
};
