import { findKind, findConnection, isKindId } from '../../catalog';
import {
  DocumentIndex,
  nodeSize,
  routeBetween,
  type DiagramDocument,
  type DiagramEdge,
  type DiagramNode,
  type Point,
} from '../../document';
import { nodeLook } from '../svg/nodes';
import { escapeAttribute, num, sanitizeLabel } from '../svg/xml';
import { DRAWIO_LOOKS, type DrawioLook } from './shapes';
import { cardStyle, edgeStyle, groupStyle, iconStyle } from './styles';

/**
 * The two cells every draw.io diagram starts with: the root and the default layer that holds
 * the drawing. Their ids hold ":", which document ids never do, so no node or edge clashes.
 */
export const DRAWIO_ROOT_ID = ':root';
export const DRAWIO_LAYER_ID = ':layer';

/** The id of the AWS icon cell inside a component's card (":" again keeps it apart from document ids). */
export function iconCellId(nodeId: string): string {
  return `${nodeId}:icon`;
}

export interface DrawioExport {
  /** An uncompressed .drawio file (mxGraph XML) that draw.io desktop and app.diagrams.net open as an editable diagram. */
  xml: string;
  nodeCount: number;
  edgeCount: number;
}

/** The icon's box inside a card: a square at the left, as on the canvas. */
const ICON = { inset: 8, size: 40 } as const;

function drawioLook(kind: string): DrawioLook | undefined {
  return isKindId(kind) ? DRAWIO_LOOKS[kind] : undefined;
}

/** Text as HTML: draw.io reads the value of a cell styled html=1 as markup. */
function html(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A cell value: HTML (label in bold, summary below), then escaped for the attribute. */
function htmlValue(parts: { bold: string; plain?: string }): string {
  const value = parts.plain ? `<b>${html(parts.bold)}</b><br>${html(parts.plain)}` : `<b>${html(parts.bold)}</b>`;
  return escapeAttribute(value);
}

function vertex(id: string, value: string, style: string, parent: string, x: number, y: number, width: number, height: number): string {
  return (
    `<mxCell id="${escapeAttribute(id)}" value="${value}" style="${style}" vertex="1" parent="${escapeAttribute(parent)}">` +
    `<mxGeometry x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" as="geometry"/></mxCell>`
  );
}

/** The innermost group holding both ends (each end's own parent chain, so an edge to its own group sits beside it). */
function commonParent(index: DocumentIndex, edge: DiagramEdge): string | undefined {
  const sourceChain = new Set(index.ancestors(edge.source).map((node) => node.id));
  return index.ancestors(edge.target).find((node) => sourceChain.has(node.id))?.id;
}

/** The corners of a canvas route: the control points of its rounded bends, in order. */
function routeCorners(path: string): Point[] {
  return [...path.matchAll(/Q(-?[\d.]+(?:e[-+]?\d+)?) (-?[\d.]+(?:e[-+]?\d+)?)/gi)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
  }));
}

function nodeCells(node: DiagramNode, index: DocumentIndex): string[] {
  const look = nodeLook(node, 'light');
  const drawio = drawioLook(node.kind);
  const parent = node.parentId ?? DRAWIO_LAYER_ID;
  const size = nodeSize(node);
  const { x, y } = node.position;
  const isGroup = findKind(node.kind)?.group !== undefined || index.children(node.id).length > 0;
  const value = htmlValue({ bold: look.label, ...(look.summary ? { plain: look.summary } : {}) });
  if (isGroup) return [vertex(node.id, value, groupStyle(drawio, look.appearance), parent, x, y, size.width, size.height)];
  const cells = [vertex(node.id, value, cardStyle(), parent, x, y, size.width, size.height)];
  const icon = iconStyle(drawio, look.appearance);
  if (icon) {
    const side = Math.min(ICON.size, size.height - 2 * ICON.inset);
    cells.push(vertex(iconCellId(node.id), '', icon, node.id, ICON.inset, (size.height - side) / 2, side, side));
  }
  return cells;
}

function edgeCell(edge: DiagramEdge, index: DocumentIndex): string | undefined {
  const source = index.node(edge.source);
  const target = index.node(edge.target);
  if (!source || !target) return undefined;
  const route = routeBetween(index.absoluteRect(source.id), index.absoluteRect(target.id), edge.sourceHandle, edge.targetHandle);
  const parentId = commonParent(index, edge);
  const origin = parentId ? index.absolutePosition(parentId) : { x: 0, y: 0 };
  const points = routeCorners(route.path)
    .map((point) => `<mxPoint x="${num(point.x - origin.x)}" y="${num(point.y - origin.y)}"/>`)
    .join('');
  const label = sanitizeLabel(findConnection(source.kind, target.kind)?.definition.label ?? '');
  return (
    `<mxCell id="${escapeAttribute(edge.id)}" value="${escapeAttribute(html(label))}" ` +
    `style="${edgeStyle(route.sourceSide, route.targetSide)}" edge="1" parent="${escapeAttribute(parentId ?? DRAWIO_LAYER_ID)}" ` +
    `source="${escapeAttribute(source.id)}" target="${escapeAttribute(target.id)}">` +
    `<mxGeometry relative="1" as="geometry">${points ? `<Array as="points">${points}</Array>` : ''}</mxGeometry></mxCell>`
  );
}

/**
 * The diagram as a draw.io file, to go on editing it there: every component a card with
 * draw.io's own AWS 2019+ icon for its kind (shapes.ts), every group a draw.io container
 * holding its children (so they move with it), every connection an orthogonal connector
 * between the same sides as on the canvas, through the same corners, labelled as on the canvas.
 * Positions are the document's, relative to each parent as draw.io expects.
 */
export function exportDrawio(document: DiagramDocument, options: { appVersion?: string } = {}): DrawioExport {
  const index = new DocumentIndex(document);
  const cells = [`<mxCell id="${DRAWIO_ROOT_ID}"/>`, `<mxCell id="${DRAWIO_LAYER_ID}" parent="${DRAWIO_ROOT_ID}"/>`];
  for (const node of document.nodes) cells.push(...nodeCells(node, index));
  let edgeCount = 0;
  for (const edge of document.edges) {
    const cell = edgeCell(edge, index);
    if (!cell) continue;
    cells.push(cell);
    edgeCount++;
  }
  const bounds = index.bounds() ?? { x: 0, y: 0, width: 850, height: 1100 };
  const title = escapeAttribute(sanitizeLabel(document.metadata.title) || 'Stowage diagram');
  const agent = escapeAttribute(`Stowage${options.appVersion ? ` ${options.appVersion}` : ''}`);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="Stowage" agent="${agent}" type="device">`,
    `<diagram id="stowage" name="${title}">`,
    `<mxGraphModel dx="${num(bounds.width)}" dy="${num(bounds.height)}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" pageWidth="${num(Math.max(850, bounds.width))}" pageHeight="${num(Math.max(1100, bounds.height))}" math="0" shadow="0">`,
    '<root>',
    ...cells,
    '</root>',
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
  return { xml, nodeCount: document.nodes.length, edgeCount };
}
