import { scalersOf } from '../support/facts';
import { isNodeOfKind, propsOf } from '../../catalog';
import { listNodes, nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { setNodeProps } from '../support/fixes';
import type { Finding } from '../types';

export const duplicateTargetTrackingMetric: RuleDefinition = {
  id: 'duplicate-target-tracking-metric',
  teaches: 'service-auto-scaling',
  category: 'Scaling',
  severity: 'warning',
  title: 'One target tracking policy per metric',
  explanation:
    'Several target tracking policies on one service work together when each tracks a different metric: the service scales out when any policy asks for it and scales in only when all agree. Two policies on the same metric fight over the same signal, and AWS advises against it.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html',
  check({ model }) {
    return model.nodesOfKind('ecs-service').flatMap((service) => {
      // Target tracking policies of Application Auto Scaling, the service's own scaling.
      const scalings = scalersOf(model, service.id).filter((node) => isNodeOfKind(node, 'service-auto-scaling'));
      if (scalings.length === 0 || (scalings.length === 1 && propsOf(scalings[0]!).policies.length < 2)) return NONE;
      const byMetric = new Map<string, { scaling: (typeof scalings)[number]; index: number }[]>();
      for (const scaling of scalings) {
        propsOf(scaling).policies.forEach((policy, index) => {
          if (policy.type !== 'target-tracking' || !policy.metric) return;
          const list = byMetric.get(policy.metric);
          if (list) list.push({ scaling, index });
          else byMetric.set(policy.metric, [{ scaling, index }]);
        });
      }
      return [...byMetric.entries()].flatMap(([metric, entries]): Finding[] => {
        if (entries.length < 2) return NONE;
        const scalings = [...new Set(entries.map((entry) => entry.scaling))];
        const duplicate = entries.slice(1).find((entry) => entry.scaling === entries[0]!.scaling) ?? entries[1]!;
        return [
          report(duplicateTargetTrackingMetric, {
            message: `${nodeName(service)} has ${entries.length} target tracking policies on ${metric} (in ${listNodes(scalings)}); use one policy per metric.`,
            nodes: [service, ...scalings],
            fix: setNodeProps(`Remove the extra ${metric} policy`, duplicate.scaling, (props) => {
              const { policies } = props;
              // Drop the last policy on this metric, wherever the user has moved it since.
              const last = policies.map((policy) => policy.type === 'target-tracking' && policy.metric === metric).lastIndexOf(true);
              return { policies: policies.filter((_, index) => index !== last) };
            }),
          }),
        ];
      });
    });
  },
};
