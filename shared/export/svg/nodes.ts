import { appearanceOf, findKind, iconOf, summaryOf, type Appearance } from '../../catalog';
import type { Rect } from '../../document/geometry';
import type { DiagramNode } from '../../document/schema';
import { measureText, truncateText } from '../text-metrics';
import { iconSymbol, type IconSymbol } from './icons';
import { parsePaint } from './paint';
import { GROUP, LEAF, type ExportTheme, type ThemeColors } from './style';
import { escapeAttribute, escapeText, num, sanitizeLabel, xmlId } from './xml';

/** What the catalog says about how a node looks, resolved once per node. */
export interface NodeLook {
  isGroup: boolean;
  appearance: Appearance;
  icon: IconSymbol | undefined;
  label: string;
  summary: string;
}

const UNKNOWN_APPEARANCE: Appearance = { color: '#7d8998' };

export function nodeLook(node: DiagramNode, theme: ExportTheme): NodeLook {
  const kind = findKind(node.kind);
  if (!kind) return { isGroup: false, appearance: UNKNOWN_APPEARANCE, icon: undefined, label: sanitizeLabel(node.label), summary: '' };
  return {
    isGroup: kind.group !== undefined,
    appearance: appearanceOf(kind, node.props),
    icon: iconSymbol(iconOf(kind, node.props), theme),
    label: sanitizeLabel(node.label),
    summary: sanitizeLabel(safeSummary(() => summaryOf(kind, node.props))),
  };
}

/** A summary function meets props of the right shape in a loaded document; a hand-built one must not break the export. */
function safeSummary(summary: () => string): string {
  try {
    const text = summary();
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

function iconMarkup(look: NodeLook, x: number, y: number, size: number): string {
  if (!look.icon) {
    const paint = parsePaint(look.appearance.color);
    return `<rect x="${num(x)}" y="${num(y)}" width="${size}" height="${size}" rx="4" ry="4" fill="${paint.color}"${opacityAttribute('fill-opacity', paint.opacity)}/>`;
  }
  const href = `#${escapeAttribute(look.icon.id)}`;
  return `<use xlink:href="${href}" href="${href}" x="${num(x)}" y="${num(y)}" width="${size}" height="${size}"/>`;
}

function opacityAttribute(name: string, opacity: number): string {
  return opacity < 1 ? ` ${name}="${num(opacity)}"` : '';
}

function textMarkup(text: string, x: number, y: number, size: number, color: string, weight?: number): string {
  const weightAttribute = weight === undefined ? '' : ` font-weight="${weight}"`;
  return `<text x="${num(x)}" y="${num(y)}" font-size="${size}"${weightAttribute} fill="${color}">${escapeText(text)}</text>`;
}

function groupId(node: DiagramNode): string {
  return escapeAttribute(xmlId('stowage-node-', node.id));
}

/** A component card: rounded rectangle, icon, bold label and grey summary, both cut to the card's width. */
export function leafMarkup(node: DiagramNode, rect: Rect, look: NodeLook, colors: ThemeColors): string {
  const textWidth = rect.width - LEAF.textX - LEAF.textPaddingRight;
  const label = truncateText(look.label, textWidth, { size: LEAF.labelFontSize, weight: LEAF.labelFontWeight });
  const summary = truncateText(look.summary, textWidth, { size: LEAF.summaryFontSize });
  const textX = rect.x + LEAF.textX;
  let markup =
    `<g id="${groupId(node)}">` +
    `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" rx="${LEAF.cornerRadius}" ry="${LEAF.cornerRadius}" fill="${colors.leafFill}" stroke="${colors.leafStroke}" stroke-width="${LEAF.strokeWidth}"/>` +
    iconMarkup(look, rect.x + LEAF.iconX, rect.y + LEAF.iconY, LEAF.iconSize);
  const labelBaseline = summary ? LEAF.labelBaseline : LEAF.labelBaselineAlone;
  if (label) markup += textMarkup(label, textX, rect.y + labelBaseline, LEAF.labelFontSize, colors.label, LEAF.labelFontWeight);
  if (summary) markup += textMarkup(summary, textX, rect.y + LEAF.summaryBaseline, LEAF.summaryFontSize, colors.summary);
  return `${markup}</g>`;
}

/** An AWS-style group box: square corners, the kind's border colour (dashed for regions, AZs, capacity), icon in the corner, title and summary on one line. */
export function groupMarkup(node: DiagramNode, rect: Rect, look: NodeLook, colors: ThemeColors): string {
  const stroke = parsePaint(look.appearance.color);
  const fill = look.appearance.fill ? parsePaint(look.appearance.fill, { color: 'none', opacity: 1 }) : { color: 'none', opacity: 1 };
  const dash = look.appearance.dashed ? ` stroke-dasharray="${GROUP.dashArray}"` : '';
  const available = rect.width - GROUP.titleX - GROUP.textPaddingRight;
  const titleFont = { size: GROUP.titleFontSize, weight: GROUP.titleFontWeight };
  const title = truncateText(look.label, available, titleFont);
  const titleWidth = title ? measureText(title, titleFont) : 0;
  const summaryX = GROUP.titleX + (title ? titleWidth + GROUP.summaryGap : 0);
  const summaryRoom = rect.width - summaryX - GROUP.textPaddingRight;
  const summary = summaryRoom >= GROUP.minSummaryWidth ? truncateText(look.summary, summaryRoom, { size: GROUP.summaryFontSize }) : '';
  let markup =
    `<g id="${groupId(node)}">` +
    `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.width)}" height="${num(rect.height)}" fill="${fill.color}"${opacityAttribute('fill-opacity', fill.opacity)} stroke="${stroke.color}"${opacityAttribute('stroke-opacity', stroke.opacity)} stroke-width="${GROUP.strokeWidth}"${dash}/>` +
    iconMarkup(look, rect.x, rect.y, GROUP.iconSize);
  const baseline = rect.y + GROUP.titleBaseline;
  if (title) markup += textMarkup(title, rect.x + GROUP.titleX, baseline, GROUP.titleFontSize, colors.label, GROUP.titleFontWeight);
  if (summary) markup += textMarkup(summary, rect.x + summaryX, baseline, GROUP.summaryFontSize, colors.summary);
  return `${markup}</g>`;
}
