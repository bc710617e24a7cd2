import { BaseEdge, EdgeLabelRenderer, Position, useStore as useFlowStore, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { smoothStepRoute, type HandleSide } from '../../../shared/document';
import { Badge } from './Badge';
import { FAR_ZOOM } from './zoom';
import type { RelationFlowEdge } from './flow-types';

const SIDE: Record<Position, HandleSide> = {
  [Position.Top]: 'top',
  [Position.Right]: 'right',
  [Position.Bottom]: 'bottom',
  [Position.Left]: 'left',
};

/** An edge routed by the shared router (the SVG export draws the same path), labelled with its meaning. */
export const RelationEdge = memo(function RelationEdge(props: EdgeProps<RelationFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const route = smoothStepRoute({
    source: { x: sourceX, y: sourceY },
    sourceSide: SIDE[sourcePosition],
    target: { x: targetX, y: targetY },
    targetSide: SIDE[targetPosition],
  });
  const badge = data?.badge ?? null;
  // Labels are left out when zoomed far out (unreadable, and each costs work on every view change) unless they carry a finding.
  const far = useFlowStore((state) => state.transform[2] < FAR_ZOOM);
  return (
    <>
      <BaseEdge id={id} path={route.path} markerEnd={markerEnd} className={badge ? `has-${badge.severity}` : undefined} interactionWidth={16} />
      {data?.label && (!far || badge || selected) && (
        <EdgeLabelRenderer>
          <div
            className={`stowage-edge-label nodrag nopan${selected ? ' is-selected' : ''}${badge ? ` has-${badge.severity}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${route.labelX}px, ${route.labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {data.label}
            {badge && <Badge badge={badge} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
