/**
 * A minimal source map v3 reader: enough to turn a generated (line, column) from a CPU profile
 * into the original file, line and nearest name. No new dependency for a few dozen lines.
 */

import { z } from 'zod';

const RawSourceMap = z.looseObject({
  version: z.number(),
  sources: z.array(z.string()),
  names: z.array(z.string()).optional(),
  mappings: z.string(),
  sourceRoot: z.string().optional(),
});
export type RawSourceMap = z.infer<typeof RawSourceMap>;

/** A .map file's text as a source map, or an error naming what it lacks. */
export function parseSourceMap(text: string): RawSourceMap {
  return RawSourceMap.parse(JSON.parse(text));
}

export interface OriginalPosition {
  source: string;
  /** 1-based, like editors. */
  line: number;
  column: number;
  name?: string;
}

/** [generatedColumn, sourceIndex, sourceLine, sourceColumn, nameIndex?] */
type Segment = [number, number, number, number, number?];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((character, index) => [character, index]));

/** Decodes one Base64 VLQ field list ("AAgBC" → [0, 0, 16, 1]). */
export function decodeVlq(field: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of field) {
    const digit = BASE64_VALUE.get(character);
    if (digit === undefined) throw new Error(`Invalid base64 VLQ character "${character}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export class SourceMap {
  private readonly lines: Segment[][] = [];

  constructor(private readonly raw: RawSourceMap) {
    let sourceIndex = 0;
    let sourceLine = 0;
    let sourceColumn = 0;
    let nameIndex = 0;
    for (const line of raw.mappings.split(';')) {
      const segments: Segment[] = [];
      let generatedColumn = 0;
      for (const field of line.split(',')) {
        if (!field) continue;
        const values = decodeVlq(field);
        generatedColumn += values[0]!;
        if (values.length < 4) continue;
        sourceIndex += values[1]!;
        sourceLine += values[2]!;
        sourceColumn += values[3]!;
        const segment: Segment = [generatedColumn, sourceIndex, sourceLine, sourceColumn];
        if (values.length >= 5) {
          nameIndex += values[4]!;
          segment[4] = nameIndex;
        }
        segments.push(segment);
      }
      this.lines.push(segments);
    }
  }

  /**
   * The original position of a 0-based generated line and column: the last mapping at or before
   * the column. The name comes from that mapping or, failing that, the next named one on the
   * line (a function's name follows its `function` keyword).
   */
  originalPosition(line: number, column: number): OriginalPosition | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (segments[middle]![0] <= column) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return undefined;
    const segment = segments[found]!;
    let nameIndex = segment[4];
    for (let next = found + 1; nameIndex === undefined && next < Math.min(segments.length, found + 4); next++)
      nameIndex = segments[next]![4];
    const source = `${this.raw.sourceRoot ?? ''}${this.raw.sources[segment[1]] ?? '?'}`;
    const position: OriginalPosition = { source, line: segment[2] + 1, column: segment[3] };
    const name = nameIndex === undefined ? undefined : this.raw.names?.[nameIndex];
    if (name) position.name = name;
    return position;
  }
}
