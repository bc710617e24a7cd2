import { describe, expect, it } from 'vitest';
import { decodeVlq, SourceMap } from './source-map';

describe('decodeVlq', () => {
  it('decodes signed base64 VLQ values', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('AACA')).toEqual([0, 0, 1, 0]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(() => decodeVlq('A*')).toThrow(/Invalid/);
  });
});

describe('SourceMap', () => {
  // Generated line 0: column 0 → a.ts 1:0, column 9 → a.ts 1:9 named "run";
  // generated line 1: column 2 → b.ts 3:4.
  const map = new SourceMap({ version: 3, sources: ['a.ts', 'b.ts'], names: ['run'], mappings: 'AAAA,SAASA;ECEL' });

  it('maps a generated position to the last mapping at or before it, 1-based lines', () => {
    expect(map.originalPosition(0, 12)).toEqual({ source: 'a.ts', line: 1, column: 9, name: 'run' });
    expect(map.originalPosition(1, 5)).toEqual({ source: 'b.ts', line: 3, column: 4 });
  });

  it('borrows the name of the next mapping when a function starts before its name', () => {
    expect(map.originalPosition(0, 0)).toMatchObject({ source: 'a.ts', name: 'run' });
  });

  it('knows nothing before the first mapping of a line or beyond the last line', () => {
    expect(map.originalPosition(1, 0)).toBeUndefined();
    expect(map.originalPosition(7, 0)).toBeUndefined();
  });
});
