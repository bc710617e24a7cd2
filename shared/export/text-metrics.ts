/**
 * Approximate text measurement without a DOM or a font file, so exports (and the canvas,
 * which must truncate labels the same way) agree on where a label ends. The tables are the
 * Helvetica advance widths from the Adobe core font metrics, in 1/1000 em; Arial and its
 * metric clones (Liberation Sans, Arimo) share them, so measurements match every renderer
 * that resolves our font stack to one of those. Other scripts get an estimate: a full em
 * for CJK and emoji, 0.6 em for the rest.
 */

/** Advance widths of U+0020 … U+007E in Helvetica (regular), 1/1000 em. */
const REGULAR_ASCII = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space … /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556, // 0 … ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778, // @ … O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556, // P … _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556, // ` … o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584, // p … ~
] as const;

/** Advance widths of U+0020 … U+007E in Helvetica Bold, 1/1000 em. */
const BOLD_ASCII = [
  278,
  333,
  474,
  556,
  556,
  889,
  722,
  238,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space … /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  333,
  333,
  584,
  584,
  584,
  611, // 0 … ?
  975,
  722,
  722,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  556,
  722,
  611,
  833,
  722,
  778, // @ … O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  333,
  278,
  333,
  584,
  556, // P … _
  333,
  556,
  611,
  556,
  611,
  556,
  333,
  611,
  611,
  278,
  278,
  556,
  278,
  889,
  611,
  611, // ` … o
  611,
  611,
  389,
  556,
  333,
  611,
  556,
  778,
  556,
  556,
  500,
  389,
  280,
  389,
  584, // p … ~
] as const;

/** Advance widths of U+00A0 … U+00FF (Latin-1: accented letters, ·, ×, ©) in Helvetica, 1/1000 em; where Arial differs (¯ ± µ ÷), Arial's. */
const REGULAR_LATIN1 = [
  278,
  333,
  556,
  556,
  556,
  556,
  260,
  556,
  333,
  737,
  370,
  556,
  584,
  333,
  737,
  552, // nbsp … ¯
  400,
  549,
  333,
  333,
  333,
  576,
  537,
  278,
  333,
  333,
  365,
  556,
  834,
  834,
  834,
  611, // ° … ¿
  667,
  667,
  667,
  667,
  667,
  667,
  1000,
  722,
  667,
  667,
  667,
  667,
  278,
  278,
  278,
  278, // À … Ï
  722,
  722,
  778,
  778,
  778,
  778,
  778,
  584,
  778,
  722,
  722,
  722,
  722,
  667,
  667,
  611, // Ð … ß
  556,
  556,
  556,
  556,
  556,
  556,
  889,
  500,
  556,
  556,
  556,
  556,
  278,
  278,
  278,
  278, // à … ï
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  549,
  611,
  556,
  556,
  556,
  556,
  500,
  556,
  500, // ð … ÿ
] as const;

/** Advance widths of U+00A0 … U+00FF in Helvetica Bold, 1/1000 em. */
const BOLD_LATIN1 = [
  278,
  333,
  556,
  556,
  556,
  556,
  280,
  556,
  333,
  737,
  370,
  556,
  584,
  333,
  737,
  552, // nbsp … ¯
  400,
  549,
  333,
  333,
  333,
  576,
  556,
  278,
  333,
  333,
  365,
  556,
  834,
  834,
  834,
  611, // ° … ¿
  722,
  722,
  722,
  722,
  722,
  722,
  1000,
  722,
  667,
  667,
  667,
  667,
  278,
  278,
  278,
  278, // À … Ï
  722,
  722,
  778,
  778,
  778,
  778,
  778,
  584,
  778,
  722,
  722,
  722,
  722,
  667,
  667,
  611, // Ð … ß
  556,
  556,
  556,
  556,
  556,
  556,
  889,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  278,
  278, // à … ï
  611,
  611,
  611,
  611,
  611,
  611,
  611,
  549,
  611,
  611,
  611,
  611,
  611,
  556,
  611,
  556, // ð … ÿ
] as const;

/** Common punctuation beyond Latin-1 that summaries and labels use: [regular, bold], 1/1000 em. */
const PUNCTUATION: ReadonlyMap<number, readonly [number, number]> = new Map([
  [0x2013, [556, 556]], // – en dash (ranges: "1–4")
  [0x2014, [1000, 1000]], // — em dash
  [0x2018, [222, 278]], // ‘
  [0x2019, [222, 278]], // ’
  [0x201c, [333, 500]], // “
  [0x201d, [333, 500]], // ”
  [0x2022, [350, 350]], // •
  [0x2026, [1000, 1000]], // …
  [0x20ac, [556, 556]], // €
  [0x2122, [1000, 1000]], // ™
  [0x2192, [1000, 1000]], // →
]);

