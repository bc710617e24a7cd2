import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { findKind } from '../../../shared/catalog';
import type { DiagramNode } from '../../../shared/document';
import { sameCardProps, type ComponentFlowNode } from './flow-types';
import { NodeHandles } from './NodeHandles';

/**
 * Stands for a node a newer Stowage wrote that this version cannot read (an unknown kind, or
 * props of a newer kind version): its label where it was drawn, clearly marked, selectable
 * but not editable. The diagram it is in is read-only.
 */
export const PlaceholderNode = memo(function PlaceholderNode({ data, selected }: NodeProps<ComponentFlowNode>) {
  const { node } = data;
  return (
    <div
      className={`stowage-node stowage-placeholder${selected ? ' is-selected' : ''}`}
      data-kind={node.kind}
      data-testid={`node-${node.id}`}
      title={placeholderTitle(node)}
    >
      <span className="stowage-placeholder__mark" aria-hidden="true">
        ?
      </span>
      <div className="stowage-node__text">
        <div className="stowage-node__label">{node.label || <span className="is-placeholder">{node.kind}</span>}</div>
        <div className="stowage-node__summary">{placeholderSubtitle(node)}</div>
      </div>
      <NodeHandles />
    </div>
  );
}, sameCardProps);

/** The same for a group: a dashed box with the label, holding whatever the newer version put in it. */
export const PlaceholderGroupNode = memo(function PlaceholderGroupNode({ data, selected }: NodeProps<ComponentFlowNode>) {
  const { node } = data;
  return (
    <div
      className={`stowage-group stowage-placeholder-group${selected ? ' is-selected' : ''}`}
      data-kind={node.kind}
      data-testid={`node-${node.id}`}
      title={placeholderTitle(node)}
    >
      <div className="stowage-group__header">
        <span className="stowage-placeholder__mark is-small" aria-hidden="true">
          ?
        </span>
        <span className="stowage-group__label">{node.label || node.kind}</span>
        <span className="stowage-group__summary">{placeholderSubtitle(node)}</span>
      </div>
      <NodeHandles />
    </div>
  );
}, sameCardProps);

/** "Unknown kind apprunner-service" or "ECS service, newer version". */
export function placeholderSubtitle(node: DiagramNode): string {
  const kind = findKind(node.kind);
  return kind ? `${kind.label}, newer version` : `Unknown kind ${node.kind}`;
}

function placeholderTitle(node: DiagramNode): string {
  return `${node.label || node.kind}: ${placeholderSubtitle(node)}. Saved by a newer version of Stowage; this version shows it but cannot read or change it.`;
}
