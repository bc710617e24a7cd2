/**
 * Characters that change how text around them is shown rather than showing themselves:
 * control characters (a terminal acts on ESC sequences, CR rewinds a line, NUL and friends
 * vanish or confuse), the Unicode line and paragraph separators, the byte order mark, and
 * the bidirectional formatting controls that reorder what a reader sees ("Trojan Source",
 * CVE-2021-42574). User text (labels, titles, file content in error messages) must not carry
 * them raw into a terminal or a file a person reads; file and folder names, zip paths,
 * Markdown and XML refuse or drop the control characters.
 *
 * One list, as ranges of code points, for every place that escapes, strips or refuses them:
 * the predicates below and the regular-expression character classes are both made from it.
 */

type Range = readonly [first: number, last: number];

/** C0 controls, U+0000–U+001F: refused in Windows file names, meaningless in one line of text. */
const C0: Range = [0x00, 0x1f];
/** DEL and the C1 controls, U+007F–U+009F. */
const DEL_AND_C1: Range = [0x7f, 0x9f];
/** The C0 controls XML 1.0 allows in text: tab, line feed and carriage return. */
const C0_IN_XML: readonly number[] = [0x09, 0x0a, 0x0d];
/** Line and paragraph separator: line breaks to a reader, not to most code. */
const SEPARATORS: Range = [0x2028, 0x2029];
const BYTE_ORDER_MARK: Range = [0xfeff, 0xfeff];
/** Bidirectional formatting controls: ALM, LRM and RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const BIDI: readonly Range[] = [
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
const UNSAFE: readonly Range[] = [C0, DEL_AND_C1, SEPARATORS, BYTE_ORDER_MARK, ...BIDI];

function within(code: number, ranges: readonly Range[]): boolean {
  return ranges.some(([first, last]) => code >= first && code <= last);
}

/** `ranges` as the inside of a regular-expression character class, escaped: `\u0000-\u001f`. */
function characterClass(ranges: readonly Range[]): string {
  const escape = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  return ranges.map(([first, last]) => (first === last ? escape(first) : `${escape(first)}-${escape(last)}`)).join('');
}

/** `range` without the code points in `except`, as ranges. */
function without(range: Range, except: readonly number[]): Range[] {
  const out: Range[] = [];
  let first = range[0];
  for (const code of [...except].sort((a, b) => a - b)) {
    if (code > first) out.push([first, code - 1]);
    first = code + 1;
  }
  if (first <= range[1]) out.push([first, range[1]]);
  return out;
}

// Character classes for regular expressions built from strings. ESLint's no-control-regex
// rejects control characters written into a regex literal, where they are usually a mistake;
// these are the deliberate ones.

/** C0 controls, U+0000–U+001F. */
export const C0_CONTROLS = characterClass([C0]);
/** The C0 controls XML 1.0 refuses in text: all of them but tab, line feed and carriage return. */
export const C0_CONTROLS_NOT_IN_XML = characterClass(without(C0, C0_IN_XML));
/** DEL and the C1 controls, U+007F–U+009F. */
export const DEL_AND_C1_CONTROLS = characterClass([DEL_AND_C1]);

export function isBidiControl(code: number): boolean {
  return within(code, BIDI);
}

/** C0 and C1 controls, DEL, the line and paragraph separators, bidi controls and the byte order mark. */
export function isUnsafeCharacter(code: number): boolean {
  // Printable ASCII, most of any text, is never unsafe.
  if (code >= 0x20 && code < 0x7f) return false;
  return within(code, UNSAFE);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/**
 * `text` with every unsafe character written as a visible escape (`\n`, `\r`, `\t`,
 * otherwise `\u001b`-style, which also keeps JSON text valid JSON). Characters in `keep`
 * stay as they are (a whole report may keep its own line breaks).
 */
export function escapeUnsafeCharacters(text: string, keep = ''): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (!isUnsafeCharacter(code) || keep.includes(char)) out += char;
    else out += SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** `text` without bidirectional controls, for prose where an escape would be noise. */
export function stripBidiControls(text: string): string {
  let out = '';
  for (const char of text) if (!isBidiControl(char.codePointAt(0)!)) out += char;
  return out;
}

/**
 * A template tag for messages: the template's own text is trusted (it may break lines), every
 * interpolated value is user text and has all unsafe characters, line breaks included,
 * escaped — so a label can neither colour the terminal nor start a fake line of output.
 */
export function safeText(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += escapeUnsafeCharacters(String(value)) + (strings[index + 1] ?? '');
  });
  return out;
}
