import { DocumentIndex, type Rect } from '../../document/geometry';
import type { DiagramDocument, DiagramNode } from '../../document/schema';
import type { Finding, Severity } from '../../rules/types';
import { badgeMarkup, badgeRect, badgeText, badgesByNode, type NodeBadge } from './badges';
import { edgeLabelMarkup, edgeLineMarkup, extendByEdge, layoutEdge, type EdgeLayout } from './edges';
import { Extent } from './extent';
import { groupMarkup, leafMarkup, nodeLook, type NodeLook } from './nodes';
import { FRAME, legend, titleBlock } from './frame';
import { exportScope } from './scope';
import {
  BACKGROUNDS,
  DEFAULT_BACKGROUND,
  DEFAULT_PADDING,
  FONT_FAMILY,
  GROUP,
  THEMES,
  type ExportBackground,
  type ExportTheme,
} from './style';
import { escapeAttribute, escapeText, num, sanitizeLabel, sanitizeMultiline } from './xml';

export interface SvgExportOptions {
  /** Node ids to export, with everything nested inside them and the edges among them. Empty or undefined: the whole diagram. */
  selection?: readonly string[];
  /** Space around the content, px. Default 32. */
  padding?: number;
  /** Default: the theme's page colour (white for light, dark for dark). */
  background?: ExportBackground;
  /** Default light. */
  theme?: ExportTheme;
  /** Draw a severity badge on every node these findings name. No badges when undefined. */
  findings?: readonly Finding[];
  /** A title block above the diagram: the document's title and description, and `date` as given (the caller's clock, so exports stay reproducible). */
  titleBlock?: { readonly date?: string };
  /** A legend below the diagram: the kinds of connection drawn and, with badges, what their colours mean. */
  legend?: boolean;
}

export interface SvgExport {
  /** A complete, self-contained SVG 1.1 document. */
  svg: string;
  /** Size of the image in px (CSS pixels at 1×): the `width`/`height` of the SVG. */
  width: number;
  height: number;
  nodeCount: number;
  edgeCount: number;
}

export const MAX_PADDING = 10_000;

/**
 * The document (or a selection of it) as a native SVG: real rectangles, paths and text, the
 * official AWS icons embedded once each as symbols, edges routed exactly as on the canvas.
 * Same document and options, same bytes.
 */
