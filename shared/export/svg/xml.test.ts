import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, num, sanitizeLabel, sanitizeMultiline, stripInvalidXmlChars, xmlId } from './xml';

describe('stripInvalidXmlChars', () => {
  it('removes the characters XML 1.0 forbids and invisible controls', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\u007Fi\u0085j')).toBe('abcdefghij');
  });

  it('keeps tab, newline, return and all valid text', () => {
    expect(stripInvalidXmlChars('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(stripInvalidXmlChars('שלום 東京 🚀 e\u0301 \u202Eabc')).toBe('שלום 東京 🚀 e\u0301 \u202Eabc');
  });

  it('removes lone surrogates but keeps pairs', () => {
    expect(stripInvalidXmlChars('a\uD83Db')).toBe('ab');
    expect(stripInvalidXmlChars('a\uDE80b')).toBe('ab');
    expect(stripInvalidXmlChars('\uDE80\uD83D')).toBe('');
    expect(stripInvalidXmlChars('\uD83D\uDE80')).toBe('🚀');
  });
});

describe('sanitizeLabel', () => {
  it('collapses XML whitespace and line separators into single spaces and trims', () => {
    expect(sanitizeLabel('  orders\n\tapi\r\n  v2\u2028x ')).toBe('orders api v2 x');
  });

  it('keeps non-breaking and other Unicode spaces, which renderers keep too', () => {
    expect(sanitizeLabel('\u00A0a\u3000b')).toBe('\u00A0a\u3000b');
  });
});

describe('sanitizeMultiline', () => {
  it('normalizes line breaks', () => {
    expect(sanitizeMultiline('a\r\nb\rc\nd\u0000')).toBe('a\nb\nc\nd');
  });
});

describe('escaping', () => {
  it('escapes markup in text, including the > of "]]>"', () => {
    expect(escapeText('<script>alert("x")</script> & ]]>')).toBe('&lt;script&gt;alert("x")&lt;/script&gt; &amp; ]]&gt;');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
  });

  it('escapes quotes and whitespace in attributes', () => {
    expect(escapeAttribute(`a"b'c<d>&e\tf\ng\rh`)).toBe("a&quot;b'c&lt;d&gt;&amp;e&#9;f&#10;g&#13;h");
  });
});

describe('num', () => {
  it('rounds to two decimals without trailing zeros or negative zero', () => {
    expect(num(1)).toBe('1');
    expect(num(1.005)).toBe('1');
    expect(num(2.3456)).toBe('2.35');
    expect(num(-0.001)).toBe('0');
    expect(num(-12.5)).toBe('-12.5');
    expect(num(1e7)).toBe('10000000');
  });
});

describe('xmlId', () => {
  it('keeps safe characters and encodes the rest uniquely', () => {
    expect(xmlId('p-', 'abc_D-9')).toBe('p-abc_D-9');
    expect(xmlId('p-', 'resource/Users')).toBe('p-resource_2fUsers');
    expect(xmlId('p-', 'a b')).not.toBe(xmlId('p-', 'a_b'));
  });
});
