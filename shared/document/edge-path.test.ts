import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handlePoint, pickHandleSides, routeBetween, smoothStepRoute } from './edge-path';
import type { Rect } from './geometry';
import { HANDLE_SIDES, type HandleSide, type Point } from './schema';

/** The points of an SVG path made of M, L and Q commands, in order (Q contributes its control and end points). */
function pathPoints(path: string): Point[] {
  const numbers = [...path.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g)].map((match) => Number(match[0]));
  const points: Point[] = [];
  for (let index = 0; index + 1 < numbers.length; index += 2) points.push({ x: numbers[index]!, y: numbers[index + 1]! });
  return points;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Every line is horizontal or vertical, and every Q is a quarter bend whose control point is the corner. */
function expectOrthogonal(path: string): void {
  let pen: Point | undefined;
  for (const [, command, rest] of path.matchAll(/([MLQ])([^MLQ]+)/g)) {
    const numbers = rest!.trim().split(/\s+/).map(Number);
    if (command === 'M') pen = { x: numbers[0]!, y: numbers[1]! };
    else if (command === 'L') {
      const to = { x: numbers[0]!, y: numbers[1]! };
      expect(to.x === pen!.x || to.y === pen!.y, `diagonal line in ${path}`).toBe(true);
      pen = to;
    } else {
      const [cx, cy, x, y] = numbers as [number, number, number, number];
      expect((cx === pen!.x || cy === pen!.y) && (cx === x || cy === y), `odd bend in ${path}`).toBe(true);
      pen = { x, y };
    }
  }
}
const source: Rect = { x: 0, y: 0, width: 200, height: 56 };

describe('handlePoint', () => {
  it('puts handles in the middle of each side', () => {
    const rect = { x: 10, y: 20, width: 100, height: 40 };
    expect(handlePoint(rect, 'left')).toEqual({ x: 10, y: 40 });
    expect(handlePoint(rect, 'right')).toEqual({ x: 110, y: 40 });
    expect(handlePoint(rect, 'top')).toEqual({ x: 60, y: 20 });
    expect(handlePoint(rect, 'bottom')).toEqual({ x: 60, y: 60 });
  });
});

describe('pickHandleSides', () => {
  it('faces the nodes along the axis with the larger gap', () => {
    expect(pickHandleSides(source, { ...source, x: 400 })).toEqual({ sourceSide: 'right', targetSide: 'left' });
    expect(pickHandleSides(source, { ...source, x: -400 })).toEqual({ sourceSide: 'left', targetSide: 'right' });
    expect(pickHandleSides(source, { ...source, y: 400 })).toEqual({ sourceSide: 'bottom', targetSide: 'top' });
    expect(pickHandleSides(source, { ...source, y: -400 })).toEqual({ sourceSide: 'top', targetSide: 'bottom' });
  });

  it('prefers horizontal on a diagonal tie and for overlapping nodes', () => {
    expect(pickHandleSides(source, { ...source, x: 300, y: 300 })).toEqual({ sourceSide: 'right', targetSide: 'left' });
    expect(pickHandleSides(source, source)).toEqual({ sourceSide: 'right', targetSide: 'left' });
  });
});

describe('routeBetween', () => {
  it('draws a straight line from a right handle to a left handle at the same height', () => {
    const target = { ...source, x: 400 };
    const route = routeBetween(source, target);
    expect(route.sourceSide).toBe('right');
    expect(route.targetSide).toBe('left');
    expect(route.path).toBe('M200 28L400 28');
    expect(route.labelX).toBe(300);
    expect(route.labelY).toBe(28);
  });

  it('draws a straight vertical line from bottom to top', () => {
    const route = routeBetween(source, { ...source, y: 300 });
    expect(route.path).toBe('M100 56L100 300');
  });

  it('bends with rounded corners when the handles do not line up', () => {
    const route = routeBetween(source, { ...source, x: 400, y: 200 });
    expect(route.path.startsWith('M200 28')).toBe(true);
    expect(route.path.endsWith('L400 228')).toBe(true);
    expect(route.path).toContain('Q');
    // The label sits between the two nodes.
    expect(route.labelX).toBeGreaterThan(200);
    expect(route.labelX).toBeLessThan(400);
  });

  it('uses stored handle sides over picked ones', () => {
    const route = routeBetween(source, { ...source, x: 400 }, 'bottom', 'bottom');
    expect(route.sourceSide).toBe('bottom');
    expect(route.targetSide).toBe('bottom');
    expect(route.path.startsWith('M100 56')).toBe(true);
    expect(route.path.endsWith('L500 56')).toBe(true);
    // Both handles face down, so the path dips below the nodes (offset 20) before coming back up.
    expect(Math.max(...pathPoints(route.path).map((point) => point.y))).toBeGreaterThanOrEqual(76);
  });

  it('has an orthogonality check that notices diagonals (guarding the property below)', () => {
    expect(() => expectOrthogonal('M0 0L10 10')).toThrow();
    expect(() => expectOrthogonal('M0 0L10 0Q20 0 20 10')).not.toThrow();
  });

  it('is deterministic', () => {
    const target = { x: 333.333, y: -123.456, width: 320, height: 260 };
    expect(routeBetween(source, target)).toEqual(routeBetween(source, target));
  });

  it('starts and ends at the handle points for every pair of sides and any placement', () => {
    const rect = fc.record({
      x: fc.integer({ min: -3000, max: 3000 }),
      y: fc.integer({ min: -3000, max: 3000 }),
      width: fc.integer({ min: 1, max: 1200 }),
      height: fc.integer({ min: 1, max: 900 }),
    });
    const side = fc.constantFrom<HandleSide>(...HANDLE_SIDES);
    fc.assert(
      fc.property(
        rect,
        rect,
        fc.option(side, { nil: undefined }),
        fc.option(side, { nil: undefined }),
        (from, to, sourceSide, targetSide) => {
          const route = routeBetween(from, to, sourceSide, targetSide);
          const start = handlePoint(from, route.sourceSide);
          const end = handlePoint(to, route.targetSide);
          expect(route.path).toMatch(/^M[-\d.]+ [-\d.]+(?:(?:L|Q)[-\d. ]+)*$/);
          const points = pathPoints(route.path);
          expect(points[0]).toEqual({ x: round2(start.x), y: round2(start.y) });
          expect(points[points.length - 1]).toEqual({ x: round2(end.x), y: round2(end.y) });
          for (const point of points) {
            expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
          }
          expect(Number.isFinite(route.labelX) && Number.isFinite(route.labelY)).toBe(true);
          expectOrthogonal(route.path);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('smoothStepRoute', () => {
  it('honours the corner radius: sharp corners at 0, rounded ones otherwise', () => {
    const request = { source: { x: 0, y: 0 }, sourceSide: 'right' as const, target: { x: 100, y: 100 }, targetSide: 'left' as const };
    expect(smoothStepRoute({ ...request, borderRadius: 0 }).path).toBe('M0 0L50 0Q50 0 50 0L50 100Q50 100 50 100L100 100');
    expect(smoothStepRoute({ ...request, borderRadius: 12 }).path).toBe('M0 0L38 0Q50 0 50 12L50 88Q50 100 62 100L100 100');
  });

  it('never rounds a corner by more than half of its shorter leg', () => {
    const route = smoothStepRoute({
      source: { x: 0, y: 0 },
      sourceSide: 'right',
      target: { x: 100, y: 10 },
      targetSide: 'left',
      borderRadius: 50,
    });
    expect(route.path).toBe('M0 0L45 0Q50 0 50 5L50 5Q50 10 55 10L100 10');
  });
});