export function exportSvg(document: DiagramDocument, options: SvgExportOptions = {}): SvgExport {
  const theme = options.theme ?? 'light';
  const colors = THEMES[theme];
  const background = BACKGROUNDS[options.background ?? DEFAULT_BACKGROUND[theme]];
  const padding = clampPadding(options.padding);
  const index = new DocumentIndex(document);
  const scope = exportScope(index, options.selection);
  const extent = new Extent();

  const looks = new Map<string, NodeLook>();
  const rects = new Map<string, Rect>();
  for (const node of scope.nodes) {
    looks.set(node.id, nodeLook(node, theme));
    const rect = index.absoluteRect(node.id);
    rects.set(node.id, rect);
    // Half of the widest border lies outside the node.
    extent.addRect(rect, GROUP.strokeWidth / 2);
  }

  const edges: EdgeLayout[] = [];
  for (const edge of scope.edges) {
    const layout = layoutEdge(index, edge);
    if (!layout) continue;
    edges.push(layout);
    extendByEdge(extent, layout);
  }

  const badges = options.findings ? badgesByNode(options.findings) : new Map<string, NodeBadge>();
  const badgeLayers: string[] = [];
  const severities = new Set<Severity>();
  for (const node of scope.nodes) {
    const badge = badges.get(node.id);
    const rect = rects.get(node.id)!;
    if (!badge) continue;
    severities.add(badge.severity);
    extent.addRect(badgeRect(rect, badgeText(badge.count)));
    badgeLayers.push(badgeMarkup(rect, badge));
  }

  const content = extent.rect() ?? { x: 0, y: 0, width: 0, height: 0 };
  const framed = options.titleBlock !== undefined || options.legend === true;
  const innerWidth = framed ? Math.max(content.width, FRAME.minWidth) : content.width;
  const header = options.titleBlock ? titleBlock(document.metadata, options.titleBlock.date, innerWidth, colors) : undefined;
  const footer = options.legend ? legend(edges, severities, innerWidth, colors) : undefined;
  const headerHeight = header?.height ?? 0;
  const width = Math.max(1, Math.ceil(innerWidth + 2 * padding));
  const height = Math.max(1, Math.ceil(content.height + 2 * padding + headerHeight + (footer?.height ?? 0)));
  const offsetX = padding - content.x;
  const offsetY = padding + headerHeight - content.y;

  const groups: string[] = [];
  const leaves: string[] = [];
  for (const node of drawingOrder(scope.nodes)) {
    const look = looks.get(node.id)!;
    const rect = rects.get(node.id)!;
    if (look.isGroup) groups.push(groupMarkup(node, rect, look, colors));
    else leaves.push(leafMarkup(node, rect, look, colors));
  }

  const symbols = new Map<string, string>();
  for (const look of looks.values()) if (look.icon) symbols.set(look.icon.id, look.icon.markup);

  const title = sanitizeLabel(document.metadata.title);
  const description = sanitizeMultiline(document.metadata.description).trim();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeAttribute(FONT_FAMILY)}">`,
    title ? `<title>${escapeText(title)}</title>` : '',
    description ? `<desc>${escapeText(description)}</desc>` : '',
    symbols.size > 0
      ? `<defs>\n${[...symbols.keys()]
          .sort()
          .map((id) => symbols.get(id)!)
          .join('\n')}\n</defs>`
      : '',
    background ? `<rect width="${width}" height="${height}" fill="${background}"/>` : '',
    `<g transform="translate(${num(offsetX)} ${num(offsetY)})">`,
    layer('groups', groups),
    layer(
      'edges',
      edges.map((layout) => edgeLineMarkup(layout, colors)),
    ),
    layer('edge-labels', edges.map((layout) => edgeLabelMarkup(layout, colors)).filter(Boolean)),
    layer('nodes', leaves),
    layer('badges', badgeLayers),
    '</g>',
    // After the diagram's group, which stays the first child of the root (tools and tests find it there).
    header ? header.markup(padding, padding) : '',
    footer ? footer.markup(padding, padding + headerHeight + content.height) : '',
    '</svg>',
  ];
  return { svg: `${lines.filter(Boolean).join('\n')}\n`, width, height, nodeCount: scope.nodes.length, edgeCount: edges.length };
}

function layer(name: string, elements: readonly string[]): string {
  if (elements.length === 0) return '';
  return `<g id="stowage-layer-${name}">\n${elements.join('\n')}\n</g>`;
}

function clampPadding(padding: number | undefined): number {
  if (padding === undefined || !Number.isFinite(padding)) return DEFAULT_PADDING;
  return Math.min(MAX_PADDING, Math.max(0, padding));
}

/**
 * Outermost first: a depth-first walk of the drawn nodes in document order, so a group is
 * painted before the groups inside it and siblings keep the order the canvas stacks them in.
 */
function drawingOrder(nodes: readonly DiagramNode[]): DiagramNode[] {
  const drawn = new Set(nodes.map((node) => node.id));
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of nodes) {
    const parent = node.parentId !== undefined && drawn.has(node.parentId) ? node.parentId : undefined;
    const siblings = children.get(parent);
    if (siblings) siblings.push(node);
    else children.set(parent, [node]);
  }
  const ordered: DiagramNode[] = [];
  const visited = new Set<string>();
  const stack = [...(children.get(undefined) ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    ordered.push(node);
    for (const child of [...(children.get(node.id) ?? [])].reverse()) stack.push(child);
  }
  // Nodes caught in a parent cycle (a hand-built document) are still drawn.
  for (const node of nodes) if (!visited.has(node.id)) ordered.push(node);
  return ordered;
}

/** Pixel size of an SVG this module wrote (its root `width`/`height`), for callers holding only the text. */
export function svgDimensions(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return undefined;
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
