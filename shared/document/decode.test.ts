import { describe, expect, it } from 'vitest';
import { decodeDocumentBytes } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[2 + index * 2] = littleEndian ? unit & 0xff : unit >> 8;
    bytes[3 + index * 2] = littleEndian ? unit >> 8 : unit & 0xff;
  }
  return bytes;
}
const sample = '{"label":"Ünïcødé 日本 🚀"}';

describe('decodeDocumentBytes', () => {
  it('decodes UTF-8, with or without a byte order mark, like TextDecoder', () => {
    expect(decodeDocumentBytes(utf8(sample))).toEqual({ ok: true, text: sample });
    expect(decodeDocumentBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]))).toEqual({ ok: true, text: sample });
    const long = 'é🚀a'.repeat(20_000);
    expect(decodeDocumentBytes(utf8(long))).toEqual({ ok: true, text: long });
  });

  it('decodes UTF-16 little- and big-endian with their byte order mark', () => {
    expect(decodeDocumentBytes(utf16(sample, true))).toEqual({ ok: true, text: sample });
    expect(decodeDocumentBytes(utf16(sample, false))).toEqual({ ok: true, text: sample });
  });

  it('refuses invalid UTF-8 (bad bytes, overlong forms, surrogates, truncation) with the byte it stopped at', () => {
    for (const bytes of [
      [0x7b, 0xff],
      [0x7b, 0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0x7b, 0xe6, 0x97],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      const result = decodeDocumentBytes(new Uint8Array(bytes));
      expect(result.ok, bytes.join(' ')).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^The file is not valid UTF-8 text \(at byte \d\)\. A Stowage file is UTF-8 text/);
    }
  });

  it('refuses UTF-16 that is cut in half or has a lone surrogate, and NUL bytes (UTF-16 without a byte order mark)', () => {
    expect(decodeDocumentBytes(new Uint8Array([0xff, 0xfe, 0x7b]))).toMatchObject({ ok: false, message: /half a character/ });
    expect(decodeDocumentBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x7b, 0x00]))).toMatchObject({ ok: false });
    const noMark = utf16(sample, true).subarray(2);
    expect(decodeDocumentBytes(noMark)).toMatchObject({ ok: false, message: /NUL bytes.*UTF-16 without a byte order mark/ });
  });
});
