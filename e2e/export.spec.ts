import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadDocument } from '../shared/document';
import { exportDate, exportSvg } from '../shared/export/svg';
import { ARTIFACTS, fitCanvasView, mod, openApp, replaceDocument, screenshot } from './support';

const FIXTURE = join(import.meta.dirname, '../shared/document/fixtures/v1.stowage');

function fixtureDocument() {
  const loaded = loadDocument(readFileSync(FIXTURE, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

async function exportDownload(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-save').click();
  const download = await downloadPromise;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('export SVG and PNG from the app: native SVG text, PNG at the chosen scale', async ({ page }) => {
  await openApp(page);
  const document = fixtureDocument();
  await replaceDocument(page, document);
  await fitCanvasView(page);
  await screenshot(page, 'export-source-diagram');

  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-preview')).toBeVisible();
  await screenshot(page, 'export-dialog');

  // SVG: the exact bytes the shared exporter makes, with real text.
  await dialog.getByRole('radio', { name: 'SVG' }).check({ force: true });
  const svg = await exportDownload(page);
  expect(svg.name).toMatch(/\.svg$/);
  const text = svg.bytes.toString('utf8');
  // A saved image carries its title block and legend unless they are turned off.
  expect(text).toBe(
    exportSvg(document, { padding: 32, theme: 'light', background: 'white', titleBlock: { date: exportDate(new Date()) }, legend: true })
      .svg,
  );
  expect(text).not.toContain('foreignObject');
  for (const node of document.nodes.slice(0, 10)) if (node.label) expect(text).toContain('<text');
  writeFileSync(join(ARTIFACTS, 'export.svg'), text);

  // PNG at 2×: twice the SVG's size in pixels.
  await page.keyboard.press(`${mod}+e`);
  await dialog.getByRole('radio', { name: '2×' }).check({ force: true });
  await dialog.getByRole('checkbox', { name: /Title block/ }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Legend' }).uncheck();
  const expected = exportSvg(document, { padding: 32, theme: 'light', background: 'white' });
  await expect(dialog.getByTestId('export-size')).toContainText(
    `${Math.round(expected.width * 2).toLocaleString('en-US')} × ${Math.round(expected.height * 2).toLocaleString('en-US')} px`,
  );
  const png = await exportDownload(page);
  expect(png.name).toMatch(/\.png$/);
  expect(pngSize(png.bytes)).toEqual({ width: Math.round(expected.width * 2), height: Math.round(expected.height * 2) });
  writeFileSync(join(ARTIFACTS, 'export-2x.png'), png.bytes);
});

test('dark theme with a transparent background previews and exports', async ({ page }) => {
  await openApp(page);
  await replaceDocument(page, fixtureDocument());
  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: 'Dark' }).first().check({ force: true });
  await dialog.getByRole('radio', { name: 'Transparent' }).check({ force: true });
  await dialog.getByRole('radio', { name: '1×' }).check({ force: true });
  await screenshot(page, 'export-dialog-dark');
  const png = await exportDownload(page);
  writeFileSync(join(ARTIFACTS, 'export-dark-1x.png'), png.bytes);
  expect(pngSize(png.bytes).width).toBeGreaterThan(500);
});
