import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
  /** Chunk types in file order. */
  chunks: string[];
  /** Pixels per metre from pHYs, when present. */
  pixelsPerMetre?: number;
}

/** Reads the size from the IHDR chunk without decoding. */
export function pngHeader(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number } {
  if (png.readUInt32BE(0) !== 0x89504e47 || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24]!, colorType: png[25]! };
}

/** Decodes the 8-bit RGBA, non-interlaced PNGs resvg writes. Test use only. */
export function decodePng(png: Buffer): DecodedPng {
  const { width, height, bitDepth, colorType } = pngHeader(png);
  if (bitDepth !== 8 || colorType !== 6 || png[28] !== 0)
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}`);
  const chunks: string[] = [];
  const data: Buffer[] = [];
  let pixelsPerMetre: number | undefined;
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    chunks.push(type);
    if (type === 'IDAT') data.push(png.subarray(offset + 8, offset + 8 + length));
    if (type === 'pHYs') pixelsPerMetre = png.readUInt32BE(offset + 8);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)]!;
    const source = row * (stride + 1) + 1;
    const target = row * stride;
    for (let index = 0; index < stride; index++) {
      const left = index >= 4 ? pixels[target + index - 4]! : 0;
      const up = row > 0 ? pixels[target - stride + index]! : 0;
      const upLeft = row > 0 && index >= 4 ? pixels[target - stride + index - 4]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const toLeft = Math.abs(estimate - left);
        const toUp = Math.abs(estimate - up);
        const toUpLeft = Math.abs(estimate - upLeft);
        predictor = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
      }
      pixels[target + index] = (raw[source + index]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels, chunks, ...(pixelsPerMetre === undefined ? {} : { pixelsPerMetre }) };
}

/** Counts pixels in a rectangle that differ from `background` (RGBA) by more than a little. */
export function countInk(
  image: DecodedPng,
  region: { x: number; y: number; width: number; height: number },
  background: readonly number[],
): number {
  let ink = 0;
  const right = Math.min(image.width, region.x + region.width);
  const bottom = Math.min(image.height, region.y + region.height);
  for (let y = Math.max(0, region.y); y < bottom; y++) {
    for (let x = Math.max(0, region.x); x < right; x++) {
      const offset = (y * image.width + x) * 4;
      let difference = 0;
      for (let channel = 0; channel < 4; channel++) difference += Math.abs(image.pixels[offset + channel]! - background[channel]!);
      if (difference > 24) ink++;
    }
  }
  return ink;
}
