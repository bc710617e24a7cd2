import { findConnection } from '../../catalog';
import { handlePoint, routeBetween } from '../../document/edge-path';
import type { DocumentIndex } from '../../document/geometry';
import type { DiagramEdge, HandleSide, Point } from '../../document/schema';
import { measureText } from '../text-metrics';
import type { Extent } from './extent';
import { EDGE, type ThemeColors } from './style';
import { escapeAttribute, escapeText, num, sanitizeLabel, xmlId } from './xml';

/** An edge laid out for drawing: the canvas route, its arrowhead and its label box. */
export interface EdgeLayout {
  edge: DiagramEdge;
  /** SVG path data, ending where the arrowhead starts. */
  path: string;
  /** Arrowhead triangle: tip, then the two base corners. */
  arrow: [Point, Point, Point];
  label?: { text: string; x: number; y: number; width: number; height: number };
}

/** Direction an edge travels when it enters its target through a handle on `side`. */
const INTO_TARGET: Record<HandleSide, Point> = {
  left: { x: 1, y: 0 },
  right: { x: -1, y: 0 },
  top: { x: 0, y: 1 },
  bottom: { x: 0, y: -1 },
};

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;
const LAST_SEGMENT = /(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)$/;

/** Lays out an edge between two drawn nodes with the same routing as the canvas; undefined when an end is missing. */
export function layoutEdge(index: DocumentIndex, edge: DiagramEdge): EdgeLayout | undefined {
  const source = index.node(edge.source);
  const target = index.node(edge.target);
  if (!source || !target) return undefined;
  const targetRect = index.absoluteRect(target.id);
  const route = routeBetween(index.absoluteRect(source.id), targetRect, edge.sourceHandle, edge.targetHandle);
  const tip = handlePoint(targetRect, route.targetSide);
  const direction = INTO_TARGET[route.targetSide];
  const across = { x: -direction.y, y: direction.x };
  const base = { x: tip.x - direction.x * EDGE.arrowLength, y: tip.y - direction.y * EDGE.arrowLength };
  const halfWidth = EDGE.arrowWidth / 2;
  const layout: EdgeLayout = {
    edge,
    path: stopShortOfArrow(route.path, direction),
    arrow: [
      tip,
      { x: base.x + across.x * halfWidth, y: base.y + across.y * halfWidth },
      { x: base.x - across.x * halfWidth, y: base.y - across.y * halfWidth },
    ],
  };
  const text = sanitizeLabel(findConnection(source.kind, target.kind)?.definition.label ?? '');
  if (text) {
    const width = measureText(text, { size: EDGE.labelFontSize }) + 2 * EDGE.labelPaddingX;
    const height = EDGE.labelFontSize + 2 * EDGE.labelPaddingY;
    layout.label = { text, x: route.labelX, y: route.labelY, width, height };
  }
  return layout;
}

/**
 * Ends the line where the arrowhead's base is, so the stroke's square end does not blunt the
 * tip. A final segment shorter than the arrowhead is left as it is.
 */
function stopShortOfArrow(path: string, direction: Point): string {
  const match = LAST_SEGMENT.exec(path);
  if (!match) return path;
  const [previousX, previousY, endX, endY] = match.slice(1).map(Number) as [number, number, number, number];
  const segmentLength = Math.abs(endX - previousX) + Math.abs(endY - previousY);
  const shortenBy = EDGE.arrowLength - 1;
  if (segmentLength <= shortenBy) return path;
  const end = `L${num(endX - direction.x * shortenBy)} ${num(endY - direction.y * shortenBy)}`;
  return path.slice(0, path.length - match[0].length) + `${match[1]} ${match[2]}${end}`;
}

/** Adds the route (its points and bends), arrowhead and label to `extent`. */
export function extendByEdge(extent: Extent, layout: EdgeLayout): void {
  const numbers = layout.path.match(NUMBER)?.map(Number) ?? [];
  const margin = EDGE.strokeWidth;
  for (let index = 0; index + 1 < numbers.length; index += 2) extent.addPoint(numbers[index]!, numbers[index + 1]!, margin);
  for (const point of layout.arrow) extent.addPoint(point.x, point.y, margin);
  const { label } = layout;
  if (label) extent.addRect({ x: label.x - label.width / 2, y: label.y - label.height / 2, width: label.width, height: label.height });
}

export function edgeLineMarkup(layout: EdgeLayout, colors: ThemeColors): string {
  const [tip, left, right] = layout.arrow;
  const arrow = `M${num(tip.x)} ${num(tip.y)}L${num(left.x)} ${num(left.y)}L${num(right.x)} ${num(right.y)}Z`;
  return (
    `<g id="${escapeAttribute(xmlId('stowage-edge-', layout.edge.id))}">` +
    `<path d="${layout.path}" fill="none" stroke="${colors.edge}" stroke-width="${EDGE.strokeWidth}" stroke-linejoin="round"/>` +
    `<path d="${arrow}" fill="${colors.edge}" stroke="${colors.edge}" stroke-width="1" stroke-linejoin="round"/>` +
    `</g>`
  );
}

export function edgeLabelMarkup(layout: EdgeLayout, colors: ThemeColors): string {
  const { label } = layout;
  if (!label) return '';
  return (
    `<g>` +
    `<rect x="${num(label.x - label.width / 2)}" y="${num(label.y - label.height / 2)}" width="${num(label.width)}" height="${num(label.height)}" rx="${EDGE.labelCornerRadius}" ry="${EDGE.labelCornerRadius}" fill="${colors.edgeLabelBackground}"/>` +
    `<text x="${num(label.x)}" y="${num(label.y + EDGE.labelBaselineOffset)}" text-anchor="middle" font-size="${EDGE.labelFontSize}" fill="${colors.edgeLabel}">${escapeText(label.text)}</text>` +
    `</g>`
  );
}
