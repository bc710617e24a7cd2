import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';

const SIDES = [
  { id: 'top', position: Position.Top },
  { id: 'right', position: Position.Right },
  { id: 'bottom', position: Position.Bottom },
  { id: 'left', position: Position.Left },
] as const;

/**
 * Four connection handles (one per side; Loose connection mode lets any handle start or end
 * an edge) plus a handle covering the whole node, which takes the pointer only while a
 * connection is being dragged (the canvas's data-connecting attribute), so the user can drop
 * anywhere on a node instead of aiming for a dot. No store subscription per node: the canvas
 * tracks the connection once.
 */
export const NodeHandles = memo(function NodeHandles() {
  return (
    <>
      {SIDES.map((side) => (
        <Handle key={side.id} id={side.id} type="source" position={side.position} className="stowage-handle" />
      ))}
      <Handle id="body" type="target" position={Position.Top} className="stowage-body-handle" isConnectableStart={false} />
    </>
  );
});
