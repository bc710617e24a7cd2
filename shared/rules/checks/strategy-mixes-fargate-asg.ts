import { propsOf } from '../../catalog';
import { ecsClusters } from '../../model/compute';
import type { DiagramNode } from '../../document/schema';
import { resolveStrategy, type ResolvedStrategyItem } from '../../model/compute';
import { listNodes, listText, nodeName } from '../support/describe';
import { report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { isFargateProvider, setStrategy, type StrategyOwner } from '../support/strategy';
import type { Finding } from '../types';

export const strategyMixesFargateAsg: RuleDefinition = {
  id: 'strategy-mixes-fargate-asg',
  teaches: 'ecs-fargate-capacity',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'One strategy cannot mix Fargate and Auto Scaling group providers',
  explanation:
    'A capacity provider strategy may contain FARGATE and FARGATE_SPOT, or Auto Scaling group capacity providers, but not both kinds. The cluster itself may hold both kinds of capacity; each service or task, and the cluster default strategy, picks one kind.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html',
  check({ model }) {
    const facts = factsOf(model);
    const findings: Finding[] = [];
    for (const cluster of ecsClusters(model)) {
      const items = propsOf(cluster).defaultCapacityProviderStrategy;
      const finding = mixed(
        cluster,
        resolveStrategy(model, cluster, items),
        `The default capacity provider strategy of ${nodeName(cluster)}`,
        true,
      );
      if (finding) findings.push(finding);
    }
    for (const node of facts.ecsWorkloads()) {
      const compute = facts.ecsCompute(node);
      if (compute.source === 'strategy') {
        const finding = mixed(node, compute.strategy, `The capacity provider strategy of ${nodeName(node)}`, true);
        if (finding) findings.push(finding);
      } else if (compute.source === 'placement' && compute.placements.length > 1) {
        const finding = mixed(
          node,
          compute.strategy,
          `${nodeName(node)}, drawn on ${listNodes(compute.placements)},`,
          false,
          compute.placements,
        );
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

function mixed(
  owner: StrategyOwner,
  strategy: readonly ResolvedStrategyItem[],
  subject: string,
  fixable: boolean,
  extraNodes: readonly DiagramNode[] = [],
): Finding | undefined {
  const fargate = strategy.filter((item) => item.ref.type === 'FARGATE' || item.ref.type === 'FARGATE_SPOT');
  const asg = strategy.filter((item) => item.ref.type === 'asg');
  if (fargate.length === 0 || asg.length === 0) return undefined;
  const asgNodes = asg.flatMap((item) => (item.ref.type === 'asg' ? [item.ref.capacity] : []));
  const keepFargate = strategy[0]?.ref.type !== 'asg';
  return report(strategyMixesFargateAsg, {
    message: `${subject} mixes ${listText([...new Set(fargate.map((item) => item.provider))])} with the Auto Scaling group capacity ${listNodes(asgNodes)}; one strategy can use Fargate or Auto Scaling group providers, not both.`,
    nodes: [owner, ...extraNodes, ...asgNodes],
    ...(fixable
      ? {
          fix: setStrategy(keepFargate ? 'Keep only the Fargate providers' : 'Keep only the Auto Scaling group providers', owner, (items) =>
            items.filter((item) => isFargateProvider(item.provider) === keepFargate),
          ),
        }
      : {}),
  });
}
