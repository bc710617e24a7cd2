import type { Rect } from '../../../../shared/document';
import { THEMES } from '../../../../shared/export/svg/style';
import type { Viewport } from '../viewport';
import { overlaps, type OverviewScene, type SceneEdge, type SceneNode } from './scene';

/** Nodes being dragged on the overview (with everything they hold) and how far, in flow units. */
export interface OverviewDrag {
  moving: ReadonlySet<string>;
  dx: number;
  dy: number;
}

export interface PaintInput {
  scene: OverviewScene;
  viewport: Viewport;
  /** The pane in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
  drag: OverviewDrag | null;
  /** A selection box being dragged, in flow coordinates. */
  box: Rect | null;
}

const ACCENT = '#0972d3';
const ACCENT_SOFT = 'rgba(9, 114, 211, 0.1)';
const SEVERITY: Record<NonNullable<SceneNode['severity']>, string> = { error: '#d13212', warning: '#f89256', info: ACCENT };
const FONT = "600 11px 'Helvetica Neue', Helvetica, Arial, system-ui, sans-serif";
/** Group titles are drawn at a readable size where the group is at least this big on screen. */
const TITLE_MIN_SCREEN = { width: 72, height: 28 };
/** A drawn title's height on screen, with its margin. */
const TITLE_LINE = 16;
/** Cards smaller than this on screen are drawn as one coloured block. */
const CARD_DETAIL_MIN_SCREEN = 10;

/**
 * Paints the whole scene in one pass: one canvas instead of thousands of DOM nodes, the way
 * tldraw and Figma draw far-away content. Culled to the view; strokes stay one screen pixel
 * wide whatever the zoom. Dragged nodes are drawn last (on top), offset by the drag.
 */
export function paintOverview(context: CanvasRenderingContext2D, input: PaintInput): void {
  const { scene, viewport, width, height, ratio, drag, box } = input;
  const { x, y, zoom } = viewport;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width * ratio, height * ratio);
  context.setTransform(zoom * ratio, 0, 0, zoom * ratio, x * ratio, y * ratio);
  const pixel = 1 / zoom;
  const view: Rect = { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
  const painter = new Painter(context, pixel, view);

  for (const item of scene.items) {
    if (drag && item.type === 'node' && drag.moving.has(item.id)) continue;
    if (item.type === 'node') painter.node(item, 0, 0);
    else painter.edge(item, drag);
  }
  painter.flushEdges();
  if (drag) {
    for (const node of scene.nodes) if (drag.moving.has(node.id)) painter.node(node, drag.dx, drag.dy);
  }

  // Titles in screen space, so they stay readable however far out the view is.
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.font = FONT;
  context.textBaseline = 'top';
  // Below which screen y each group's title (its own, or the nearest drawn one above it) ends:
  // a nested group's title is left out where it would overprint its parent's.
  const titleEnds = new Map<string, number>();
  for (const node of scene.nodes) {
    if (!node.group) continue;
    const offset = drag?.moving.has(node.id) ? drag : undefined;
    const screen = {
      x: (node.rect.x + (offset?.dx ?? 0)) * zoom + x,
      y: (node.rect.y + (offset?.dy ?? 0)) * zoom + y,
      width: node.rect.width * zoom,
      height: node.rect.height * zoom,
    };
    const above = node.parentId === undefined ? -Infinity : (titleEnds.get(node.parentId) ?? -Infinity);
    titleEnds.set(node.id, above);
    if (screen.width < TITLE_MIN_SCREEN.width || screen.height < TITLE_MIN_SCREEN.height || screen.y < above) continue;
    if (screen.x > width || screen.y > height || screen.x + screen.width < 0 || screen.y + screen.height < 0) continue;
    titleEnds.set(node.id, screen.y + TITLE_LINE);
    context.fillStyle = node.selected ? ACCENT : node.color;
    context.fillText(node.label, screen.x + 4, screen.y + 4, screen.width - 8);
  }

  if (box) {
    context.setTransform(zoom * ratio, 0, 0, zoom * ratio, x * ratio, y * ratio);
    context.fillStyle = ACCENT_SOFT;
    context.fillRect(box.x, box.y, box.width, box.height);
    context.strokeStyle = ACCENT;
    context.lineWidth = pixel;
    context.setLineDash([]);
    context.strokeRect(box.x, box.y, box.width, box.height);
  }
}

