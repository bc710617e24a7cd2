import type { StrategyItem } from '../../catalog/common';
import type { DiagramNode } from '../../document/schema';
import type { DiagramModel } from '../../model/diagram-model';
import { propsOf } from '../../catalog';
import {
  ecsClusterOf,
  ecsClusters,
  fargateCapacityOfCluster,
  isEcsCluster,
  isEcsEc2Capacity,
  resolveStrategy,
  type EcsCluster,
} from '../../model/compute';
import { nodeName } from '../support/describe';
import { NONE, report, type RuleDefinition } from '../support/define';
import { factsOf } from '../support/facts';
import { setNodeProps } from '../support/fixes';
import { setStrategy, type StrategyOwner } from '../support/strategy';
import type { Finding } from '../types';

export const strategyShape: RuleDefinition = {
  id: 'strategy-shape',
  teaches: 'ecs-service',
  category: 'Launch types and capacity',
  severity: 'error',
  title: 'A capacity provider strategy must be well formed',
  explanation:
    'In a capacity provider strategy at most one provider may have a base; when it lists several providers at least one needs a weight above 0; and every provider must be associated with the cluster: FARGATE and FARGATE_SPOT when the cluster enables them, Auto Scaling group capacity providers of that cluster only. ECS rejects other strategies.',
  docUrl: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  check({ model }) {
    const facts = factsOf(model);
    const findings: Finding[] = [];
    for (const cluster of ecsClusters(model)) {
      const items = propsOf(cluster).defaultCapacityProviderStrategy;
      findings.push(...checkStrategy(model, cluster, cluster, items));
    }
    for (const node of facts.ecsWorkloads()) {
      const items = propsOf(node).capacityProviderStrategy;
      findings.push(...checkStrategy(model, node, facts.ecsCompute(node).cluster, items));
    }
    return findings;
  },
};

function checkStrategy(
  model: DiagramModel,
  owner: StrategyOwner,
  cluster: EcsCluster | undefined,
  items: readonly StrategyItem[],
): Finding[] {
  if (items.length === 0) return NONE;
  const whose = isEcsCluster(owner)
    ? `The default capacity provider strategy of ${nodeName(owner)}`
    : `The capacity provider strategy of ${nodeName(owner)}`;
  const findings: Finding[] = [];
  const withBase = items.filter((item) => item.base > 0);
  if (withBase.length > 1) {
    const firstBase = withBase[0]!;
    findings.push(
      report(strategyShape, {
        message: `${whose} gives a base to ${withBase.length} providers (${withBase.map((item) => providerLabel(model, item.provider)).join(', ')}); only one provider may have a base.`,
        nodes: [owner],
        fix: setStrategy(`Keep the base on ${providerLabel(model, firstBase.provider)} only`, owner, (current) => {
          const keep = current.findIndex((item) => item.base > 0);
          return current.map((item, index) => (index === keep ? item : { ...item, base: 0 }));
        }),
      }),
    );
  }
  if (items.length > 1 && items.every((item) => item.weight === 0)) {
    findings.push(
      report(strategyShape, {
        message: `${whose} lists ${items.length} providers, all with weight 0, so ECS cannot place any task with it.`,
        nodes: [owner],
        fix: setStrategy('Give every provider weight 1', owner, (current) => current.map((item) => ({ ...item, weight: 1 }))),
      }),
    );
  }
  const resolved = resolveStrategy(model, cluster, items);
  const fargateCapacity = cluster ? fargateCapacityOfCluster(model, cluster) : undefined;
  const reported = new Set<string>();
  for (const item of resolved) {
    // A provider listed twice is reported once.
    if (reported.has(item.provider)) continue;
    reported.add(item.provider);
    if (item.ref.type === 'FARGATE' || item.ref.type === 'FARGATE_SPOT') {
      const flag = item.ref.type === 'FARGATE' ? 'fargate' : 'fargateSpot';
      if (!cluster || !fargateCapacity || propsOf(fargateCapacity)[flag]) continue;
      findings.push(
        report(strategyShape, {
          message: `${whose} uses ${item.provider}, but ${nodeName(fargateCapacity)} of ${nodeName(cluster)} does not enable that provider.`,
          nodes: [owner, fargateCapacity],
          fix: setNodeProps(`Enable ${item.provider} on the cluster`, fargateCapacity, { [flag]: true }),
        }),
      );
      continue;
    }
    if (item.ref.type !== 'unknown') continue;
    const capacity = model.node(item.provider);
    const without = (current: StrategyItem[]) => current.filter((candidate) => candidate.provider !== item.provider);
    if (isEcsEc2Capacity(capacity) && !propsOf(capacity).capacityProvider && sameCluster(model, capacity, cluster)) {
      findings.push(
        report(strategyShape, {
          message: `${whose} uses ${nodeName(capacity)}, which is not registered as a capacity provider.`,
          nodes: [owner, capacity],
          fix: setNodeProps('Register it as a capacity provider', capacity, { capacityProvider: true }),
        }),
      );
    } else if (isEcsEc2Capacity(capacity)) {
      const otherCluster = ecsClusterOf(model, capacity.id);
      findings.push(
        report(strategyShape, {
          message: `${whose} uses ${nodeName(capacity)}, which belongs to ${otherCluster ? nodeName(otherCluster) : 'no cluster'}${cluster ? `, not to ${nodeName(cluster)}` : ''}; a capacity provider serves only its own cluster.`,
          nodes: [owner, capacity],
          fix: setStrategy(`Remove ${capacity.label || capacity.id} from the strategy`, owner, without),
        }),
      );
    } else {
      findings.push(
        report(strategyShape, {
          message: `${whose} uses "${item.provider}", which is not a capacity provider of ${cluster ? nodeName(cluster) : 'its cluster'} (FARGATE, FARGATE_SPOT or an EC2 capacity registered as a capacity provider).`,
          nodes: [owner],
          fix: setStrategy(`Remove "${item.provider}" from the strategy`, owner, without),
        }),
      );
    }
  }
  return findings;
}

function sameCluster(model: DiagramModel, capacity: DiagramNode, cluster: DiagramNode | undefined): boolean {
  return !cluster || ecsClusterOf(model, capacity.id)?.id === cluster.id;
}

/** FARGATE as is; an EC2 capacity node id by its label. */
function providerLabel(model: DiagramModel, provider: string): string {
  const node = model.node(provider);
  return node ? nodeName(node) : provider;
}
