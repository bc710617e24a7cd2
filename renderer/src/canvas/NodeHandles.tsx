import { Handle, Position, useConnection } from '@xyflow/react';
import { memo } from 'react';

const SIDES = [
  { id: 'top', position: Position.Top },
  { id: 'right', position: Position.Right },
  { id: 'bottom', position: Position.Bottom },
  { id: 'left', position: Position.Left },
] as const;

/**
 * Four connection handles (one per side; Loose connection mode lets any handle start or end
 * an edge) plus a handle covering the whole node that, while a connection is being dragged,
 * lets the user drop anywhere on the node instead of aiming for a dot.
 */
export const NodeHandles = memo(function NodeHandles({ nodeId }: { nodeId: string }) {
  const connecting = useConnection((connection) => connection.inProgress && connection.fromNode.id !== nodeId);
  return (
    <>
      {SIDES.map((side) => (
        <Handle key={side.id} id={side.id} type="source" position={side.position} className="stowage-handle" />
      ))}
      {/* Always mounted so React Flow has measured it; it only takes the pointer while connecting. */}
      <Handle
        id="body"
        type="target"
        position={Position.Top}
        className={`stowage-body-handle${connecting ? ' is-active' : ''}`}
        isConnectableStart={false}
      />
    </>
  );
});
