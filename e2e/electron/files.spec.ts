import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadDocument, serializeDocument, type DiagramDocument } from '../../shared/document';
import {
  clickMenu,
  currentDocument,
  electronPath,
  launchStowage,
  menuLabels,
  NO_ELECTRON,
  retitle,
  setDocument,
  stubDialogs,
  temporaryFolder,
  windowTitles,
  type LaunchedApp,
} from './support';

/** Native menus, the open and save dialogs (stubbed at the dialog module, real files), recent files. */

test.skip(electronPath === null, NO_ELECTRON);

function example(name: string): DiagramDocument {
  const loaded = loadDocument(readFileSync(join('examples', name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

let launched: LaunchedApp;
const userData = temporaryFolder('stowage-e2e-user-');
const documents = temporaryFolder('stowage-e2e-docs-');

test.beforeAll(async () => {
  launched = await launchStowage(userData.path);
});

test.afterAll(async () => {
  await launched?.app.close();
  userData.remove();
  documents.remove();
});

test('File ▸ Save As… from the native menu writes the chosen file and lists it in Open Recent', async () => {
  const { app, page } = launched;
  const diagram = example('fargate-web-service.stowage');
  await setDocument(page, diagram);
  const path = join(documents.path, 'web.stowage');
  await stubDialogs(app, { save: path });
  await clickMenu(app, 'file.saveAs');
  await expect.poll(() => existsSync(path)).toBe(true);
  expect(readFileSync(path, 'utf8')).toBe(serializeDocument(await currentDocument(page)));
  await expect.poll(() => windowTitles(app)).toEqual([expect.stringContaining('web.stowage')]);
  await expect.poll(() => menuLabels(app, 'file.openRecent')).toContain('web.stowage');
});

test('File ▸ Save writes over the file and keeps the previous version as .bak', async () => {
  const { app, page } = launched;
  const path = join(documents.path, 'web.stowage');
  const before = readFileSync(path, 'utf8');
  await retitle(page, 'Changed');
  await clickMenu(app, 'file.save');
  await expect.poll(() => readFileSync(path, 'utf8')).toContain('"title": "Changed"');
  expect(readFileSync(`${path}.bak`, 'utf8')).toBe(before);
});

test('File ▸ New, then File ▸ Open… reads the chosen file back', async () => {
  const { app, page } = launched;
  const path = join(documents.path, 'web.stowage');
  await clickMenu(app, 'file.new');
  await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(0);
  await stubDialogs(app, { open: [path] });
  await clickMenu(app, 'file.open');
  await expect.poll(async () => serializeDocument(await currentDocument(page))).toBe(readFileSync(path, 'utf8'));
});

test('Open Recent opens a file from the native menu', async () => {
  const { app, page } = launched;
  const other = join(documents.path, 'eks.stowage');
  writeFileSync(other, serializeDocument(example('eks-mixed.stowage')));
  await stubDialogs(app, { open: [other] });
  await clickMenu(app, 'file.open');
  await expect.poll(() => menuLabels(app, 'file.openRecent')).toEqual(expect.arrayContaining(['eks.stowage', 'web.stowage']));
  const recentItem = await app.evaluate(({ Menu }) => {
    const items = Menu.getApplicationMenu()?.getMenuItemById('file.openRecent')?.submenu?.items ?? [];
    const item = items.find((entry) => entry.label === 'web.stowage');
    if (item) (item.click as () => void)();
    return Boolean(item);
  });
  expect(recentItem).toBe(true);
  await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(example('fargate-web-service.stowage').nodes.length);
});

test('Edit ▸ Select All, Delete and Undo from the native menu edit the document', async () => {
  const { app, page } = launched;
  await setDocument(page, example('fargate-web-service.stowage'), true);
  const count = (await currentDocument(page)).nodes.length;
  expect(count).toBeGreaterThan(0);
  await clickMenu(app, 'edit.selectAll');
  await clickMenu(app, 'edit.delete');
  await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(0);
  await clickMenu(app, 'edit.undo');
  await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(count);
});
