import { readFileSync } from 'node:fs';

/**
 * Reads horizontal advances from a TrueType font (cmap format 4 + hmtx), enough to check the
 * metric tables in text-metrics.ts against a real Arial-compatible font. Test use only.
 */
export function advanceReader(path: string): (codePoint: number) => number | undefined {
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
