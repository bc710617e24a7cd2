import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { routes } from '../support/routes';

export const lbVpcMismatch: RuleDefinition = {
  id: 'lb-vpc-mismatch',
  teaches: 'alb',
  category: 'Networking and load balancing',
  severity: 'error',
  title: 'Load balancer and targets share a VPC',
  explanation:
    'A target group belongs to one VPC, and a load balancer can only forward to target groups of its own VPC. Tasks or pods in another VPC cannot be registered behind it, even when the VPCs are peered.',
  docUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html',
  check({ model }) {
    return routes(model).flatMap(({ loadBalancer, edge, target }) => {
      const lbVpc = model.vpcOf(loadBalancer.id);
      const targetVpc = model.vpcOf(target.id);
      if (!lbVpc || !targetVpc || lbVpc.id === targetVpc.id) return NONE;
      return [
        report(lbVpcMismatch, {
          message: `${nodeName(loadBalancer)} is in ${nodeName(lbVpc)} but routes to ${nodeName(target)} in ${nodeName(targetVpc)}; a load balancer can only reach targets in its own VPC.`,
          nodes: [loadBalancer, target, lbVpc, targetVpc],
          edges: [edge],
        }),
      ];
    });
  },
};
