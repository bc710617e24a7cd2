/**
 * The one decoder of .stowage files, used by the CLI, the browser build and the desktop app,
 * so a file opens the same everywhere (docs/file-format.md, "What Stowage checks"):
 * UTF-8, with or without a byte order mark; UTF-16 little- or big-endian only with its byte
 * order mark (some Windows tools save that way). Anything else, and bytes that are not valid
 * in their encoding, are refused with a message, never turned into replacement characters.
 * Pure TypeScript (shared/ has no TextDecoder).
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

export function decodeDocumentBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false);
  return decodeUtf8(bytes, 0);
}

const NOT_TEXT =
  'A Stowage file is UTF-8 text (JSON); this may be another kind of file, or one damaged on the way. Check that you picked the right file.';

function decodeUtf8(bytes: Uint8Array, start: number): DecodeResult {
  const units: number[] = [];
  const parts: string[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...units));
    units.length = 0;
  };
  for (let index = start; index < bytes.length;) {
    const first = bytes[index]!;
    let code: number;
    let length: number;
    if (first < 0x80) {
      code = first;
      length = 1;
    } else if (first >= 0xc2 && first <= 0xdf) {
      code = first & 0x1f;
      length = 2;
    } else if (first >= 0xe0 && first <= 0xef) {
      code = first & 0x0f;
      length = 3;
    } else if (first >= 0xf0 && first <= 0xf4) {
      code = first & 0x07;
      length = 4;
    } else return invalidUtf8(index);
    if (index + length > bytes.length) return invalidUtf8(index);
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]!;
      if ((byte & 0xc0) !== 0x80) return invalidUtf8(index);
      code = (code << 6) | (byte & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((length === 3 && code < 0x800) || (length === 4 && (code < 0x10000 || code > 0x10ffff)) || (code >= 0xd800 && code <= 0xdfff)) {
      return invalidUtf8(index);
    }
    if (code === 0) return nulByte();
    if (code >= 0x10000) units.push(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff));
    else units.push(code);
    index += length;
    if (units.length >= 8192) flush();
  }
  flush();
  return { ok: true, text: parts.join('') };
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): DecodeResult {
  if (bytes.length % 2 !== 0) return invalidUtf16('it ends in half a character');
  const parts: string[] = [];
  const units: number[] = [];
  for (let index = 2; index < bytes.length; index += 2) {
    const unit = littleEndian ? bytes[index]! | (bytes[index + 1]! << 8) : (bytes[index]! << 8) | bytes[index + 1]!;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low =
        index + 3 < bytes.length
          ? littleEndian
            ? bytes[index + 2]! | (bytes[index + 3]! << 8)
            : (bytes[index + 2]! << 8) | bytes[index + 3]!
          : -1;
      if (low < 0xdc00 || low > 0xdfff) return invalidUtf16(`at byte ${index}`);
      units.push(unit, low);
      index += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return invalidUtf16(`at byte ${index}`);
    else if (unit === 0) return nulByte();
    else units.push(unit);
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
  }
  parts.push(String.fromCharCode(...units));
  return { ok: true, text: parts.join('') };
}

function invalidUtf8(offset: number): DecodeResult {
  return { ok: false, message: `The file is not valid UTF-8 text (at byte ${offset.toLocaleString('en-US')}). ${NOT_TEXT}` };
}

function invalidUtf16(where: string): DecodeResult {
  return { ok: false, message: `The file starts as UTF-16 text but is not valid UTF-16 (${where}). ${NOT_TEXT}` };
}

/** A NUL is never in JSON text; in what looks like UTF-8 it usually means UTF-16 saved without a byte order mark. */
function nulByte(): DecodeResult {
  return {
    ok: false,
    message: `The file contains NUL bytes, which JSON text never has: it is binary, or UTF-16 without a byte order mark. ${NOT_TEXT}`,
  };
}
