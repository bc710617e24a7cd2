import { isLoadBalancer, networkKinds, propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';

const INTERNET_KINDS = networkKinds('internet');

export const internetToInternalLb: RuleDefinition = {
  id: 'internet-to-internal-lb',
  teaches: 'alb',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'Requests from the internet reach internet-facing load balancers',
  explanation:
    'An internal load balancer has only private addresses and a DNS name that resolves to them, so clients on the internet cannot reach it. A load balancer that users on the internet call must have the internet-facing scheme (and sit in public subnets).',
  docUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#load-balancer-scheme',
  check({ model }) {
    return INTERNET_KINDS.flatMap((kind) =>
      model.nodesOfKind(kind).flatMap((users) =>
        model.edgesFrom(users.id, 'sends-requests').flatMap((edge) => {
          const target = model.node(edge.target);
          if (!isLoadBalancer(target)) return [];
          if (propsOf(target).scheme !== 'internal') return [];
          return [
            report(internetToInternalLb, {
              message: `${nodeName(users)} send requests to ${nodeName(target)}, but it is internal: only clients inside the VPC (or connected networks) can reach it. Make it internet-facing, or connect the users to an internet-facing load balancer.`,
              nodes: [target, users],
              edges: [edge],
              fix: setNodeProps(`Make ${nodeName(target)} internet-facing`, target, { scheme: 'internet-facing' }),
            }),
          ];
        }),
      ),
    );
  },
};
