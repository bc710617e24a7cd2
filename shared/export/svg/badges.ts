import type { Rect } from '../../document/geometry';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../rules/types';
import { measureText } from '../text-metrics';
import { BADGE, SEVERITY_COLORS } from './style';
import { escapeText, num, sanitizeMultiline } from './xml';

/** The findings on one node, summarized for its badge. */
export interface NodeBadge {
  /** The worst severity among the node's findings: it picks the colour. */
  severity: Severity;
  count: number;
  messages: string[];
}

/** Badges by node id, for the nodes the findings name. A finding naming a node twice counts once for it. */
export function badgesByNode(findings: readonly Finding[]): Map<string, NodeBadge> {
  const badges = new Map<string, NodeBadge>();
  for (const finding of findings) {
    for (const nodeId of new Set(finding.nodeIds)) {
      const badge = badges.get(nodeId);
      if (!badge) {
        badges.set(nodeId, { severity: finding.severity, count: 1, messages: [finding.message] });
        continue;
      }
      badge.count++;
      badge.messages.push(finding.message);
      if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[badge.severity]) badge.severity = finding.severity;
    }
  }
  return badges;
}

/** "!" for a single finding, otherwise the count, capped so it stays a small mark. */
export function badgeText(count: number): string {
  if (count <= 1) return '!';
  return count > 99 ? '99+' : String(count);
}

/** The badge's outline: a circle, or a pill when the count is too wide for one. */
export function badgeRect(node: Rect, text: string): Rect {
  const font = { size: BADGE.fontSize, weight: BADGE.fontWeight };
  const diameter = BADGE.radius * 2;
  const width = Math.max(diameter, measureText(text, font) + 2 * BADGE.pillPaddingX);
  const centerX = node.x + node.width - BADGE.insetX;
  const centerY = node.y + BADGE.insetY;
  return { x: centerX - width / 2, y: centerY - BADGE.radius, width, height: diameter };
}

/** A severity badge with the finding messages as its tooltip (shown by browsers, ignored by print). */
export function badgeMarkup(node: Rect, badge: NodeBadge): string {
  const text = badgeText(badge.count);
  const outline = badgeRect(node, text);
  const colors = SEVERITY_COLORS[badge.severity];
  const centerX = outline.x + outline.width / 2;
  const centerY = outline.y + outline.height / 2;
  const tooltip = escapeText(sanitizeMultiline(badge.messages.join('\n')));
  return (
    `<g><title>${tooltip}</title>` +
    (outline.width > outline.height
      ? `<rect x="${num(outline.x)}" y="${num(outline.y)}" width="${num(outline.width)}" height="${num(outline.height)}" rx="${BADGE.radius}" ry="${BADGE.radius}" fill="${colors.fill}"/>`
      : `<circle cx="${num(centerX)}" cy="${num(centerY)}" r="${BADGE.radius}" fill="${colors.fill}"/>`) +
    `<text x="${num(centerX)}" y="${num(centerY + BADGE.baselineOffset)}" text-anchor="middle" font-size="${BADGE.fontSize}" font-weight="${BADGE.fontWeight}" fill="${colors.text}">${escapeText(text)}</text>` +
    `</g>`
  );
}
