import { isUnsafeCharacter, stripBidiControls } from '../../text/unsafe-characters';

/**
 * The only ways text reaches generated files. Diagram text (labels, names, messages) is
 * user input and goes into TypeScript solely as a string literal from `tsString`, or into
 * Markdown through `markdownText`. Identifiers and construct ids come from node ids and kind
 * ids through `identifierParts`, which keeps letters and digits only.
 */

/** Characters escaped inside a single-quoted TypeScript string literal, beyond `\` and `'`. */
const ESCAPED: Record<string, string> = {
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/**
 * A single-quoted TypeScript string literal whose value is exactly `value`. Escapes quotes,
 * backslashes, every control character, the line and paragraph separators, `</` (so the text
 * can never close an HTML script element), bidirectional controls (no "Trojan Source"
 * reordering of the code around it), and lone surrogates (which UTF-8 cannot carry).
 * Template literals are never used, so `${…}` and backticks are inert.
 */
export function tsString(value: string): string {
  let out = "'";
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const code = value.charCodeAt(index);
    if (char === '\\') out += '\\\\';
    else if (char === "'") out += "\\'";
    else if (ESCAPED[char] !== undefined) out += ESCAPED[char];
    else if (char === '<' && value[index + 1] === '/') {
      out += '<\\/';
      index++;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + value[index + 1];
        index++;
      } else out += unicodeEscape(code);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += unicodeEscape(code);
    else if (isUnsafeCharacter(code)) out += unicodeEscape(code);
    else out += char;
  }
  return `${out}'`;
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** An object key as written in generated code: bare when it is a plain identifier, else a string literal. */
export function tsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

/** Letters-and-digits runs of an id or kind id: `n-k3x9q2mf` → ['n', 'k3x9q2mf']. */
export function identifierParts(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((part) => part.length > 0);
}

/** `n-k3x9q2mf` → `NK3x9q2mf`; `ecs-service` → `EcsService`. Letters and digits only. */
export function pascalCase(text: string): string {
  return identifierParts(text)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `ecs-service` → `ecsService`. Letters and digits only. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * An element id made safe for a `//` comment: the document schema already restricts ids to
 * letters, digits, `_` and `-`, and this keeps it so for documents that skipped the loader.
 */
export function commentId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

/**
 * Diagram text shown literally in Markdown: line breaks become spaces, bidirectional controls
 * are dropped (they would reorder what the reader sees), Markdown punctuation is
 * backslash-escaped and `<`, `>` and `&` become entities, so nothing in it formats, links or
 * injects HTML.
 */
export function markdownText(value: string): string {
  return withUnsafeAsSpaces(stripBidiControls(value))
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Each run of control characters and line or paragraph separators becomes one space. */
function withUnsafeAsSpaces(value: string): string {
  let out = '';
  let inRun = false;
  for (const char of value) {
    const unsafe = isUnsafeCharacter(char.codePointAt(0)!);
    if (!unsafe) out += char;
    else if (!inRun) out += ' ';
    inRun = unsafe;
  }
  return out;
}
