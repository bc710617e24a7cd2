import type { ConnectionLineComponentProps } from '@xyflow/react';
import { checkConnection } from '../../../shared/catalog/connection-guard';
import type { ComponentFlowNode } from './flow-types';

/**
 * The line drawn while connecting. Over a node it tells, before the user lets go, what the
 * connection will mean, or why the catalog gives these two components no connection.
 */
export function ConnectionLine({ fromX, fromY, toX, toY, fromNode, toNode }: ConnectionLineComponentProps<ComponentFlowNode>) {
  const fromKind = fromNode.data.node.kind;
  const toKind = toNode && toNode.id !== fromNode.id ? toNode.data.node.kind : undefined;
  const verdict = toKind ? checkConnection(fromKind, toKind) : undefined;
  const status = verdict === undefined ? 'neutral' : verdict.ok ? 'valid' : 'invalid';
  const hint = verdict === undefined ? '' : verdict.ok ? verdict.label : verdict.reason;
  return (
    <g className={`stowage-connection-line is-${status}`}>
      <path
        d={`M${fromX},${fromY} L${toX},${toY}`}
        fill="none"
        strokeWidth={1.5}
        strokeDasharray={status === 'invalid' ? '5 4' : undefined}
      />
      <circle cx={toX} cy={toY} r={3.5} />
      {hint && (
        <foreignObject x={toX + 12} y={toY + 10} width={320} height={160} style={{ overflow: 'visible', pointerEvents: 'none' }}>
          <div className={`stowage-connection-hint is-${status}`} role="status" data-testid="connection-hint">
            {hint}
          </div>
        </foreignObject>
      )}
    </g>
  );
}
