import type { StrategyItem } from '../../catalog/common';
import { isEcsCluster, type EcsCluster } from '../../model/compute';
import type { QuickFix } from '../types';
import type { EcsWorkload } from './facts';
import { setNodeProps } from './fixes';

/** Strategy items as stored in props (drops the resolved refs of EcsCompute items). */
export function plainItems(items: readonly StrategyItem[]): StrategyItem[] {
  return items.map(({ provider, base, weight }) => ({ provider, base, weight }));
}

/**
 * Replaces FARGATE_SPOT with FARGATE, merging with an existing FARGATE item (weights add
 * up, the larger base is kept), for platforms Fargate Spot does not serve.
 */
export function withoutFargateSpot(items: readonly StrategyItem[]): StrategyItem[] {
  const result: StrategyItem[] = [];
  for (const item of plainItems(items)) {
    const provider = item.provider === 'FARGATE_SPOT' ? 'FARGATE' : item.provider;
    const existing = result.find((candidate) => candidate.provider === provider);
    if (existing) {
      existing.weight = Math.min(1000, existing.weight + item.weight);
      existing.base = Math.max(existing.base, item.base);
    } else result.push({ ...item, provider });
  }
  return result;
}

export function isFargateProvider(name: string): boolean {
  return name === 'FARGATE' || name === 'FARGATE_SPOT';
}

/** Who a strategy belongs to: a cluster (its default strategy) or an ECS service or task. */
export type StrategyOwner = EcsCluster | EcsWorkload;

/** Rewrites the strategy of `owner` (a cluster's default strategy, or a workload's own), as stored in its props. */
export function setStrategy(label: string, owner: StrategyOwner, change: (items: StrategyItem[]) => StrategyItem[]): QuickFix {
  if (isEcsCluster(owner)) {
    return setNodeProps(label, owner, (props) => ({
      defaultCapacityProviderStrategy: change(plainItems(props.defaultCapacityProviderStrategy)),
    }));
  }
  return setNodeProps(label, owner, (props) => ({ capacityProviderStrategy: change(plainItems(props.capacityProviderStrategy)) }));
}
