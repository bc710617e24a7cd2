import type { DocumentIndex, Point } from '../../../shared/document';

/** How close (screen pixels) the pointer must be to a connection dot for the dot to win over edges. */
export const HANDLE_REACH_PX = 10;

/**
 * Whether `point` (flow coordinates) is within `reach` of one of a node's four connection dots
 * (the middles of its sides, see NodeHandles). Edges' invisible hit strips lie above groups and
 * their dots; while the pointer is this close to a dot the canvas lets the pointer through the
 * edges, so the dot can be grabbed.
 */
export function nearConnectionDot(index: DocumentIndex, point: Point, reach: number): boolean {
  for (const node of index.document.nodes) {
    const rect = index.absoluteRect(node.id);
    if (point.x < rect.x - reach || point.x > rect.x + rect.width + reach) continue;
    if (point.y < rect.y - reach || point.y > rect.y + rect.height + reach) continue;
    const middleX = rect.x + rect.width / 2;
    const middleY = rect.y + rect.height / 2;
    const dots = [
      [middleX, rect.y],
      [rect.x + rect.width, middleY],
      [middleX, rect.y + rect.height],
      [rect.x, middleY],
    ] as const;
    for (const [x, y] of dots) if (Math.abs(point.x - x) <= reach && Math.abs(point.y - y) <= reach) return true;
  }
  return false;
}
