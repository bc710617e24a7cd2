import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ICON_PNG_PATH, APP_ICON_SIZE, APP_ICON_SVG_PATH, renderAppIcon } from './generate-app-icon';

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('app icon', () => {
  const svg = readFileSync(APP_ICON_SVG_PATH, 'utf8');

  it('is a text-free SVG with no external references', () => {
    expect(svg).not.toMatch(/<text|<image|https?:\/\/(?!www\.w3\.org)/);
  });

  it('committed PNG is 1024 × 1024 and up to date with the SVG (run npx tsx scripts/generate-app-icon.ts)', () => {
    const committed = readFileSync(APP_ICON_PNG_PATH);
    expect(pngSize(committed)).toEqual({ width: APP_ICON_SIZE, height: APP_ICON_SIZE });
    expect(renderAppIcon(svg).equals(committed)).toBe(true);
  });
});
