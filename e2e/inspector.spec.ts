import { expect, test } from '@playwright/test';
import { currentDocument, dragFromPalette, mod, openApp, screenshot } from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test("the inspector's fields follow undo and redo of their own edits", async ({ page }) => {
  const service = await dragFromPalette(page, 'ecs-service', 320, 220);
  const inspector = page.getByTestId('inspector');
  const desired = inspector.locator('input[data-field="desiredCount"]');
  const label = inspector.locator('input[data-field="label"]');
  await expect(desired).toHaveValue('2');

  await desired.fill('7');
  await desired.press('Enter');
  await desired.blur();
  await label.fill('checkout');
  await label.press('Enter');
  await label.blur();
  const edited = (await currentDocument(page)).nodes.find((node) => node.id === service.id)!;
  expect([edited.label, edited.props.desiredCount]).toEqual(['checkout', 7]);

  // Undo with the focus outside the fields: each draft goes back to the committed value.
  await page.keyboard.press(`${mod}+z`);
  await expect(label).not.toHaveValue('checkout');
  await expect(desired).toHaveValue('7');
  await page.keyboard.press(`${mod}+z`);
  await expect(desired).toHaveValue('2');
  await screenshot(page, 'inspector-after-undo');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(desired).toHaveValue('7');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(label).toHaveValue('checkout');
});
