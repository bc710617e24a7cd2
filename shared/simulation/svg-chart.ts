import { escapeText, sanitizeLabel } from '../export/svg/xml';
import { stripBidiControls } from '../text/unsafe-characters';

/**
 * A small line chart as standalone SVG, for files (the CDK app's README): the app draws its
 * charts with uPlot, which needs a DOM; this needs none. Labels are user text, escaped.
 */
export interface ChartLine {
  label: string;
  values: ArrayLike<number>;
  color: string;
  dashed?: boolean;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { left: 44, right: 12, top: 28, bottom: 40 };

export function svgLineChart(title: string, unit: string, lines: readonly ChartLine[]): string {
  const length = Math.max(1, ...lines.map((line) => line.values.length));
  const highest = Math.max(1, ...lines.flatMap((line) => Array.from(line.values)));
  const top = niceCeiling(highest);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (minute: number) => MARGIN.left + (length === 1 ? 0 : (minute / (length - 1)) * plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="16" font-weight="600">${escapeText(plain(title))} <tspan fill="#5f6b7a" font-weight="400">(${escapeText(unit)})</tspan></text>`,
  ];
  for (let step = 0; step <= 4; step++) {
    const value = (top * step) / 4;
    out.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#dde1e6"/>`,
      `<text x="${MARGIN.left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" fill="#5f6b7a">${formatTick(value)}</text>`,
    );
  }
  const minuteStep = length > 240 ? 120 : length > 60 ? 30 : 10;
  for (let minute = 0; minute < length; minute += minuteStep) {
    out.push(
      `<text x="${x(minute).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 14}" text-anchor="middle" fill="#5f6b7a">${minute} min</text>`,
    );
  }
  let legendX = MARGIN.left;
  for (const line of lines) {
    const points = Array.from(line.values, (value, minute) => `${x(minute).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    out.push(
      `<polyline fill="none" stroke="${line.color}" stroke-width="1.5"${line.dashed ? ' stroke-dasharray="4 3"' : ''} points="${points}"/>`,
    );
    const label = escapeText(plain(line.label));
    out.push(
      `<line x1="${legendX}" x2="${legendX + 14}" y1="${HEIGHT - 10}" y2="${HEIGHT - 10}" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<text x="${legendX + 18}" y="${HEIGHT - 6}">${label}</text>`,
    );
    legendX += 26 + Math.min(160, plain(line.label).length * 6.2);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** 1, 2 or 5 times a power of ten, at least `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A label as plain text: no invalid XML characters, line breaks or bidirectional controls (they would reorder what the reader sees). */
function plain(text: string): string {
  return stripBidiControls(sanitizeLabel(text));
}
