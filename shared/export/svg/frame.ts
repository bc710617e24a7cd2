import { SEVERITY_ORDER, type Severity } from '../../rules/types';
import { measureText, truncateText, type FontSpec } from '../text-metrics';
import type { EdgeLayout } from './edges';
import { EDGE, SEVERITY_COLORS, type ThemeColors } from './style';
import { escapeText, num, sanitizeLabel, sanitizeMultiline } from './xml';

/**
 * What an export may carry around the diagram, for a reader who has only the picture: a title
 * block above it (the document's title and description, and a date) and a legend below it
 * (the kinds of connection drawn, and what the badges mean).
 */

export const FRAME = {
  /** The narrowest export with a title block or legend, so they are never squeezed to nothing. */
  minWidth: 360,
  title: { size: 20, weight: 600 } satisfies FontSpec,
  titleLine: 28,
  text: { size: 12 } satisfies FontSpec,
  textLine: 18,
  /** Description lines shown at most; the last one ends in "…" when there is more. */
  maxDescriptionLines: 4,
  small: { size: 11 } satisfies FontSpec,
  /** Space between the block and the diagram. */
  gap: 24,
  legendHeading: { size: 12, weight: 600 } satisfies FontSpec,
  legendRow: 22,
  legendSwatch: 28,
  legendItemGap: 20,
} as const;

/** The date a title block shows: the day of the export, local time, as 2026-12-02 (read the same everywhere). */
export function exportDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface FramePart {
  height: number;
  /** Markup drawn with its top-left corner at (x, y). */
  markup(x: number, y: number): string;
}

/** Words fitted into lines of `width`; a word longer than a line is cut to fit. */
export function wrapText(text: string, width: number, font: FontSpec, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureText(candidate, font) <= width || !line) {
        line = candidate;
        continue;
      }
      lines.push(line);
      line = word;
    }
    if (line) lines.push(line);
  }
  if (lines.length <= maxLines) return lines.map((line) => truncateText(line, width, font));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateText(`${kept[maxLines - 1]!} …`, width, font);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] = `${kept[maxLines - 1]!}…`;
  return kept.map((line) => truncateText(line, width, font));
}

function text(x: number, y: number, content: string, font: FontSpec, fill: string): string {
  const weight = font.weight ? ` font-weight="${font.weight}"` : '';
  return `<text x="${num(x)}" y="${num(y)}" font-size="${font.size}"${weight} fill="${fill}">${escapeText(content)}</text>`;
}

/** The title block: title, description (wrapped) and date, then a rule. Nothing when the document has neither title nor description. */
export function titleBlock(
  metadata: { title: string; description: string },
  date: string | undefined,
  width: number,
  colors: ThemeColors,
): FramePart | undefined {
  const title = truncateText(sanitizeLabel(metadata.title), width, FRAME.title);
  const description = wrapText(sanitizeMultiline(metadata.description).trim(), width, FRAME.text, FRAME.maxDescriptionLines);
  const when = date ? sanitizeLabel(date) : '';
  if (!title && description.length === 0 && !when) return undefined;
  const rows: { content: string; font: FontSpec; fill: string; line: number }[] = [];
  if (title) rows.push({ content: title, font: FRAME.title, fill: colors.label, line: FRAME.titleLine });
  for (const line of description) rows.push({ content: line, font: FRAME.text, fill: colors.label, line: FRAME.textLine });
  if (when) rows.push({ content: when, font: FRAME.small, fill: colors.summary, line: FRAME.textLine });
  const textHeight = rows.reduce((sum, row) => sum + row.line, 0);
  return {
    height: textHeight + FRAME.gap,
    markup(x, y) {
      let baseline = y;
      const parts = rows.map((row) => {
        baseline += row.line;
        return text(x, baseline - (row.line - row.font.size) / 2, row.content, row.font, row.fill);
      });
      const rule = `<line x1="${num(x)}" y1="${num(y + textHeight + FRAME.gap / 2)}" x2="${num(x + width)}" y2="${num(y + textHeight + FRAME.gap / 2)}" stroke="${colors.leafStroke}" stroke-width="1"/>`;
      return `<g id="stowage-title-block">${parts.join('')}${rule}</g>`;
    },
  };
}

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Information' };

/** The legend: a sample of each kind of connection drawn, by its label, and each badge severity shown. */
export function legend(
  edges: readonly EdgeLayout[],
  severities: ReadonlySet<Severity>,
  width: number,
  colors: ThemeColors,
): FramePart | undefined {
  const relations = [...new Set(edges.map((edge) => edge.label?.text).filter((label): label is string => Boolean(label)))];
  const badges = (Object.keys(SEVERITY_ORDER) as Severity[]).filter((severity) => severities.has(severity));
  if (relations.length === 0 && badges.length === 0) return undefined;
  type Item = { width: number; draw(x: number, middle: number): string };
  const items: Item[] = [
    ...relations.map((label): Item => ({
      width: FRAME.legendSwatch + 6 + measureText(label, FRAME.small),
      draw: (x, middle) => {
        const end = x + FRAME.legendSwatch;
        const arrow = `M${num(end)} ${num(middle)}L${num(end - EDGE.arrowLength)} ${num(middle - EDGE.arrowWidth / 2)}L${num(end - EDGE.arrowLength)} ${num(middle + EDGE.arrowWidth / 2)}Z`;
        return (
          `<path d="M${num(x)} ${num(middle)}L${num(end - EDGE.arrowLength + 1)} ${num(middle)}" stroke="${colors.edge}" stroke-width="${EDGE.strokeWidth}"/>` +
          `<path d="${arrow}" fill="${colors.edge}"/>` +
          text(end + 6, middle + FRAME.small.size / 3, label, FRAME.small, colors.label)
        );
      },
    })),
    ...badges.map((severity): Item => ({
      width: 16 + 6 + measureText(SEVERITY_LABELS[severity], FRAME.small),
      draw: (x, middle) =>
        `<circle cx="${num(x + 8)}" cy="${num(middle)}" r="8" fill="${SEVERITY_COLORS[severity].fill}"/>` +
        `<text x="${num(x + 8)}" y="${num(middle + 4)}" font-size="11" font-weight="700" text-anchor="middle" fill="${SEVERITY_COLORS[severity].text}">!</text>` +
        text(x + 22, middle + FRAME.small.size / 3, SEVERITY_LABELS[severity], FRAME.small, colors.label),
    })),
  ];
  // Rows of items, wrapped at the width.
  const rows: Item[][] = [[]];
  let used = 0;
  for (const item of items) {
    const row = rows[rows.length - 1]!;
    if (row.length > 0 && used + FRAME.legendItemGap + item.width > width) {
      rows.push([item]);
      used = item.width;
    } else {
      row.push(item);
      used += (row.length > 1 ? FRAME.legendItemGap : 0) + item.width;
    }
  }
  return {
    height: FRAME.gap + FRAME.textLine + rows.length * FRAME.legendRow,
    markup(x, y) {
      const top = y + FRAME.gap;
      const parts = [text(x, top + FRAME.legendHeading.size, 'Legend', FRAME.legendHeading, colors.label)];
      rows.forEach((row, at) => {
        const middle = top + FRAME.textLine + at * FRAME.legendRow + FRAME.legendRow / 2;
        let cursor = x;
        for (const item of row) {
          parts.push(item.draw(cursor, middle));
          cursor += item.width + FRAME.legendItemGap;
        }
      });
      return `<g id="stowage-legend">${parts.join('')}</g>`;
    },
  };
}
