import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Renders the app icon: assets/icon.svg (the source, edited by hand) → assets/icon.png at
 * 1024 × 1024, which electron-builder turns into .icns, .ico and the Linux icon set and the
 * main process uses as the window icon. Both files are committed; after changing the SVG run
 *
 *   npx tsx scripts/generate-app-icon.ts
 */

export const APP_ICON_SVG_PATH = fileURLToPath(new URL('../assets/icon.svg', import.meta.url));
export const APP_ICON_PNG_PATH = fileURLToPath(new URL('../assets/icon.png', import.meta.url));
export const APP_ICON_SIZE = 1024;

export function renderAppIcon(svg: string, size: number = APP_ICON_SIZE): Buffer {
  // No system fonts: the icon has no text, and rendering must not depend on the machine.
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(APP_ICON_PNG_PATH, renderAppIcon(readFileSync(APP_ICON_SVG_PATH, 'utf8')));
  console.log(`Wrote ${APP_ICON_PNG_PATH} (${APP_ICON_SIZE} × ${APP_ICON_SIZE})`);
}
