import { expect, test, type Page } from '@playwright/test';
import { currentDocument, dragFromPalette, dragNodeTo, mod, nodeLocator, openApp, screenshot } from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

async function selectedNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const services = (window as unknown as { __stowage: { session: { getState(): { selectedNodeIds: ReadonlySet<string> } } } }).__stowage;
    return [...services.session.getState().selectedNodeIds].sort();
  });
}

async function editMenuItem(page: Page, name: RegExp) {
  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'Edit' }).click();
  return page.getByRole('menu', { name: 'edit menu' }).getByRole('menuitem', { name });
}

test('Edit ▸ Undo and Redo name the step, and restore the selection it had', async ({ page }) => {
  const repo = await dragFromPalette(page, 'ecr-repository', 200, 150);
  const efs = await dragFromPalette(page, 'efs', 200, 350);
  await nodeLocator(page, repo.id).click();
  await nodeLocator(page, efs.id).click({ modifiers: ['Shift'] });
  expect(await selectedNodeIds(page)).toEqual([repo.id, efs.id].sort());

  await page.keyboard.press('Delete');
  expect((await currentDocument(page)).nodes).toHaveLength(0);

  const undo = await editMenuItem(page, /^Undo/);
  await expect(undo).toHaveText(/Undo Delete 2 items/);
  await screenshot(page, 'edit-menu-undo-label');
  await undo.click();
  expect((await currentDocument(page)).nodes).toHaveLength(2);
  expect(await selectedNodeIds(page), 'undo selects what was selected before the delete').toEqual([repo.id, efs.id].sort());

  const redo = await editMenuItem(page, /^Redo/);
  await expect(redo).toHaveText(/Redo Delete 2 items/);
  await redo.click();
  expect((await currentDocument(page)).nodes).toHaveLength(0);
  expect(await selectedNodeIds(page)).toEqual([]);
  await page.keyboard.press(`${mod}+z`);

  // A drag is one step named after what moved.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await dragNodeTo(page, repo.id, 600, 200);
  await expect(await editMenuItem(page, /^Undo/)).toHaveText(/Undo Move/);
  await page.keyboard.press('Escape');
});
