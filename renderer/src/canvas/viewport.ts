import type { Rect } from '../../../shared/document';

/** A React Flow viewport: the flow point (0, 0) sits at (x, y) in the pane, drawn at `zoom`. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** Space kept free around the fitted content, in screen pixels. */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** Things drawn over the pane (minimap, zoom controls), in pane pixels: the content must not end up under them. */
  overlays?: readonly Rect[];
}

/**
 * The viewport that shows `bounds` (flow coordinates) as large as possible in a pane of `size`,
 * centred, clear of the overlays. Each overlay is either ignored (the content may not reach it
 * anyway), or kept clear by reserving the strip below it or the strip beside it; of the
 * arrangements that keep every overlay clear, the one with the largest zoom wins. Returns
 * undefined when the pane or the bounds are empty or any number is not finite, so a fit can
 * never produce an absurd view.
 */
export function fitViewport(bounds: Rect, size: { width: number; height: number }, options: FitOptions): Viewport | undefined {
  if (![bounds.x, bounds.y, bounds.width, bounds.height, size.width, size.height].every(Number.isFinite)) return undefined;
  if (size.width <= 0 || size.height <= 0 || bounds.width <= 0 || bounds.height <= 0) return undefined;
  const overlays = options.overlays ?? [];
  let best: Viewport | undefined;
  let fallback: Viewport | undefined;
  for (const arrangement of arrangements(overlays.length)) {
    const reserve = { top: 0, right: 0, bottom: 0, left: 0 };
    arrangement.forEach((choice, index) => {
      const overlay = overlays[index]!;
      if (choice === 'bottom') reserve.bottom = Math.max(reserve.bottom, size.height - overlay.y);
      if (choice === 'side') {
        if (overlay.x + overlay.width / 2 > size.width / 2) reserve.right = Math.max(reserve.right, size.width - overlay.x);
        else reserve.left = Math.max(reserve.left, overlay.x + overlay.width);
      }
    });
    const viewport = centred(bounds, size, options, reserve);
    if (!viewport) continue;
    fallback ??= viewport;
    const onScreen = {
      x: viewport.x + bounds.x * viewport.zoom,
      y: viewport.y + bounds.y * viewport.zoom,
      width: bounds.width * viewport.zoom,
      height: bounds.height * viewport.zoom,
    };
    if (overlays.some((overlay) => overlaps(onScreen, overlay))) continue;
    if (!best || viewport.zoom > best.zoom) best = viewport;
  }
  return best ?? fallback;
}

function centred(
  bounds: Rect,
  size: { width: number; height: number },
  options: FitOptions,
  reserve: { top: number; right: number; bottom: number; left: number },
): Viewport | undefined {
  const left = options.padding + reserve.left;
  const right = options.padding + reserve.right;
  const top = options.padding + reserve.top;
  const bottom = options.padding + reserve.bottom;
  const width = size.width - left - right;
  const height = size.height - top - bottom;
  if (width <= 0 || height <= 0) return undefined;
  const zoom = Math.min(Math.max(Math.min(width / bounds.width, height / bounds.height), options.minZoom), options.maxZoom);
  const x = left + (width - bounds.width * zoom) / 2 - bounds.x * zoom;
  const y = top + (height - bounds.height * zoom) / 2 - bounds.y * zoom;
  return [x, y, zoom].every(Number.isFinite) ? { x, y, zoom } : undefined;
}

function* arrangements(count: number): Generator<('ignore' | 'bottom' | 'side')[]> {
  const choices = ['ignore', 'bottom', 'side'] as const;
  for (let code = 0; code < 3 ** count; code++) {
    const arrangement: ('ignore' | 'bottom' | 'side')[] = [];
    let rest = code;
    for (let index = 0; index < count; index++) {
      arrangement.push(choices[rest % 3]!);
      rest = Math.floor(rest / 3);
    }
    yield arrangement;
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The flow rectangle a pane of `size` shows at `viewport`. */
export function visibleFlowRect(viewport: Viewport, size: { width: number; height: number }): Rect {
  return {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: size.width / viewport.zoom,
    height: size.height / viewport.zoom,
  };
}

/** Whether a viewport is one React Flow can draw sensibly (finite, positive zoom). */
export function isSaneViewport(viewport: Viewport): boolean {
  return Number.isFinite(viewport.x) && Number.isFinite(viewport.y) && Number.isFinite(viewport.zoom) && viewport.zoom > 0;
}
