import { useStore } from 'zustand';
import { useServices } from '../app/services';
import { overlayKey } from './simulation-store';

const FLAG_TEXT = {
  'at-max': 'at its maximum',
  pending: 'tasks pending: no capacity',
  'request-target-exceeded': 'ALB requests per target above the target',
  overloaded: 'more requests than its tasks serve',
} as const;

/** The live task or instance count on a card while the Simulate panel plays; nothing otherwise. */
export function SimulationBadge({ nodeId }: { nodeId: string }) {
  const { simulation } = useServices();
  // A string, so the card re-renders only when its own count or flag changes.
  const key = useStore(simulation, (state) => overlayKey(state, nodeId));
  if (key === undefined) return null;
  const [flag, text] = key.split('|') as [keyof typeof FLAG_TEXT | '', string];
  const title = flag ? `${text}: ${FLAG_TEXT[flag]}` : text;
  return (
    <div className={`stowage-sim-count${flag ? ` is-${flag}` : ''}`} data-testid={`sim-count-${nodeId}`} title={title}>
      {text}
      {flag && <span className="stowage-sim-count__flag"> ⚑</span>}
    </div>
  );
}
