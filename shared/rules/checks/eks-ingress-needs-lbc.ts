import { kubernetesClusterOf } from '../../model/compute';
import { loadBalancerType, propsOf } from '../../catalog';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';
import { routes } from '../support/routes';

export const eksIngressNeedsLbc: RuleDefinition = {
  id: 'eks-ingress-needs-lbc',
  teaches: 'eks-cluster',
  category: 'EKS',
  severity: 'error',
  title: 'ALBs for Kubernetes come from the AWS Load Balancer Controller',
  explanation:
    'Kubernetes creates an Application Load Balancer for an Ingress only through the AWS Load Balancer Controller; without it an Ingress gets no load balancer.',
  docUrl: 'https://docs.aws.amazon.com/eks/latest/userguide/alb-ingress.html',
  check({ model }) {
    return routes(model, 'kubernetes').flatMap(({ loadBalancer, edge, target }) => {
      if (loadBalancerType(loadBalancer) !== 'application') return NONE;
      const cluster = kubernetesClusterOf(model, target.id);
      if (!cluster || propsOf(cluster).awsLoadBalancerController) return NONE;
      return [
        report(eksIngressNeedsLbc, {
          message: `${nodeName(loadBalancer)} routes to ${nodeName(target)}, but ${nodeName(cluster)} has no AWS Load Balancer Controller to create an ALB for it.`,
          nodes: [target, loadBalancer, cluster],
          edges: [edge],
          fix: setNodeProps('Install the AWS Load Balancer Controller', cluster, { awsLoadBalancerController: true }),
        }),
      ];
    });
  },
};
