import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadDocument } from '../shared/document';
import { exportDrawio } from '../shared/export/drawio';
import { openApp, screenshot, showDocument } from './support';

test('File ▸ Export draw.io… downloads the .drawio file the CLI writes', async ({ page }) => {
  await openApp(page);
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '..', 'examples', 'eks-mixed.stowage'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  await showDocument(page, loaded.document);

  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'File' }).click();
  await screenshot(page, 'drawio-file-menu');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export draw\.io/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('EKS with managed nodes and Fargate.drawio');
  const xml = readFileSync(await download.path(), 'utf8');
  expect(xml).toBe(exportDrawio(loaded.document).xml);
});
