import type { DocumentIndex, Point } from '../../../shared/document';

/** How close (screen pixels) the pointer must be to a connection dot for the dot to win over edges. */
export const HANDLE_REACH_PX = 10;

/**
 * The node with a connection dot (the middle of a side, see NodeHandles) within `reach` of
 * `point` (flow coordinates), topmost first; undefined when there is none. Edges' invisible hit
 * strips can lie over a dot, and half of each dot lies outside its node, where hovering does not
 * show it: while the pointer is this close, the canvas lets it through the edges and shows that
 * node's dots, so the dot can be grabbed.
 */
export function nodeWithDotNear(index: DocumentIndex, point: Point, reach: number): string | undefined {
  let found: string | undefined;
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
    const near = dots.some(([x, y]) => Math.abs(point.x - x) <= reach && Math.abs(point.y - y) <= reach);
    if (near && (found === undefined || index.stackingRank(node.id) > index.stackingRank(found))) found = node.id;
  }
  return found;
}

/**
 * Marks the canvas and node `nodeId` so the node's dots show and edges let the pointer through
 * (see app.css), or clears the marks. Attributes on the elements, not React state: this follows
 * every pointer move and must not re-render the canvas; React leaves attributes it does not own alone.
 */
export function showDotsOf(canvas: HTMLElement | null, nodeId: string | undefined): void {
  if (!canvas) return;
  // Most moves change nothing: the canvas remembers whose dots show, so no query runs then.
  if (canvas.dataset.nearDot === nodeId || (nodeId === undefined && !canvas.hasAttribute('data-near-dot'))) return;
  canvas.querySelector<HTMLElement>('.react-flow__node[data-dots-near]')?.removeAttribute('data-dots-near');
  if (nodeId === undefined) {
    canvas.removeAttribute('data-near-dot');
    return;
  }
  canvas.dataset.nearDot = nodeId;
  canvas.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)?.setAttribute('data-dots-near', '');
}
