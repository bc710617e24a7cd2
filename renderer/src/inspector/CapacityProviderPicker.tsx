import { isAsgCapacityProvider, isEcsCluster } from '../../../shared/model/compute';
import { useId } from 'react';
import { FARGATE_PROVIDERS } from '../../../shared/catalog/common';
import type { DiagramNode, DocumentIndex } from '../../../shared/document';

/**
 * Picks a capacity provider for a strategy item: FARGATE, FARGATE_SPOT, or one of the EC2
 * capacity groups registered as capacity providers in the same cluster (stored by node id).
 */
export function CapacityProviderPicker({
  node,
  index,
  value,
  onCommit,
}: {
  node: DiagramNode;
  index: DocumentIndex;
  value: string;
  onCommit: (value: unknown) => string | undefined;
}) {
  const id = useId();
  const cluster = isEcsCluster(node) ? node : index.ancestors(node.id).find((ancestor) => isEcsCluster(ancestor));
  const asgProviders = cluster ? index.descendants(cluster.id).filter((candidate) => isAsgCapacityProvider(candidate)) : [];
  const known = new Set<string>([...FARGATE_PROVIDERS, ...asgProviders.map((provider) => provider.id)]);
  return (
    <select id={id} value={value} onChange={(event) => onCommit(event.target.value)} data-field="provider" aria-label="Capacity provider">
      {FARGATE_PROVIDERS.map((provider) => (
        <option key={provider} value={provider}>
          {provider}
        </option>
      ))}
      {asgProviders.map((provider) => (
        <option key={provider.id} value={provider.id}>
          {provider.label} (Auto Scaling group)
        </option>
      ))}
      {!known.has(value) && <option value={value}>{value} (not in this cluster)</option>}
    </select>
  );
}
