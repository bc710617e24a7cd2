import type { ProviderShare } from './topology';

/**
 * How many of `count` tasks each provider of a capacity provider strategy runs: each provider's
 * base first, in order, then the rest in proportion to the weights
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html#capacity-providers-strategy).
 * Remainders go to the providers with the largest fractional share, the first on a tie, so the
 * split is deterministic and always adds up to `count`.
 */
export function splitByStrategy(count: number, shares: readonly ProviderShare[]): number[] {
  const result = shares.map(() => 0);
  if (shares.length === 0) return result;
  let left = count;
  shares.forEach((share, index) => {
    const base = Math.min(share.base, left);
    result[index] = base;
    left -= base;
  });
  if (left === 0) return result;
  const totalWeight = shares.reduce((sum, share) => sum + share.weight, 0);
  if (totalWeight === 0) {
    result[0]! += left;
    return result;
  }
  const exact = shares.map((share) => (left * share.weight) / totalWeight);
  const floors = exact.map(Math.floor);
  floors.forEach((value, index) => (result[index]! += value));
  let remainder = left - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder === 0) break;
    result[index]! += 1;
    remainder--;
  }
  return result;
}
