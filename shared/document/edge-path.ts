import type { Rect } from './geometry';
import type { HandleSide, Point } from './schema';

/**
 * Edge routing shared by the canvas and the SVG export, so an exported diagram draws every
 * edge exactly where the canvas does. The orthogonal "smooth step" routing is ported from
 * React Flow's getSmoothStepPath (@xyflow/system, MIT licence, © webkid GmbH), which the
 * canvas used before; it is not a full orthogonal router but it is fast and predictable.
 */

export interface EdgeRoute {
  /** SVG path data. */
  path: string;
  /** Where the edge label sits. */
  labelX: number;
  labelY: number;
}

const DIRECTIONS: Record<HandleSide, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
};

/** The point on a node's border where a handle on `side` sits (middle of that side). */
export function handlePoint(rect: Rect, side: HandleSide): Point {
  switch (side) {
    case 'left':
      return { x: rect.x, y: rect.y + rect.height / 2 };
    case 'right':
      return { x: rect.x + rect.width, y: rect.y + rect.height / 2 };
    case 'top':
      return { x: rect.x + rect.width / 2, y: rect.y };
    case 'bottom':
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height };
  }
}

/**
 * Sides for an edge whose handles were never chosen (a hand-written file): the pair that
 * faces each other along the axis with the larger gap between the two nodes' centres.
 */
export function pickHandleSides(source: Rect, target: Rect): { sourceSide: HandleSide; targetSide: HandleSide } {
  const dx = target.x + target.width / 2 - (source.x + source.width / 2);
  const dy = target.y + target.height / 2 - (source.y + source.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) {
    return dx >= 0 ? { sourceSide: 'right', targetSide: 'left' } : { sourceSide: 'left', targetSide: 'right' };
  }
  return dy >= 0 ? { sourceSide: 'bottom', targetSide: 'top' } : { sourceSide: 'top', targetSide: 'bottom' };
}

export interface RouteRequest {
  source: Point;
  sourceSide: HandleSide;
  target: Point;
  targetSide: HandleSide;
  borderRadius?: number;
  offset?: number;
}

