import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { findKind, iconOf, summaryOf } from '../../../shared/catalog';
import { Badge } from './Badge';
import { sameCardProps, type ComponentFlowNode } from './flow-types';
import { iconUrl } from './icons';
import { NodeHandles } from './NodeHandles';
import { SimulationBadge } from '../simulation/SimulationBadge';

/** A leaf component: icon, label and a one-line summary of its important properties. */
export const ComponentNode = memo(function ComponentNode({ data, selected }: NodeProps<ComponentFlowNode>) {
  const { node, badge } = data;
  const kind = findKind(node.kind);
  if (!kind) return null;
  const summary = summaryOf(kind, node.props);
  return (
    <div
      className={`stowage-node${selected ? ' is-selected' : ''}${badge ? ` has-${badge.severity}` : ''}`}
      data-kind={node.kind}
      data-testid={`node-${node.id}`}
      title={`${kind.label}: ${node.label}`}
    >
      <img className="stowage-node__icon" src={iconUrl(iconOf(kind, node.props))} alt="" draggable={false} />
      <div className="stowage-node__text">
        <div className="stowage-node__label">{node.label || <span className="is-placeholder">{kind.label}</span>}</div>
        {summary && <div className="stowage-node__summary">{summary}</div>}
      </div>
      {badge && <Badge badge={badge} />}
      <SimulationBadge nodeId={node.id} />
      <NodeHandles />
    </div>
  );
}, sameCardProps);
