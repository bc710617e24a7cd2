import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { appearanceOf, findKind, iconOf, summaryOf } from '../../../shared/catalog';
import { resizeGroup } from '../../../shared/operations';
import { runOperation } from '../state/run-operation';
import { useServices } from '../app/services';
import { Badge } from './Badge';
import { sameCardProps, type ComponentFlowNode } from './flow-types';
import { iconUrl } from './icons';
import { NodeHandles } from './NodeHandles';
import { SimulationBadge } from '../simulation/SimulationBadge';

const MIN_SIZE = { width: 160, height: 96 };

/** A group in AWS style: coloured border, icon in the corner, title; resizable when selected. */
export const GroupNode = memo(function GroupNode({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const { node, badge, dropTarget } = data;
  const services = useServices();
  const kind = findKind(node.kind);
  const onResizeEnd = useCallback(
    (_event: unknown, params: { x: number; y: number; width: number; height: number }) => {
      runOperation(services, resizeGroup, {
        nodeId: id,
        position: { x: params.x, y: params.y },
        size: { width: params.width, height: params.height },
      });
    },
    [services, id],
  );
  if (!kind) return null;
  const appearance = appearanceOf(kind, node.props);
  const summary = summaryOf(kind, node.props);
  return (
    <div
      className={`stowage-group${selected ? ' is-selected' : ''}${dropTarget ? ' is-drop-target' : ''}${badge ? ` has-${badge.severity}` : ''}`}
      data-kind={node.kind}
      data-testid={`node-${node.id}`}
      style={{
        borderColor: appearance.color,
        borderStyle: appearance.dashed ? 'dashed' : 'solid',
        background: appearance.fill ?? 'transparent',
      }}
    >
      <NodeResizer isVisible={selected} minWidth={MIN_SIZE.width} minHeight={MIN_SIZE.height} color="#0972d3" onResizeEnd={onResizeEnd} />
      <div className="stowage-group__header">
        <img className="stowage-group__icon" src={iconUrl(iconOf(kind, node.props))} alt="" draggable={false} />
        <span className="stowage-group__label">{node.label || kind.label}</span>
        {summary && <span className="stowage-group__summary">{summary}</span>}
      </div>
      {badge && <Badge badge={badge} />}
      <SimulationBadge nodeId={node.id} />
      <NodeHandles />
    </div>
  );
}, sameCardProps);
