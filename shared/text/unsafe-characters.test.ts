import { describe, expect, it } from 'vitest';
import { escapeUnsafeCharacters, isBidiControl, safeText, stripBidiControls } from './unsafe-characters';

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
