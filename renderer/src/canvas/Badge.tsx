import type { BadgeInfo } from './flow-types';

const SYMBOL: Record<BadgeInfo['severity'], string> = { error: '!', warning: '!', info: 'i' };

/** Validation badge on a node or edge; the details show on hover. */
export function Badge({ badge }: { badge: BadgeInfo }) {
  return (
    <div
      className={`stowage-badge stowage-badge--${badge.severity}`}
      title={badge.messages.join('\n')}
      aria-label={`${badge.count} ${badge.severity}${badge.count === 1 ? '' : 's'}: ${badge.messages.join(' ')}`}
      role="img"
    >
      {badge.count > 1 ? badge.count : SYMBOL[badge.severity]}
    </div>
  );
}
