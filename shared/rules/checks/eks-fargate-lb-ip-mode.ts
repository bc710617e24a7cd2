import { loadBalancerType, propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { setEdgeProps, setNodeProps } from '../support/fixes';
import { routeProps, routes } from '../support/routes';
import type { Finding } from '../types';

export const eksFargateLbIpMode: RuleDefinition = {
  id: 'eks-fargate-lb-ip-mode',
  teaches: 'eks-fargate-profile',
  category: 'EKS',
  severity: 'error',
  title: 'Load balancers reach EKS Fargate pods by IP',
  explanation:
    'Pods on Fargate have no node, so there is no NodePort for an instance target or a Classic Load Balancer to use. Use an Application or Network Load Balancer with IP targets, which only the AWS Load Balancer Controller creates (the in-tree controller makes Classic or instance-mode load balancers).',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html',
  check({ model }) {
    const facts = factsOf(model);
    return routes(model, 'kubernetes').flatMap((route): Finding[] => {
      const { loadBalancer, edge, target } = route;
      const compute = facts.eksCompute(target);
      if (!compute.onFargate) return NONE;
      if (loadBalancerType(loadBalancer) === 'classic') {
        return [
          report(eksFargateLbIpMode, {
            message: `${nodeName(loadBalancer)} routes to ${nodeName(target)}, which runs on Fargate; a Classic Load Balancer needs nodes and cannot reach Fargate pods. Use an ALB or NLB in IP mode.`,
            nodes: [target, loadBalancer],
            edges: [edge],
          }),
        ];
      }
      const props = routeProps(route);
      if ('targetType' in props && props.targetType === 'instance') {
        return [
          report(eksFargateLbIpMode, {
            message: `${nodeName(loadBalancer)} routes to ${nodeName(target)} with instance targets, but the pods run on Fargate and have no node; use IP targets.`,
            nodes: [target, loadBalancer],
            edges: [edge],
            fix: setEdgeProps('Use target type ip', { edge, source: loadBalancer, relation: 'routes-traffic' }, { targetType: 'ip' }),
          }),
        ];
      }
      // ALBs without the controller are reported by eks-ingress-needs-lbc.
      if (loadBalancerType(loadBalancer) === 'network' && compute.cluster && !propsOf(compute.cluster).awsLoadBalancerController) {
        return [
          report(eksFargateLbIpMode, {
            message: `${nodeName(loadBalancer)} routes to ${nodeName(target)} on Fargate, but ${nodeName(compute.cluster)} has no AWS Load Balancer Controller, the only controller that creates NLBs with IP targets.`,
            nodes: [target, loadBalancer, compute.cluster],
            edges: [edge],
            fix: setNodeProps('Install the AWS Load Balancer Controller', compute.cluster, { awsLoadBalancerController: true }),
          }),
        ];
      }
      return NONE;
    });
  },
};
