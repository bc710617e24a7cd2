import { describe, expect, it } from 'vitest';
import { fitViewport, isSaneViewport, visibleFlowRect, type Viewport } from './viewport';

const pane = { width: 1000, height: 800 };
const options = { padding: 20, minZoom: 0.05, maxZoom: 1.5 };
/** The minimap and the zoom controls as the canvas draws them: bottom right and bottom left. */
const minimap = { x: 785, y: 635, width: 200, height: 150 };
const controls = { x: 15, y: 700, width: 28, height: 85 };

function onScreen(bounds: { x: number; y: number; width: number; height: number }, viewport: Viewport) {
  return {
    x: viewport.x + bounds.x * viewport.zoom,
    y: viewport.y + bounds.y * viewport.zoom,
    width: bounds.width * viewport.zoom,
    height: bounds.height * viewport.zoom,
  };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('fitViewport', () => {
  it('centres the bounds as large as the padding allows', () => {
    const viewport = fitViewport({ x: 0, y: 0, width: 960, height: 100 }, pane, options)!;
    expect(viewport.zoom).toBe(1);
    expect(viewport.x).toBe(20);
    expect(viewport.y).toBe(350);
  });

  it('keeps the content clear of the minimap and the controls, losing as little zoom as it can', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 800 };
    const plain = fitViewport(bounds, pane, options)!;
    const clear = fitViewport(bounds, pane, { ...options, overlays: [minimap, controls] })!;
    expect(overlaps(onScreen(bounds, plain), minimap)).toBe(true);
    expect(overlaps(onScreen(bounds, clear), minimap)).toBe(false);
    expect(overlaps(onScreen(bounds, clear), controls)).toBe(false);
    expect(clear.zoom).toBeLessThan(plain.zoom);
    expect(clear.zoom).toBeGreaterThan(plain.zoom * 0.7);
  });

  it('ignores overlays the content does not reach', () => {
    const small = { x: 0, y: 0, width: 100, height: 50 };
    expect(fitViewport(small, pane, { ...options, overlays: [minimap, controls] })).toEqual(fitViewport(small, pane, options));
  });

  it('refuses empty panes and bounds and anything not finite, so no fit can fly off', () => {
    expect(fitViewport({ x: 0, y: 0, width: 0, height: 0 }, pane, options)).toBeUndefined();
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, { width: 0, height: 800 }, options)).toBeUndefined();
    expect(fitViewport({ x: Number.NaN, y: 0, width: 10, height: 10 }, pane, options)).toBeUndefined();
    expect(fitViewport({ x: 0, y: 0, width: Infinity, height: 10 }, pane, options)).toBeUndefined();
  });
});

describe('visibleFlowRect and isSaneViewport', () => {
  it('turn a viewport into the flow rectangle in view', () => {
    expect(visibleFlowRect({ x: -200, y: 100, zoom: 2 }, pane)).toEqual({ x: 100, y: -50, width: 500, height: 400 });
  });

  it('tell drawable viewports from broken ones', () => {
    expect(isSaneViewport({ x: 1, y: 2, zoom: 0.5 })).toBe(true);
    expect(isSaneViewport({ x: Number.NaN, y: 2, zoom: 0.5 })).toBe(false);
    expect(isSaneViewport({ x: 1, y: 2, zoom: 0 })).toBe(false);
  });
});
