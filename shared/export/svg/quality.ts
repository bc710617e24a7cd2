import { findKind } from '../../catalog';
import { DocumentIndex, type Rect } from '../../document/geometry';
import type { DiagramDocument, Point } from '../../document/schema';
import { layoutEdge, type EdgeLayout } from './edges';
import { GROUP } from './style';

/**
 * How well an exported diagram reads, measured on the geometry the SVG export draws (the same
 * routes and label boxes as the canvas): the goal is 0 of each.
 */
export interface DiagramQuality {
  /** Pairs of an edge and a box it runs through that is neither of its ends nor a group holding one. */
  edgeBoxCrossings: number;
  /** Label boxes lying on another label, on a component's card (its icon and title) or on a group's title bar. */
  labelOverlaps: number;
  /** What was counted, for a reader to find it: "e-1 crosses n-7", "label of e-2 on n-3". */
  details: string[];
}

/** Borders are shared on purpose (an edge leaves through its card's border): only a box's inside counts. */
const INSET = 1;

function inset(rect: Rect, by: number): Rect {
  return { x: rect.x + by, y: rect.y + by, width: rect.width - 2 * by, height: rect.height - 2 * by };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The route as a polyline: its points, with each rounded bend taken at its corner (the curve's control point). */
export function routePolyline(layout: EdgeLayout): Point[] {
  const points: Point[] = [];
  for (const [, command, args] of layout.path.matchAll(/([MLQ])([^MLQ]*)/g)) {
    const numbers = (args!.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []).map(Number);
    const take = command === 'Q' ? 4 : 2;
    for (let index = 0; index + 1 < Math.min(numbers.length, take); index += 2) points.push({ x: numbers[index]!, y: numbers[index + 1]! });
  }
  points.push(layout.arrow[0]);
  return points;
}

/** Whether the segment a–b passes through the inside of `rect` (Liang–Barsky clipping). */
export function segmentCrosses(a: Point, b: Point, rect: Rect): boolean {
  if (rect.width <= 0 || rect.height <= 0) return false;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let leave = 1;
  const edges: [number, number][] = [
    [-dx, a.x - rect.x],
    [dx, rect.x + rect.width - a.x],
    [-dy, a.y - rect.y],
    [dy, rect.y + rect.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter >= leave) return false;
  }
  return true;
}

export function diagramQuality(document: DiagramDocument): DiagramQuality {
  const index = new DocumentIndex(document);
  const boxes = document.nodes.map((node) => ({
    node,
    rect: index.absoluteRect(node.id),
    isGroup: findKind(node.kind)?.group !== undefined,
  }));
  const details: string[] = [];
  let edgeBoxCrossings = 0;
  const labels: { edgeId: string; rect: Rect }[] = [];
  for (const edge of document.edges) {
    const layout = layoutEdge(index, edge);
    if (!layout) continue;
    const related = new Set([
      edge.source,
      edge.target,
      ...index.ancestors(edge.source).map((node) => node.id),
      ...index.ancestors(edge.target).map((node) => node.id),
    ]);
    const points = routePolyline(layout);
    for (const box of boxes) {
      if (related.has(box.node.id)) continue;
      const inside = inset(box.rect, INSET);
      if (points.some((point, at) => at > 0 && segmentCrosses(points[at - 1]!, point, inside))) {
        edgeBoxCrossings++;
        details.push(`${edge.id} crosses ${box.node.id}`);
      }
    }
    if (layout.label) {
      const { x, y, width, height } = layout.label;
      labels.push({ edgeId: edge.id, rect: { x: x - width / 2, y: y - height / 2, width, height } });
    }
  }
  let labelOverlaps = 0;
  for (let at = 0; at < labels.length; at++) {
    const label = labels[at]!;
    for (const other of labels.slice(at + 1)) {
      if (!overlaps(label.rect, other.rect)) continue;
      labelOverlaps++;
      details.push(`label of ${label.edgeId} on label of ${other.edgeId}`);
    }
    for (const box of boxes) {
      // A card is covered anywhere (its icon, title and summary fill it); a group only on its title bar.
      const covered = box.isGroup ? { ...box.rect, height: Math.min(GROUP.iconSize, box.rect.height) } : box.rect;
      if (!overlaps(label.rect, inset(covered, INSET))) continue;
      labelOverlaps++;
      details.push(`label of ${label.edgeId} on ${box.node.id}`);
    }
  }
  return { edgeBoxCrossings, labelOverlaps, details };
}