export function smoothStepRoute({ source, sourceSide, target, targetSide, borderRadius = 8, offset = 20 }: RouteRequest): EdgeRoute {
  const { points, centerX, centerY } = stepPoints(source, sourceSide, target, targetSide, offset);
  let path = `M${fmt(points[0]!.x)} ${fmt(points[0]!.y)}`;
  for (let index = 1; index < points.length - 1; index++) {
    path += bend(points[index - 1]!, points[index]!, points[index + 1]!, borderRadius);
  }
  const last = points[points.length - 1]!;
  path += `L${fmt(last.x)} ${fmt(last.y)}`;
  return { path, labelX: centerX, labelY: centerY };
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function isBetween(a: Point, b: Point, c: Point): boolean {
  return (a.x === b.x && b.x === c.x && (b.y - a.y) * (c.y - b.y) >= 0) || (a.y === b.y && b.y === c.y && (b.x - a.x) * (c.x - b.x) >= 0);
}

function mainDirection(source: Point, sourceSide: HandleSide, target: Point): Point {
  if (sourceSide === 'left' || sourceSide === 'right') return source.x < target.x ? { x: 1, y: 0 } : { x: -1, y: 0 };
  return source.y < target.y ? { x: 0, y: 1 } : { x: 0, y: -1 };
}

function stepPoints(source: Point, sourceSide: HandleSide, target: Point, targetSide: HandleSide, offset: number) {
  const sourceDir = DIRECTIONS[sourceSide];
  const targetDir = DIRECTIONS[targetSide];
  const sourceGapped = { x: source.x + sourceDir.x * offset, y: source.y + sourceDir.y * offset };
  const targetGapped = { x: target.x + targetDir.x * offset, y: target.y + targetDir.y * offset };
  const dir = mainDirection(sourceGapped, sourceSide, targetGapped);
  const axis: 'x' | 'y' = dir.x !== 0 ? 'x' : 'y';
  const current = dir[axis];
  let points: Point[];
  let centerX: number;
  let centerY: number;
  const sourceGapOffset = { x: 0, y: 0 };
  const targetGapOffset = { x: 0, y: 0 };

  if (sourceDir[axis] * targetDir[axis] === -1) {
    centerX = axis === 'x' ? sourceGapped.x + (targetGapped.x - sourceGapped.x) / 2 : (sourceGapped.x + targetGapped.x) / 2;
    centerY = axis === 'x' ? (sourceGapped.y + targetGapped.y) / 2 : sourceGapped.y + (targetGapped.y - sourceGapped.y) / 2;
    const verticalSplit = [
      { x: centerX, y: sourceGapped.y },
      { x: centerX, y: targetGapped.y },
    ];
    const horizontalSplit = [
      { x: sourceGapped.x, y: centerY },
      { x: targetGapped.x, y: centerY },
    ];
    if (sourceDir[axis] === current) points = axis === 'x' ? verticalSplit : horizontalSplit;
    else points = axis === 'x' ? horizontalSplit : verticalSplit;
  } else {
    const sourceTarget = [{ x: sourceGapped.x, y: targetGapped.y }];
    const targetSource = [{ x: targetGapped.x, y: sourceGapped.y }];
    if (axis === 'x') points = sourceDir.x === current ? targetSource : sourceTarget;
    else points = sourceDir.y === current ? sourceTarget : targetSource;

    if (sourceSide === targetSide) {
      const diff = Math.abs(source[axis] - target[axis]);
      if (diff <= offset) {
        const gapOffset = Math.min(offset - 1, offset - diff);
        if (sourceDir[axis] === current) sourceGapOffset[axis] = (sourceGapped[axis] > source[axis] ? -1 : 1) * gapOffset;
        else targetGapOffset[axis] = (targetGapped[axis] > target[axis] ? -1 : 1) * gapOffset;
      }
    } else {
      const opposite: 'x' | 'y' = axis === 'x' ? 'y' : 'x';
      const sameDir = sourceDir[axis] === targetDir[opposite];
      const sourceGreater = sourceGapped[opposite] > targetGapped[opposite];
      const sourceLess = sourceGapped[opposite] < targetGapped[opposite];
      const flip =
        (sourceDir[axis] === 1 && ((!sameDir && sourceGreater) || (sameDir && sourceLess))) ||
        (sourceDir[axis] !== 1 && ((!sameDir && sourceLess) || (sameDir && sourceGreater)));
      if (flip) points = axis === 'x' ? sourceTarget : targetSource;
    }
    const sourceGapPoint = { x: sourceGapped.x + sourceGapOffset.x, y: sourceGapped.y + sourceGapOffset.y };
    const targetGapPoint = { x: targetGapped.x + targetGapOffset.x, y: targetGapped.y + targetGapOffset.y };
    const corner = points[0]!;
    const maxXDistance = Math.max(Math.abs(sourceGapPoint.x - corner.x), Math.abs(targetGapPoint.x - corner.x));
    const maxYDistance = Math.max(Math.abs(sourceGapPoint.y - corner.y), Math.abs(targetGapPoint.y - corner.y));
    // The label goes on the longest segment.
    if (maxXDistance >= maxYDistance) {
      centerX = (sourceGapPoint.x + targetGapPoint.x) / 2;
      centerY = corner.y;
    } else {
      centerX = corner.x;
      centerY = (sourceGapPoint.y + targetGapPoint.y) / 2;
    }
  }

  const gappedSource = { x: sourceGapped.x + sourceGapOffset.x, y: sourceGapped.y + sourceGapOffset.y };
  const gappedTarget = { x: targetGapped.x + targetGapOffset.x, y: targetGapped.y + targetGapOffset.y };
  const pathPoints: Point[] = [];
  for (const point of [source, gappedSource, ...points, gappedTarget, target]) {
    const a = pathPoints[pathPoints.length - 2];
    const b = pathPoints[pathPoints.length - 1];
    // A point the path runs straight through would shrink the next corner's bend.
    if (a && b && isBetween(a, b, point)) pathPoints.pop();
    pathPoints.push(point);
  }
  return { points: pathPoints, centerX, centerY };
}

function bend(a: Point, b: Point, c: Point, size: number): string {
  const bendSize = Math.min(distance(a, b) / 2, distance(b, c) / 2, size);
  const { x, y } = b;
  if ((a.x === x && x === c.x) || (a.y === y && y === c.y)) return `L${fmt(x)} ${fmt(y)}`;
  if (a.y === y) {
    const xDir = a.x < c.x ? -1 : 1;
    const yDir = a.y < c.y ? 1 : -1;
    return `L${fmt(x + bendSize * xDir)} ${fmt(y)}Q${fmt(x)} ${fmt(y)} ${fmt(x)} ${fmt(y + bendSize * yDir)}`;
  }
  const xDir = a.x < c.x ? 1 : -1;
  const yDir = a.y < c.y ? -1 : 1;
  return `L${fmt(x)} ${fmt(y + bendSize * yDir)}Q${fmt(x)} ${fmt(y)} ${fmt(x + bendSize * xDir)} ${fmt(y)}`;
}

/** Route of a document edge between two absolute node rectangles, with the stored or picked handle sides. */
export function routeBetween(
  sourceRect: Rect,
  targetRect: Rect,
  sourceSide?: HandleSide,
  targetSide?: HandleSide,
): EdgeRoute & { sourceSide: HandleSide; targetSide: HandleSide } {
  const picked = pickHandleSides(sourceRect, targetRect);
  const sides = { sourceSide: sourceSide ?? picked.sourceSide, targetSide: targetSide ?? picked.targetSide };
  const route = smoothStepRoute({
    source: handlePoint(sourceRect, sides.sourceSide),
    sourceSide: sides.sourceSide,
    target: handlePoint(targetRect, sides.targetSide),
    targetSide: sides.targetSide,
  });
  return { ...route, ...sides };
}
