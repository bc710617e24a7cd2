import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, graphemes, measureText, truncateText } from './text-metrics';

const label = { size: 13, weight: 600 };
const body = { size: 11 };

describe('measureText', () => {
  it('uses the Helvetica/Arial advance widths', () => {
    // "web": w 722 + e 556 + b 556 = 1834/1000 em in regular.
    expect(measureText('web', { size: 10 })).toBeCloseTo(18.34, 5);
    // Bold "web": w 778 + e 556 + b 611.
    expect(measureText('web', { size: 10, weight: 700 })).toBeCloseTo(19.45, 5);
    expect(measureText('web', { size: 10, weight: 600 })).toBe(measureText('web', { size: 10, weight: 700 }));
  });

  it('scales with the font size and is additive', () => {
    expect(measureText('orders-api', { size: 26 })).toBeCloseTo(2 * measureText('orders-api', { size: 13 }), 9);
    expect(measureText('abcdef', body)).toBeCloseTo(measureText('abc', body) + measureText('def', body), 9);
  });

  it('treats CJK and emoji as wide and combining marks and joiners as zero width', () => {
    expect(measureText('東京', { size: 10 })).toBe(20);
    expect(measureText('🚀', { size: 10 })).toBe(10);
    expect(measureText('👩‍👩‍👧', { size: 10 })).toBe(10);
    expect(measureText('e\u0301', { size: 10 })).toBe(measureText('e', { size: 10 }));
    expect(measureText('a\u200db', { size: 10 })).toBe(measureText('ab', { size: 10 }));
    expect(measureText('', body)).toBe(0);
  });

  it('gives other scripts a sensible width', () => {
    const hebrew = measureText('שלום', body);
    expect(hebrew).toBeGreaterThan(measureText('iiii', body));
    expect(hebrew).toBeLessThan(measureText('MMMM', body));
  });
});

describe('graphemes', () => {
  it('keeps surrogate pairs, accents and emoji sequences whole', () => {
    expect(graphemes('a🚀b')).toEqual(['a', '🚀', 'b']);
    expect(graphemes('e\u0301x')).toEqual(['e\u0301', 'x']);
    expect(graphemes('👍🏽!')).toEqual(['👍🏽', '!']);
    expect(graphemes('abc')).toEqual(['a', 'b', 'c']);
  });
});

describe('truncateText', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateText('orders-api', 136, label)).toBe('orders-api');
  });

  it('cuts long text and ends it with an ellipsis, within the width', () => {
    const long = 'a-really-long-service-name-that-never-fits-in-a-card';
    const cut = truncateText(long, 136, label);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(measureText(cut, label)).toBeLessThanOrEqual(136);
    // As much as fits: one more character would not.
    const next = long.slice(0, cut.length);
    expect(measureText(`${next}${ELLIPSIS}`, label)).toBeGreaterThan(136);
  });

  it('drops the space a cut leaves before the ellipsis', () => {
    const cut = truncateText('alpha beta gamma delta', measureText(`alpha beta ${ELLIPSIS}`, body) + 2, body);
    expect(cut).toBe(`alpha beta${ELLIPSIS}`);
  });

  it('never splits a grapheme', () => {
    const cut = truncateText('🚀🚀🚀🚀🚀🚀', 35, { size: 10 });
    expect(cut).toBe(`🚀🚀${ELLIPSIS}`);
    expect(truncateText('e\u0301e\u0301e\u0301e\u0301e\u0301', 20, { size: 10 })).toBe(`e\u0301${ELLIPSIS}`);
  });

  it('returns an empty string when not even the ellipsis fits', () => {
    expect(truncateText('orders', 5, label)).toBe('');
    expect(truncateText('', 0, label)).toBe('');
  });

  it('always fits and always keeps a prefix (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 0, max: 400 }), (text, width) => {
        const cut = truncateText(text, width, label);
        if (cut === text) return measureText(text, label) <= width;
        if (cut === '') return measureText(ELLIPSIS, label) > width;
        return cut.endsWith(ELLIPSIS) && text.startsWith(cut.slice(0, -1)) && measureText(cut, label) <= width + 1e-9;
      }),
    );
  });
});

describe('metric tables against a real Arial-compatible font', () => {
  const fonts = [
    { path: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', weight: 400 },
    { path: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf', weight: 700 },
  ];
  const codePoints = [
    ...Array.from({ length: 0x7f - 0x20 }, (_, index) => 0x20 + index),
    ...Array.from({ length: 0x100 - 0xa0 }, (_, index) => 0xa0 + index),
    0x2013,
    0x2014,
    0x2018,
    0x2019,
    0x201c,
    0x201d,
    0x2022,
    0x2026,
    0x20ac,
    0x2122,
    0x2192,
  ];

  it.for(fonts)('match $path', ({ path, weight }, context) => {
    if (!existsSync(path)) {
      context.skip(`${path} is not installed (Debian: fonts-liberation); the tables are checked where it is`);
      return;
    }
    const advance = advanceReader(path);
    for (const codePoint of codePoints) {
      const expected = advance(codePoint);
      if (expected === undefined) continue;
      expect(measureText(String.fromCodePoint(codePoint), { size: 1000, weight }), `U+${codePoint.toString(16)}`).toBeCloseTo(
        expected,
        -0.5,
      );
    }
  });
});

/**
 * Reads horizontal advances from a TrueType font (cmap format 4 + hmtx), enough to check the
 * metric tables in text-metrics.ts against a real Arial-compatible font. Test use only.
 */
function advanceReader(path: string): (codePoint: number) => number | undefined {
  const font = readFileSync(path);
  const tables = new Map<string, number>();
  const tableCount = font.readUInt16BE(4);
  for (let index = 0; index < tableCount; index++) {
    const record = 12 + index * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${path} has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const metricCount = font.readUInt16BE(table('hhea') + 34);
  const cmap = table('cmap');
  let subtable = -1;
  for (let index = 0; index < font.readUInt16BE(cmap + 2); index++) {
    const platform = font.readUInt16BE(cmap + 4 + index * 8);
    const encoding = font.readUInt16BE(cmap + 6 + index * 8);
    if (platform === 3 && encoding === 1) subtable = cmap + font.readUInt32BE(cmap + 8 + index * 8);
  }
  if (subtable < 0 || font.readUInt16BE(subtable) !== 4) throw new Error(`${path} has no Unicode BMP cmap`);
  const segmentCount = font.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segmentCount * 2 + 2;
  const deltas = starts + segmentCount * 2;
  const rangeOffsets = deltas + segmentCount * 2;
  const glyphOf = (codePoint: number): number => {
    for (let segment = 0; segment < segmentCount; segment++) {
      if (codePoint > font.readUInt16BE(ends + segment * 2)) continue;
      const start = font.readUInt16BE(starts + segment * 2);
      if (codePoint < start) return 0;
      const delta = font.readInt16BE(deltas + segment * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + segment * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + segment * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  return (codePoint) => {
    const glyph = glyphOf(codePoint);
    if (glyph === 0) return undefined;
    const advance = font.readUInt16BE(table('hmtx') + Math.min(glyph, metricCount - 1) * 4);
    return (advance * 1000) / unitsPerEm;
  };
}