/** Width of characters outside the tables that are neither wide nor invisible: roughly an average lowercase letter. */
const DEFAULT_WIDTH = 600;
/** CJK ideographs, kana, Hangul, full-width forms and emoji take a full em. */
const WIDE_WIDTH = 1000;
/** Bold glyphs outside the tables are a little wider than regular ones. */
const BOLD_FACTOR = 1.06;

export const ELLIPSIS = '\u2026';
const ELLIPSIS_WIDTH = 1000;

export interface FontSpec {
  /** Font size in px. */
  size: number;
  /** CSS font weight; 600 and above use the bold table (Helvetica and Arial have no semibold). */
  weight?: number;
}

function isBold(font: FontSpec): boolean {
  return (font.weight ?? 400) >= 600;
}

/** Combining marks, joiners, variation selectors, bidi controls and other code points that add no advance of their own. */
function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x0483 && codePoint <= 0x0489) ||
    (codePoint >= 0x0591 && codePoint <= 0x05bd) ||
    (codePoint >= 0x0610 && codePoint <= 0x061a) ||
    (codePoint >= 0x064b && codePoint <= 0x065f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe007f)
  );
}

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2600 && codePoint <= 0x27bf) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Advance of one code point in 1/1000 em. */
function codePointWidth(codePoint: number, bold: boolean): number {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return (bold ? BOLD_ASCII : REGULAR_ASCII)[codePoint - 0x20]!;
  if (codePoint >= 0xa0 && codePoint <= 0xff) return (bold ? BOLD_LATIN1 : REGULAR_LATIN1)[codePoint - 0xa0]!;
  const punctuation = PUNCTUATION.get(codePoint);
  if (punctuation) return punctuation[bold ? 1 : 0];
  if (isZeroWidth(codePoint) || codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (isWide(codePoint)) return WIDE_WIDTH;
  return bold ? DEFAULT_WIDTH * BOLD_FACTOR : DEFAULT_WIDTH;
}

/** Advance of one user-perceived character: its first code point sets the width; the rest combine with it (accents, emoji sequences). */
function graphemeWidth(grapheme: string, bold: boolean): number {
  const first = grapheme.codePointAt(0) ?? 0;
  let width = codePointWidth(first, bold);
  if (width === 0 && grapheme.length > (first > 0xffff ? 2 : 1)) {
    // A lone combining mark at the start draws on its own; an invisible start gives way to what follows.
    for (const char of grapheme) width = Math.max(width, codePointWidth(char.codePointAt(0)!, bold));
  }
  return width;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
let segmenter: Intl.Segmenter | undefined;

/** Splits text into grapheme clusters so truncation never cuts a surrogate pair, an accent off its letter or an emoji sequence apart. */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/** Width of `text` in px when set in `font`. */
export function measureText(text: string, font: FontSpec): number {
  const bold = isBold(font);
  let total = 0;
  if (PRINTABLE_ASCII.test(text)) {
    const table = bold ? BOLD_ASCII : REGULAR_ASCII;
    for (let index = 0; index < text.length; index++) total += table[text.charCodeAt(index) - 0x20]!;
  } else {
    for (const grapheme of graphemes(text)) total += graphemeWidth(grapheme, bold);
  }
  return (total * font.size) / 1000;
}

/**
 * `text` shortened to fit `maxWidth` px, ending in "…" when anything was cut. Returns ''
 * when not even the ellipsis fits. Cuts only between grapheme clusters and drops the
 * spaces the cut leaves at the end.
 */
export function truncateText(text: string, maxWidth: number, font: FontSpec): string {
  if (measureText(text, font) <= maxWidth) return text;
  const ellipsisWidth = (ELLIPSIS_WIDTH * font.size) / 1000;
  if (ellipsisWidth > maxWidth) return '';
  const bold = isBold(font);
  const budget = ((maxWidth - ellipsisWidth) * 1000) / font.size;
  let used = 0;
  let kept = '';
  for (const grapheme of graphemes(text)) {
    const width = graphemeWidth(grapheme, bold);
    if (used + width > budget) break;
    used += width;
    kept += grapheme;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}
