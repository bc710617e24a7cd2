/**
 * Characters that change how text around them is shown rather than showing themselves:
 * control characters (a terminal acts on ESC sequences, CR rewinds a line, NUL and friends
 * vanish or confuse), the Unicode line and paragraph separators, and the bidirectional
 * formatting controls that reorder what a reader sees ("Trojan Source", CVE-2021-42574).
 * User text (labels, titles, file content in error messages) must not carry them raw into
 * a terminal or a file a person reads. One list, for every place that escapes or strips them.
 */

/** Bidirectional formatting controls: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
export function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** C0 and C1 controls, DEL, the line and paragraph separators, bidi controls and the byte-order mark. */
export function isUnsafeCharacter(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff || isBidiControl(code);
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
