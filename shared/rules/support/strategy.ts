import type { StrategyItem } from '../../catalog/common';

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
