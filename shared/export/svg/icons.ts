import { ICONS } from '../../catalog/icons.generated';
import { DARK_ICON_RECOLOR, type ExportTheme } from './style';
import { escapeAttribute, num, xmlId } from './xml';

/**
 * Turns an icon from the catalog's icon bundle into a `<symbol>` that an export embeds once
 * and references with `<use>`. The icon markup is rebuilt from an allow-list of drawing
 * elements and attributes: titles, scripts, styles, event handlers and any external
 * reference cannot survive, and ids inside the icon are namespaced so two icons (or two
 * exports inlined in one page) never clash.
 */

export interface IconSymbol {
  /** The `<symbol>` id, e.g. "stowage-icon-resource_2fUsers". */
  id: string;
  /** The icon's own coordinate system, "0 0 64 64". */
  viewBox: string;
  /** The complete `<symbol …>…</symbol>` element. */
  markup: string;
}

const SYMBOL_ID_PREFIX = 'stowage-icon-';

const DRAWING_ELEMENTS = new Set([
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
]);

const DRAWING_ATTRIBUTES = new Set([
  'id',
  'd',
  'x',
  'y',
  'width',
  'height',
  'rx',
  'ry',
  'cx',
  'cy',
  'r',
  'fx',
  'fy',
  'x1',
  'y1',
  'x2',
  'y2',
  'points',
  'transform',
  'fill',
  'fill-rule',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'clip-path',
  'clip-rule',
  'clipPathUnits',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
]);

/** Markup tokens: comments, processing instructions, CDATA, doctype, end tags, start tags, text. */
const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/\s*([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+|</g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const LOCAL_URL = /url\(\s*#([^)\s]+)\s*\)/g;

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower]!;
  });
}

function safeCodePoint(codePoint: number): string {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
}

function attributesOf(source: string): Array<[string, string]> {
  return Array.from(source.matchAll(ATTRIBUTE), (match) => [match[1]!, decodeEntities(match[2] ?? match[3] ?? '')]);
}

const PAINT_ATTRIBUTES = new Set(['fill', 'stroke', 'stop-color']);

/** A sanitized attribute, or undefined when it must go. */
function sanitizeAttribute(name: string, value: string, idPrefix: string, recolor: Readonly<Record<string, string>>): string | undefined {
  if (!DRAWING_ATTRIBUTES.has(name)) return undefined;
  if (name === 'id') return ` id="${escapeAttribute(xmlId(idPrefix, value))}"`;
  if (PAINT_ATTRIBUTES.has(name)) value = recolor[value.trim().toLowerCase()] ?? value;
  if (value.includes('url(')) {
    // Only references to the icon's own gradients and clip paths; anything else could point outside the file.
    const withoutLocal = value.replace(LOCAL_URL, '');
    if (withoutLocal.includes('url(')) return undefined;
    value = value.replace(LOCAL_URL, (_match, id: string) => `url(#${xmlId(idPrefix, id)})`);
  }
  return ` ${name}="${escapeAttribute(value)}"`;
}

function parseViewBox(attributes: ReadonlyArray<[string, string]>): string {
  const get = (name: string) => attributes.find(([key]) => key === name)?.[1];
  const numbers = (get('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (numbers.length === 4 && numbers.every(Number.isFinite) && numbers[2]! > 0 && numbers[3]! > 0) return numbers.map(num).join(' ');
  const width = parseFloat(get('width') ?? '');
  const height = parseFloat(get('height') ?? '');
  return width > 0 && height > 0 ? `0 0 ${num(width)} ${num(height)}` : '0 0 64 64';
}

/** Rebuilds `source` (a complete `<svg>` document) as a sanitized symbol with id `symbolId`, swapping colours as `recolor` says. */
export function svgToSymbol(source: string, symbolId: string, recolor: Readonly<Record<string, string>> = {}): IconSymbol {
  const idPrefix = `${symbolId}-`;
  let viewBox = '0 0 64 64';
  let insideRoot = false;
  let rootClosed = false;
  let skipDepth = 0;
  const open: string[] = [];
  let content = '';
  for (const match of source.matchAll(TOKEN)) {
    if (rootClosed) break;
    const [, endName, startName, attributeSource, selfClosing] = match;
    if (startName !== undefined) {
      if (!insideRoot) {
        if (startName === 'svg') {
          insideRoot = true;
          viewBox = parseViewBox(attributesOf(attributeSource ?? ''));
        }
        continue;
      }
      const isSelfClosing = selfClosing === '/';
      if (skipDepth > 0 || !DRAWING_ELEMENTS.has(startName)) {
        if (!isSelfClosing) skipDepth++;
        continue;
      }
      const attributes = attributesOf(attributeSource ?? '')
        .map(([name, value]) => sanitizeAttribute(name, value, idPrefix, recolor))
        .filter((attribute) => attribute !== undefined)
        .join('');
      content += `<${startName}${attributes}${isSelfClosing ? '/>' : '>'}`;
      if (!isSelfClosing) open.push(startName);
    } else if (endName !== undefined && insideRoot) {
      if (skipDepth > 0) skipDepth--;
      else if (open[open.length - 1] === endName) content += `</${open.pop()!}>`;
      else if (endName === 'svg' && open.length === 0) rootClosed = true;
    }
    // Text, comments and declarations are not drawing content: dropped.
  }
  while (open.length > 0) content += `</${open.pop()!}>`;
  return { id: symbolId, viewBox, markup: `<symbol id="${escapeAttribute(symbolId)}" viewBox="${viewBox}">${content}</symbol>` };
}

const symbolCache = new Map<string, IconSymbol | null>();

/**
 * The symbol for a catalog icon id in a theme, or undefined when the bundle has no such icon.
 * An icon the dark theme recolours gets its own id, so both variants can share a page. Built once.
 */
export function iconSymbol(iconId: string, theme: ExportTheme = 'light'): IconSymbol | undefined {
  const key = `${theme}\u0000${iconId}`;
  const cached = symbolCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const source = Object.hasOwn(ICONS, iconId) ? ICONS[iconId] : undefined;
  let symbol: IconSymbol | null = null;
  if (source !== undefined) {
    const recolors = theme === 'dark' && Object.keys(DARK_ICON_RECOLOR).some((color) => source.toLowerCase().includes(`"${color}"`));
    if (recolors) symbol = svgToSymbol(source, xmlId(SYMBOL_ID_PREFIX, `${iconId}-dark`), DARK_ICON_RECOLOR);
    else symbol = theme === 'light' ? svgToSymbol(source, xmlId(SYMBOL_ID_PREFIX, iconId)) : iconSymbol(iconId, 'light')!;
  }
  symbolCache.set(key, symbol);
  return symbol ?? undefined;
}
