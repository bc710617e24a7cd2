import { execFileSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';

/**
 * SVG → PNG for the CLI with resvg (a native renderer, no browser). The exported SVG asks for
 * "Helvetica Neue", Helvetica, Arial, sans-serif; resvg reads font files itself rather than
 * through fontconfig, so on Linux we ask fontconfig which installed family stands in for
 * Arial (usually Liberation Sans or Arimo, both metric-compatible with the exporter's text
 * measurement) and make that resvg's sans-serif.
 */

/** About 2 GB of RGBA pixels: beyond this a PNG is impractical and the render may exhaust memory. */
export const MAX_PNG_PIXELS = 500_000_000;

export interface RasterizeOptions {
  /** Output pixels per SVG pixel: 2 for a 2× (retina / print) image. */
  scale: number;
}

export interface RasterizedPng {
  png: Buffer;
  width: number;
  height: number;
}

/** The pixel size resvg gives an SVG of `width`×`height` px at `scale`. */
export function pngSize(width: number, height: number, scale: number): { width: number; height: number } {
  return { width: Math.ceil(width * scale), height: Math.ceil(height * scale) };
}

let sansSerifFamily: string | null | undefined;

/** The installed family to use for sans-serif text, or null to leave resvg's own choice. Looked up once. */
export function sansSerifFont(): string | null {
  if (sansSerifFamily !== undefined) return sansSerifFamily;
  sansSerifFamily = null;
  if (process.platform === 'darwin') sansSerifFamily = 'Helvetica';
  else if (process.platform === 'win32') sansSerifFamily = 'Arial';
  else {
    try {
      const family = execFileSync('fc-match', ['--format=%{family[0]}', 'Arial'], {
        encoding: 'utf8',
        timeout: 5000,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (family) sansSerifFamily = family;
    } catch {
      // No fontconfig: resvg falls back to the first system font it finds.
    }
  }
  return sansSerifFamily;
}

/**
 * Renders an SVG written by the exporter. The caller checks the size against MAX_PNG_PIXELS
 * first. (resvg-js 2.6 aborts the process on a `<use>` lying wholly outside the image; the
 * exporter's viewBox always covers every element, so its SVGs never meet that case.)
 */
export function rasterizeSvg(svg: string, { scale }: RasterizeOptions): RasterizedPng {
  const family = sansSerifFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, ...(family ? { sansSerifFamily: family, defaultFontFamily: family } : {}) },
    logLevel: 'error',
  });
  const image = resvg.render();
  const png = withPhysicalSize(image.asPng(), scale);
  return { png, width: image.width, height: image.height };
}

/**
 * Adds a pHYs chunk saying the image has 96 × scale pixels per inch, so word processors and
 * slide tools place a 2× export at its natural size, twice as sharp, instead of twice as big.
 */
export function withPhysicalSize(png: Buffer, scale: number): Buffer {
  const signatureAndHeader = 8 + 4 + 4 + 13 + 4;
  if (png.toString('latin1', 12, 16) !== 'IHDR') return png;
  const pixelsPerMetre = Math.round((96 * scale) / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(pixelsPerMetre, 0);
  data.writeUInt32BE(pixelsPerMetre, 4);
  data.writeUInt8(1, 8); // unit: metre
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  return Buffer.concat([png.subarray(0, signatureAndHeader), chunk, png.subarray(signatureAndHeader)]);
}
