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

test('a CIDR block AWS refuses is refused in the inspector, with the reason', async ({ page }) => {
  const vpc = await dragFromPalette(page, 'vpc', 500, 420);
  const inspector = page.getByTestId('inspector');
  const cidr = inspector.locator('input[data-field="cidr"]');
  await expect(cidr).toHaveValue('10.0.0.0/16');

  await cidr.fill('10.0.0.0/33');
  await cidr.press('Enter');
  await expect(inspector).toContainText('/33 is not a prefix length: IPv4 has /0 to /32.');
  await expect(cidr).toHaveAttribute('aria-invalid', 'true');
  await cidr.fill('10.0.3.7/24');
  await expect(inspector).toContainText('A block is written with its first address: 10.0.3.7 lies in 10.0.3.0/24.');
  await screenshot(page, 'inspector-cidr-refused');
  await cidr.blur();
  expect((await currentDocument(page)).nodes.find((node) => node.id === vpc.id)!.props.cidr ?? '10.0.0.0/16').toBe('10.0.0.0/16');

  await cidr.fill('172.16.0.0/16');
  await cidr.press('Enter');
  await expect.poll(async () => (await currentDocument(page)).nodes.find((node) => node.id === vpc.id)!.props.cidr).toBe('172.16.0.0/16');
});

test('subnets added to a VPC one after another take blocks of their own', async ({ page }) => {
  await dragFromPalette(page, 'vpc', 560, 440);
  for (const x of [330, 560, 790]) await dragFromPalette(page, 'subnet', x, 460);
  const document = await currentDocument(page);
  const subnets = document.nodes.filter((node) => node.kind === 'subnet');
  expect(subnets.map((node) => node.parentId)).toEqual(subnets.map(() => document.nodes.find((node) => node.kind === 'vpc')!.id));
  // A default left out of the saved document is the kind's default block.
  const blocks = subnets.map((node) => node.props.cidr ?? '10.0.1.0/24');
  expect(new Set(blocks).size).toBe(3);
});
