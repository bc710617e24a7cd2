/**
 * Making arbitrary user text safe inside an SVG document: characters XML 1.0 forbids are
 * removed, markup characters are escaped, and numbers are written the same way every time.
 */

import { C0_CONTROLS_NOT_IN_XML, DEL_AND_C1_CONTROLS } from '../../text/unsafe-characters';

/**
 * Characters that may not appear in an XML 1.0 document (C0 controls except tab, newline and
 * carriage return; U+FFFE/U+FFFF; surrogates that are not part of a pair), plus DEL and the C1
 * controls, which XML allows but no renderer draws.
 */
const NOT_XML_TEXT = new RegExp(
  String.raw`[${C0_CONTROLS_NOT_IN_XML}${DEL_AND_C1_CONTROLS}\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  'g',
);

export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_TEXT, '');
}

/**
 * A label as one line of displayable text: invalid characters removed and runs of XML
 * whitespace (space, tab, newline, return) and Unicode line or paragraph separators
 * collapsed to one space and trimmed. Renderers collapse that whitespace anyway, so measuring
 * and truncating see the string that is drawn.
 */
export function sanitizeLabel(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/[ \t\n\r\u2028\u2029]+/g, ' ')
    .replace(/^ | $/g, '');
}

/** Multi-line text (the document description) with line breaks normalized to "\n". */
export function sanitizeMultiline(text: string): string {
  return stripInvalidXmlChars(text).replace(/\r\n?/g, '\n');
}

/** Escapes character data. `>` too, so a "]]>" in a label can never end anything. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value written between double quotes (single quotes stay, as in the font list). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** A coordinate rounded to 2 decimals, without trailing zeros or "-0": deterministic output. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

/** A valid, namespaced XML id from any string: characters outside [A-Za-z0-9_-] become "_" plus their code. */
export function xmlId(prefix: string, raw: string): string {
  return `${prefix}${raw.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}`)}`;
}
