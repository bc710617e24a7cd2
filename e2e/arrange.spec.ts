import { expect, test, type Page } from '@playwright/test';
import { DocumentIndex } from '../shared/document';
import { currentDocument, dragFromPalette, mod, nodeLocator, openApp, screenshot } from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

async function absoluteRects(page: Page, ids: string[]) {
  const index = new DocumentIndex(await currentDocument(page));
  return ids.map((id) => index.absoluteRect(id));
}

async function boxSelectAll(page: Page) {
  const canvas = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(canvas.x + 5, canvas.y + 5);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width - 5, canvas.y + canvas.height - 60, { steps: 8 });
  await page.mouse.up();
}

test('align and distribute from the Arrange menu, the keyboard and the context menu, one undo step each', async ({ page }) => {
  const a = await dragFromPalette(page, 'ecr-repository', 200, 120);
  const b = await dragFromPalette(page, 'efs', 420, 260);
  const c = await dragFromPalette(page, 'nat-gateway', 760, 180);
  const ids = [a.id, b.id, c.id];
  await boxSelectAll(page);

  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'Arrange' }).click();
  await screenshot(page, 'arrange-menu');
  await page.getByRole('menuitem', { name: /Align Top Edges/ }).click();
  let rects = await absoluteRects(page, ids);
  expect(new Set(rects.map((rect) => rect.y)).size, 'tops lined up').toBe(1);

  await page.keyboard.press('Alt+Shift+H');
  rects = await absoluteRects(page, ids).then((list) => list.sort((p, q) => p.x - q.x));
  const gaps = [rects[1]!.x - (rects[0]!.x + rects[0]!.width), rects[2]!.x - (rects[1]!.x + rects[1]!.width)];
  expect(Math.abs(gaps[0]! - gaps[1]!), `gaps ${gaps.join(', ')}`).toBeLessThanOrEqual(1);
  await screenshot(page, 'arrange-aligned-distributed');

  // Right-click a selected card: the context menu offers the arrangement too.
  const box = (await nodeLocator(page, b.id).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  await page
    .getByRole('menu', { name: 'Canvas menu' })
    .getByRole('menuitem', { name: /Align Left Edges/ })
    .click();
  rects = await absoluteRects(page, ids);
  expect(new Set(rects.map((rect) => rect.x)).size, 'left edges lined up').toBe(1);

  // Each arrangement was one step: three undos bring back the original places.
  const original = [a, b, c].map((node) => node.position);
  for (let step = 0; step < 3; step++) await page.keyboard.press(`${mod}+z`);
  const document = await currentDocument(page);
  expect(ids.map((id) => document.nodes.find((node) => node.id === id)!.position)).toEqual(original);
});