/** Draws nodes one by one and collects runs of plain edges into one path each. */
class Painter {
  private pendingEdges = false;

  constructor(
    private readonly context: CanvasRenderingContext2D,
    private readonly pixel: number,
    private readonly view: Rect,
  ) {}

  node(node: SceneNode, dx: number, dy: number): void {
    const rect = { x: node.rect.x + dx, y: node.rect.y + dy, width: node.rect.width, height: node.rect.height };
    if (!overlaps(rect, this.view)) return;
    this.flushEdges();
    const { context, pixel } = this;
    if (node.group) {
      if (node.fill || node.dropTarget) {
        context.fillStyle = node.dropTarget ? ACCENT_SOFT : node.fill!;
        context.fillRect(rect.x, rect.y, rect.width, rect.height);
      }
      context.strokeStyle = node.selected || node.dropTarget ? ACCENT : node.severity ? SEVERITY[node.severity] : node.color;
      context.lineWidth = (node.selected || node.dropTarget ? 2.5 : 1.25) * pixel;
      context.setLineDash(node.dashed ? [5 * pixel, 3 * pixel] : []);
      context.strokeRect(rect.x, rect.y, rect.width, rect.height);
      return;
    }
    if (rect.height / pixel < CARD_DETAIL_MIN_SCREEN) {
      context.fillStyle = node.selected ? ACCENT : node.severity ? SEVERITY[node.severity] : node.color;
      context.fillRect(rect.x, rect.y, rect.width, rect.height);
      return;
    }
    context.fillStyle = THEMES.light.leafFill;
    context.fillRect(rect.x, rect.y, rect.width, rect.height);
    // Where the DOM card has its icon: the kind's colour.
    const icon = Math.min(40, rect.height - 16);
    context.fillStyle = node.color;
    context.fillRect(rect.x + 8, rect.y + (rect.height - icon) / 2, icon, icon);
    context.strokeStyle = node.selected ? ACCENT : node.severity ? SEVERITY[node.severity] : THEMES.light.leafStroke;
    context.lineWidth = (node.selected ? 2.5 : 1) * pixel;
    context.setLineDash(node.dashed ? [5 * pixel, 3 * pixel] : []);
    context.strokeRect(rect.x, rect.y, rect.width, rect.height);
  }

  edge(edge: SceneEdge, drag: { moving: ReadonlySet<string>; dx: number; dy: number } | null): void {
    const from = drag?.moving.has(edge.source) ? { x: edge.from.x + drag.dx, y: edge.from.y + drag.dy } : edge.from;
    const to = drag?.moving.has(edge.target) ? { x: edge.to.x + drag.dx, y: edge.to.y + drag.dy } : edge.to;
    const bounds = {
      x: Math.min(from.x, to.x),
      y: Math.min(from.y, to.y),
      width: Math.abs(from.x - to.x),
      height: Math.abs(from.y - to.y),
    };
    if (!overlaps(bounds, this.view)) return;
    const { context, pixel } = this;
    if (edge.selected) {
      this.flushEdges();
      context.beginPath();
      context.moveTo(from.x, from.y);
      context.lineTo(to.x, to.y);
      context.strokeStyle = ACCENT;
      context.lineWidth = 2 * pixel;
      context.setLineDash([]);
      context.stroke();
      return;
    }
    if (!this.pendingEdges) {
      context.beginPath();
      this.pendingEdges = true;
    }
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
  }

  flushEdges(): void {
    if (!this.pendingEdges) return;
    this.pendingEdges = false;
    const { context, pixel } = this;
    context.strokeStyle = THEMES.light.edge;
    context.lineWidth = pixel;
    context.setLineDash([]);
    context.stroke();
  }
}
