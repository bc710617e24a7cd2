import type { ConnectionLineComponentProps } from '@xyflow/react';
import { findKind, resolveConnection } from '../../../shared/catalog';
import type { ComponentFlowNode } from './flow-types';

/**
 * The line drawn while connecting. Over a node it tells, before the user lets go, what the
 * connection will mean, or why the catalog gives these two components no connection.
 */
export function ConnectionLine({ fromX, fromY, toX, toY, fromNode, toNode }: ConnectionLineComponentProps<ComponentFlowNode>) {
  const fromKind = fromNode.data.node.kind;
  const toKind = toNode && toNode.id !== fromNode.id ? toNode.data.node.kind : undefined;
  const resolved = toKind ? resolveConnection(fromKind, toKind) : undefined;
  const status = toKind === undefined ? 'neutral' : resolved ? 'valid' : 'invalid';
  const hint = toKind === undefined ? '' : resolved ? resolved.connection.definition.label : refusal(fromKind, toKind);
  return (
    <g className={`stowage-connection-line is-${status}`}>
      <path d={`M${fromX},${fromY} L${toX},${toY}`} fill="none" strokeWidth={1.5} strokeDasharray={status === 'invalid' ? '5 4' : undefined} />
      <circle cx={toX} cy={toY} r={3.5} />
      {hint && (
        <foreignObject x={toX + 12} y={toY + 10} width={280} height={80} style={{ overflow: 'visible', pointerEvents: 'none' }}>
          <div className={`stowage-connection-hint is-${status}`} role="status" data-testid="connection-hint">
            {hint}
          </div>
        </foreignObject>
      )}
    </g>
  );
}

function refusal(fromKind: string, toKind: string): string {
  const from = findKind(fromKind)?.label ?? fromKind;
  const to = findKind(toKind)?.label ?? toKind;
  return `No connection: ${from} and ${to} have no relationship in AWS.`;
}
