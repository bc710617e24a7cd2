import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { currentDocument, nodeLocator, openApp, screenshot } from './support';

/** The start screen a trainer projects on first launch: pick a template, and the canvas shows it. */

const examples = join(import.meta.dirname, '../examples');

test('an empty new window shows the start screen; a template picked with the keyboard opens on the canvas', async ({ page }) => {
  await openApp(page, { startScreen: true });
  const start = page.getByTestId('start-screen');
  await expect(start).toBeVisible();
  // Every thumbnail is drawn (the SVG export, as an image) before the trainer looks.
  await expect
    .poll(() => start.locator('img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);
  expect(await start.locator('img').count()).toBeGreaterThanOrEqual(10);
  await screenshot(page, 'start-screen');

  // The first card has the focus; arrows move between cards, Enter starts from one.
  await expect(page.getByTestId('template-00-blank.stowage')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('template-02-fargate-alb.stowage')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(start).toBeHidden();
  await expect(nodeLocator(page, 'alb')).toBeVisible();
  await expect(nodeLocator(page, 'web')).toBeVisible();
  const document = await currentDocument(page);
  expect(document.metadata.title).toBe('Fargate web service behind an ALB');
  await expect(page.getByTestId('problems-panel').getByText(/no problems/i)).toBeVisible();
  await screenshot(page, 'start-screen-template-on-canvas');
});

test('File ▸ New from Template… opens the gallery; a click starts from another template', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('start-screen')).toBeHidden();
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /New from Template…/ }).click();
  await page.getByTestId('template-08-eks-fargate-profile.stowage').click();
  await expect(nodeLocator(page, 'app')).toBeVisible();
  expect((await currentDocument(page)).nodes.find((node) => node.id === 'nodes')?.kind).toBe('eks-fargate-profile');
});

test('a trainer imports their own template into the gallery; the browser keeps it across visits', async ({ page }) => {
  await openApp(page, { startScreen: true });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('add-own-templates').click();
  await (await chooser).setFiles(join(examples, 'eks-mixed.stowage'));
  const own = page.getByTestId('template-eks-mixed.stowage');
  await expect(own).toBeVisible();
  await expect(own).toContainText('EKS with managed nodes and Fargate');

  await page.reload();
  await expect(own).toBeVisible();
  await own.click();
  await expect(nodeLocator(page, 'storefront')).toBeVisible();

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /New from Template…/ }).click();
  await page.getByRole('button', { name: 'Remove EKS with managed nodes and Fargate' }).click();
  await expect(own).toBeHidden();
});
