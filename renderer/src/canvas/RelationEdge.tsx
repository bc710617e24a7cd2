import { BaseEdge, Position, type EdgeProps } from '@xyflow/react';
import { memo, use } from 'react';
import { smoothStepRoute, type HandleSide } from '../../../shared/document';
import { EDGE, FONT_FAMILY } from '../../../shared/export/svg/style';
import { measureText } from '../../../shared/export/text-metrics';
import type { BadgeInfo, RelationFlowEdge } from './flow-types';
import { FarZoom } from './zoom';

const SIDE: Record<Position, HandleSide> = {
  [Position.Top]: 'top',
  [Position.Right]: 'right',
  [Position.Bottom]: 'bottom',
  [Position.Left]: 'left',
};

const BADGE_RADIUS = 7;

/**
 * An edge routed by the shared router and labelled with its meaning, drawn as SVG with the
 * export's measurements, so the canvas and an exported diagram look the same. Labels live in
 * the edge's own SVG rather than in HTML portals: hundreds of portals cost a DOM query each on
 * every view change.
 */
export const RelationEdge = memo(function RelationEdge(props: EdgeProps<RelationFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const route = smoothStepRoute({
    source: { x: sourceX, y: sourceY },
    sourceSide: SIDE[sourcePosition],
    target: { x: targetX, y: targetY },
    targetSide: SIDE[targetPosition],
  });
  const badge = data?.badge ?? null;
  // Far out, labels are unreadable; keep only those that carry a finding or are selected.
  // From the canvas, not a store subscription per edge: edges re-render when it flips, not on every frame.
  const far = use(FarZoom);
  const label = data?.label ?? '';
  const showLabel = label !== '' && (!far || badge !== null || selected === true);
  return (
    <>
      <BaseEdge
        id={id}
        path={route.path}
        markerEnd={markerEnd}
        className={[badge ? `has-${badge.severity}` : '', data?.placeholder ? 'is-placeholder' : ''].join(' ').trim() || undefined}
        interactionWidth={16}
      />
      {showLabel && <EdgeLabel x={route.labelX} y={route.labelY} text={label} badge={badge} selected={selected === true} edgeId={id} />}
    </>
  );
});

/**
 * A label placed with one transform: while its edge moves (a dragged end) only the group's
 * transform attribute changes; the pill, text and badge inside it re-render only when they change.
 */
const EdgeLabel = memo(function EdgeLabel({
  x,
  y,
  text,
  badge,
  selected,
  edgeId,
}: {
  x: number;
  y: number;
  text: string;
  badge: BadgeInfo | null;
  selected: boolean;
  edgeId: string;
}) {
  return (
    <g
      className={`stowage-edge-label${selected ? ' is-selected' : ''}${badge ? ` has-${badge.severity}` : ''}`}
      data-testid={`edge-label-${edgeId}`}
      fontFamily={FONT_FAMILY}
      transform={`translate(${x} ${y})`}
    >
      <LabelBody text={text} badge={badge} />
    </g>
  );
});

/** The label's pill, text and badge, centred on (0, 0). */
const LabelBody = memo(function LabelBody({ text, badge }: { text: string; badge: BadgeInfo | null }) {
  const width = measureText(text, { size: EDGE.labelFontSize }) + EDGE.labelPaddingX * 2 + (badge ? BADGE_RADIUS * 2 + 2 : 0);
  const height = EDGE.labelFontSize + EDGE.labelPaddingY * 2 + 2;
  const left = -width / 2;
  const textX = left + EDGE.labelPaddingX + (width - EDGE.labelPaddingX * 2 - (badge ? BADGE_RADIUS * 2 + 2 : 0)) / 2;
  return (
    <>
      <rect x={left} y={-height / 2} width={width} height={height} rx={height / 2} />
      <text x={textX} y={EDGE.labelBaselineOffset} textAnchor="middle" fontSize={EDGE.labelFontSize}>
        {text}
      </text>
      {badge && (
        <g className={`stowage-edge-badge is-${badge.severity}`}>
          <title>{badge.messages.join('\n')}</title>
          <circle cx={left + width - EDGE.labelPaddingX / 2 - BADGE_RADIUS} cy={0} r={BADGE_RADIUS} />
          <text x={left + width - EDGE.labelPaddingX / 2 - BADGE_RADIUS} y={3.5} textAnchor="middle" fontSize={10} fontWeight={700}>
            {badge.count > 1 ? badge.count : '!'}
          </text>
        </g>
      )}
    </>
  );
});
