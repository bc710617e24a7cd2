import type { KindDefinition } from '../../../shared/catalog';
import { useServices } from '../app/services';

/** A kind's learn card: what it is, when to choose it, and its AWS documentation, from the catalog entry. */
export function LearnCard({ kind, id }: { kind: KindDefinition; id?: string }) {
  const { host } = useServices();
  return (
    <div className="stowage-learn" id={id} data-testid={`learn-${kind.id}`}>
      <p>
        <strong>What it is.</strong> {kind.learn.what}
      </p>
      <p>
        <strong>When to choose it.</strong> {kind.learn.when}
      </p>
      <button
        type="button"
        className="stowage-learn__docs"
        title={kind.docsUrl}
        onClick={() => void host.openExternal({ url: kind.docsUrl })}
      >
        AWS documentation ↗
      </button>
    </div>
  );
}
