import { describe, expect, it } from 'vitest';
import {
  C0_CONTROLS,
  C0_CONTROLS_NOT_IN_XML,
  DEL_AND_C1_CONTROLS,
  escapeUnsafeCharacters,
  isBidiControl,
  isUnsafeCharacter,
  safeText,
  stripBidiControls,
} from './unsafe-characters';

describe('escapeUnsafeCharacters', () => {
  it('writes control, separator and bidi characters as visible escapes', () => {
    expect(escapeUnsafeCharacters('a\u001b[31mb\r\nc\td\u0000e\u007f\u0085\u2028\u202e\u2066\ufeff')).toBe(
      'a\\u001b[31mb\\r\\nc\\td\\u0000e\\u007f\\u0085\\u2028\\u202e\\u2066\\ufeff',
    );
  });

  it('keeps what it is told to keep, and all other text as it is', () => {
    expect(escapeUnsafeCharacters('one\ntwo\tthree\r', '\n\t')).toBe('one\ntwo\tthree\\r');
    expect(escapeUnsafeCharacters('Grüße, שלום, مرحبا, 😀')).toBe('Grüße, שלום, مرحبا, 😀');
  });

  it('keeps JSON valid JSON with the same value', () => {
    const json = JSON.stringify({ label: 'x\u202ey\u001b\u2028' });
    expect(JSON.parse(escapeUnsafeCharacters(json))).toEqual({ label: 'x\u202ey\u001b\u2028' });
  });
});

describe('stripBidiControls', () => {
  it('drops every bidirectional formatting control and nothing else', () => {
    const controls = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    expect(controls.every(isBidiControl)).toBe(true);
    expect(stripBidiControls(`a${String.fromCodePoint(...controls)}b שלום`)).toBe('ab שלום');
  });
});

describe('safeText', () => {
  it('escapes interpolated values, line breaks included, but not the template', () => {
    const label = 'web\r\nerror  fake';
    expect(safeText`first: ${label}\nsecond: ${42}`).toBe('first: web\\r\\nerror  fake\nsecond: 42');
  });
});

/** Every UTF-16 code unit a character class made of `range` matches. */
function matched(range: string): number[] {
  const pattern = new RegExp(`[${range}]`);
  return Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => pattern.test(String.fromCharCode(code)));
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('control character ranges', () => {
  it('C0 controls are U+0000 to U+001F', () => {
    expect(matched(C0_CONTROLS)).toEqual(span(0x00, 0x1f));
  });

  it('the C0 controls XML refuses are all of them but tab, line feed and carriage return', () => {
    expect(matched(C0_CONTROLS_NOT_IN_XML)).toEqual(span(0x00, 0x1f).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)));
  });

  it('DEL and the C1 controls are U+007F to U+009F', () => {
    expect(matched(DEL_AND_C1_CONTROLS)).toEqual(span(0x7f, 0x9f));
  });
});

describe('one list for both', () => {
  it('every character the classes match is unsafe, and the unsafe ones outside them are separators, bidi controls and the byte order mark', () => {
    const inClasses = new Set(matched(`${C0_CONTROLS}${DEL_AND_C1_CONTROLS}`));
    const unsafe = Array.from({ length: 0x10000 }, (_, code) => code).filter(isUnsafeCharacter);
    for (const code of inClasses) expect(isUnsafeCharacter(code)).toBe(true);
    expect(unsafe.filter((code) => !inClasses.has(code))).toEqual([
      0x061c,
      0x200e,
      0x200f,
      0x2028,
      0x2029,
      ...span(0x202a, 0x202e),
      ...span(0x2066, 0x2069),
      0xfeff,
    ]);
  });

  it('writes the classes as the regular expressions expect them', () => {
    expect(C0_CONTROLS).toBe('\\u0000-\\u001f');
    expect(C0_CONTROLS_NOT_IN_XML).toBe('\\u0000-\\u0008\\u000b-\\u000c\\u000e-\\u001f');
    expect(DEL_AND_C1_CONTROLS).toBe('\\u007f-\\u009f');
  });
});
