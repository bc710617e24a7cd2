import { isEcsWorkload, isNodeOfKind, loadBalancerType, propsOf, type NodeOfKind } from '../../catalog';
import { SERVICE_SCALING_METRICS } from '../../catalog/kinds/service-auto-scaling';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const albRequestCountNeedsAlb: RuleDefinition = {
  id: 'alb-request-count-needs-alb',
  teaches: 'service-auto-scaling',
  category: 'Scaling',
  severity: 'error',
  title: 'Request-count scaling needs an Application Load Balancer',
  explanation:
    "The ALBRequestCountPerTarget metric is the request count of one Application Load Balancer target group, named in the policy's resource label. A service that is not registered with an ALB target group (no load balancer, a Network or Classic Load Balancer) has no such metric, and blue/green (CODE_DEPLOY) services swap target groups under the policy.",
  docUrl: 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html',
  check({ model }) {
    return model.nodesOfKind('service-auto-scaling').flatMap((scaling) => {
      const policies = propsOf(scaling).policies;
      const index = policies.findIndex((policy) => policy.type === 'target-tracking' && policy.metric === 'ALBRequestCountPerTarget');
      if (index < 0) return NONE;
      return model.edgesFrom(scaling.id, 'scales').flatMap((edge): Finding[] => {
        const service = model.node(edge.target);
        if (!isEcsWorkload(service)) return NONE;
        const albs = model.sources(service.id, 'routes-traffic').filter((source) => loadBalancerType(source) === 'application');
        let problem: string | undefined;
        if (albs.length === 0) problem = `${nodeName(service)} is not behind an Application Load Balancer`;
        else if (isNodeOfKind(service, 'ecs-service') && propsOf(service).deploymentController === 'CODE_DEPLOY')
          problem = `${nodeName(service)} uses blue/green deployments (CODE_DEPLOY), which swap its target groups`;
        if (!problem) return NONE;
        return [
          report(albRequestCountNeedsAlb, {
            message: `${nodeName(scaling)} tracks ALBRequestCountPerTarget, but ${problem}. Scale on CPU or memory instead.`,
            nodes: [scaling, service],
            edges: [edge],
            fix: replaceMetricFix(scaling),
          }),
        ];
      });
    });
  },
};

/** Switches request-count policies to a metric no other target tracking policy of the node uses, or removes them. */
function replaceMetricFix(scaling: NodeOfKind<'service-auto-scaling'>) {
  return setNodeProps('Scale on CPU or memory instead', scaling, (props) => {
    const used = new Set(props.policies.flatMap((policy) => (policy.type === 'target-tracking' ? [policy.metric] : [])));
    const next: typeof props.policies = [];
    for (const policy of props.policies) {
      if (policy.type !== 'target-tracking' || policy.metric !== 'ALBRequestCountPerTarget') {
        next.push(policy);
        continue;
      }
      const metric = SERVICE_SCALING_METRICS.find((candidate) => candidate !== 'ALBRequestCountPerTarget' && !used.has(candidate));
      if (!metric) continue;
      used.add(metric);
      next.push({ ...policy, metric, targetValue: 70 });
    }
    return { policies: next };
  });
}
