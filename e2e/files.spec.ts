import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadDocument, serializeDocument } from '../shared/document';
import { currentDocument, draftWritten, dragFromPalette, mod, openApp, screenshot } from './support';

/** Saves through the browser build's download fallback and returns the saved text. */
async function saveByDownload(page: Page, shortcut: string): Promise<{ name: string; text: string }> {
  const downloadPromise = page.waitForEvent('download');
  await page.keyboard.press(shortcut);
  const download = await downloadPromise;
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

async function openFile(page: Page, name: string, text: string): Promise<void> {
  const chooserPromise = page.waitForEvent('filechooser');
  await page.keyboard.press(`${mod}+o`);
  const chooser = await chooserPromise;
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('save, start anew and reopen: the reopened document equals the saved one', async ({ page }) => {
  const repo = await dragFromPalette(page, 'ecr-repository', 200, 120);
  await dragFromPalette(page, 'ecs-service', 520, 120);
  await page.getByTestId('inspector').locator('input[data-field="desiredCount"]').fill('5');
  await page.getByTestId('inspector').locator('input[data-field="desiredCount"]').press('Enter');
  expect(await page.title()).toMatch(/^• /);

  const saved = await saveByDownload(page, `${mod}+s`);
  expect(saved.name).toMatch(/\.stowage$/);
  const before = await currentDocument(page);
  expect(saved.text).toBe(serializeDocument(before));
  await expect.poll(() => page.title()).not.toMatch(/^• /);

  // New: the saved document is not dirty, so no question is asked.
  await page.keyboard.press(`${mod}+n`);
  await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(0);

  await openFile(page, saved.name, saved.text);
  await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(2);
  const reopened = await currentDocument(page);
  expect(reopened).toEqual(before);
  expect(reopened.nodes.find((node) => node.id === repo.id)).toBeDefined();
  await expect(page).toHaveTitle(new RegExp(saved.name.replace('.', '\\.')));
  await screenshot(page, 'reopened-document');
});

test('opening a corrupt file shows why and keeps the current document', async ({ page }) => {
  await dragFromPalette(page, 'alb', 300, 200);
  const before = await currentDocument(page);
  // The document is unsaved: opening asks first; choose not to save.
  const chooserPromise = page.waitForEvent('filechooser');
  await page.keyboard.press(`${mod}+o`);
  await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Don’t Save' }).click();
  const chooser = await chooserPromise;
  await chooser.setFiles({ name: 'broken.stowage', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "nodes": [') });
  const dialog = page.getByTestId('error-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Could not open broken.stowage');
  await expect(dialog).toContainText('not valid JSON');
  await screenshot(page, 'corrupt-file-error');
  await dialog.getByRole('button', { name: 'OK' }).click();
  expect(await currentDocument(page)).toEqual(before);
});

test('a file that fails the schema names the path and the reason', async ({ page }) => {
  const text = JSON.stringify({
    schemaVersion: 1,
    metadata: { title: 'bad', description: '' },
    nodes: [{ id: 'web', kind: 'ecs-service', label: 'web', position: { x: 0, y: 0 }, props: { cpu: 'lots' } }],
    edges: [],
  });
  await openFile(page, 'bad-props.stowage', text);
  const dialog = page.getByTestId('error-dialog');
  await expect(dialog).toContainText('nodes[0].props.cpu');
  await expect(dialog).toContainText('ECS service "web"');
});

test('a newer file format opens read-only with advice to update (more in forward-compat.spec.ts)', async ({ page }) => {
  await openFile(
    page,
    'future.stowage',
    JSON.stringify({ schemaVersion: 99, metadata: { title: '', description: '' }, nodes: [], edges: [] }),
  );
  await expect(page.getByTestId('read-only-banner')).toContainText('newer version of Stowage (schema 99)');
  await expect(page.getByTestId('read-only-banner')).toContainText('Update Stowage');
});

test('unsaved work is offered back after the window is closed without saving', async ({ page }) => {
  await dragFromPalette(page, 'efs', 300, 200);
  const before = await currentDocument(page);
  // The draft is written shortly after the change; a fixed wait lost the race on a loaded machine.
  await draftWritten(page, before.nodes[0]!.id);
  await page.reload();
  const dialog = page.getByTestId('recover-dialog');
  await expect(dialog).toBeVisible();
  await screenshot(page, 'recover-draft');
  await dialog.getByRole('button', { name: 'Recover' }).click();
  const recovered = await currentDocument(page);
  expect(recovered).toEqual(before);
  expect(await page.title()).toMatch(/^• /);
  expect(loadDocument(serializeDocument(recovered)).ok).toBe(true);
});
