import { crc32 } from '../../../shared/export/crc32';

/**
 * SVG → PNG in the browser. Ordinary sizes go through one canvas. Large exports (8,000 px and
 * more on a side) exceed what a single canvas can hold, so they are drawn in horizontal strips
 * and streamed into a PNG written here (deflate via CompressionStream): the image comes out
 * complete at any size the memory allows, never blank or clipped.
 */

/** Chromium's limits are 32,767 px a side and about 268 M px in area; stay well inside them. */
const SINGLE_CANVAS_MAX_SIDE = 16_384;
const SINGLE_CANVAS_MAX_AREA = 64_000_000;
const STRIP_PIXELS = 8_000_000;

export interface RasterSize {
  width: number;
  height: number;
}

export function rasterSize(width: number, height: number, scale: number): RasterSize {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    return image;
  } finally {
    // The decoded image keeps its pixels; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const image = await loadSvgImage(svg);
  const size = rasterSize(width, height, scale);
  if (size.width <= SINGLE_CANVAS_MAX_SIDE && size.height <= SINGLE_CANVAS_MAX_SIDE && size.width * size.height <= SINGLE_CANVAS_MAX_AREA) {
    return singleCanvas(image, size);
  }
  return stripedPng(image, size);
}

async function singleCanvas(image: HTMLImageElement, size: RasterSize): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This system could not create a drawing surface for the PNG.');
  context.drawImage(image, 0, 0, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`The PNG (${size.width} × ${size.height} px) is too large for this system. Try a smaller scale.`);
  return blob;
}

async function stripedPng(image: HTMLImageElement, size: RasterSize): Promise<Blob> {
  if (size.width > 32_767)
    throw new Error(`The PNG would be ${size.width} px wide, more than a browser can draw. Try a smaller scale or export SVG.`);
  const stripHeight = Math.max(1, Math.min(size.height, Math.floor(STRIP_PIXELS / size.width)));
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = stripHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This system could not create a drawing surface for the PNG.');

  const compressor = new CompressionStream('deflate');
  const writer = compressor.writable.getWriter();
  const compressed = collect(compressor.readable);
  const rowBytes = size.width * 4 + 1;
  for (let top = 0; top < size.height; top += stripHeight) {
    const rows = Math.min(stripHeight, size.height - top);
    context.clearRect(0, 0, size.width, stripHeight);
    context.drawImage(image, 0, -top, size.width, size.height);
    const pixels = context.getImageData(0, 0, size.width, rows).data;
    const filtered = new Uint8Array(rows * rowBytes);
    for (let row = 0; row < rows; row++) {
      // Filter type 0 (None) per row, then the RGBA bytes.
      filtered.set(pixels.subarray(row * size.width * 4, (row + 1) * size.width * 4), row * rowBytes + 1);
    }
    await writer.write(filtered);
  }
  await writer.close();
  const data = await compressed;

  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size.width);
  view.setUint32(4, size.height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filtering, no interlace
  const parts: BlobPart[] = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header)];
  const CHUNK = 1 << 20;
  for (let offset = 0; offset < data.length; offset += CHUNK) parts.push(chunk('IDAT', data.subarray(offset, offset + CHUNK)));
  parts.push(chunk('IEND', new Uint8Array(0)));
  return new Blob(parts, { type: 'image/png' });
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index++) out[4 + index] = type.charCodeAt(index);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let position = 0;
  for (const part of parts) {
    out.set(part, position);
    position += part.length;
  }
  return out;
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const STEP = 0x8000;
  for (let index = 0; index < bytes.length; index += STEP) binary += String.fromCharCode(...bytes.subarray(index, index + STEP));
  return btoa(binary);
}
