import { expect, test, type Page } from '@playwright/test';
import {
  SPEEDS,
  currentDocument,
  diagram,
  dragFromPalette,
  dragPointer,
  node,
  nodeById,
  nodeLocator,
  openApp,
  pointIn,
  screenshot,
  showDocument,
} from './support';

/**
 * The workspace never changes under the user's hands: findings do not pop a panel open, opening
 * a panel does not move the diagram, and a drop that misses the canvas says so.
 */

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

async function paneBox(page: Page) {
  return (await page.locator('.react-flow__pane').boundingBox())!;
}

/** A Fargate capacity in a cluster, and a bridge-mode service beside it: dropping it in is an error. */
const fargateAndBridgeService = () =>
  diagram([
    node('ecs-cluster', 'cluster', 40, 40, { width: 420, height: 320 }),
    node('ecs-fargate-capacity', 'capacity', 24, 60, { parent: 'cluster', width: 340, height: 220 }),
    { ...node('ecs-service', 'service', 560, 560), props: { ...node('ecs-service', 'x', 0, 0).props, networkMode: 'bridge' } },
  ]);

test('the problems panel does not open by itself when a palette drop makes the first finding; it shows the count', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'cluster', 40, 40, { width: 420, height: 320 }),
      node('ecs-external-capacity', 'external', 24, 60, { parent: 'cluster', width: 340, height: 220 }),
    ]),
  );
  const before = await paneBox(page);
  const clusterBefore = (await nodeLocator(page, 'cluster').boundingBox())!;
  await expect(page.getByTestId('count-error')).toHaveText('0');
  const target = await pointIn(page, 'external', 0.5, 0.6);
  const service = await dragFromPalette(page, 'ecs-service', target.x - before.x, target.y - before.y);
  expect(service.parentId).toBe('external');
  await expect(page.locator('.stowage-count').filter({ hasNotText: /^0$/ })).not.toHaveCount(0);
  await page.waitForTimeout(300);
  await expect(page.locator('.stowage-problems__list')).toHaveCount(0);
  expect(await paneBox(page)).toEqual(before);
  expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(clusterBefore);
  await screenshot(page, 'layout-findings-counted-not-opened');
});

for (const speed of SPEEDS) {
  test(`the problems panel does not open by itself when a ${speed} drag makes the first finding`, async ({ page }) => {
    await showDocument(page, fargateAndBridgeService());
    const before = await paneBox(page);
    const clusterBefore = (await nodeLocator(page, 'cluster').boundingBox())!;
    await expect(page.getByTestId('count-error')).toHaveText('0');
    await dragPointer(page, await pointIn(page, 'service', 0.5, 0.5), await pointIn(page, 'capacity', 0.5, 0.6), speed);
    expect((await nodeById(page, 'service'))?.parentId).toBe('capacity');
    await expect(page.getByTestId('count-error')).toHaveText('1');
    await page.waitForTimeout(300);
    await expect(page.locator('.stowage-problems__list')).toHaveCount(0);
    expect(await paneBox(page)).toEqual(before);
    expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(clusterBefore);
  });
}

test('opening and closing the problems panel never moves the diagram, and findings do not resize it', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'cluster', 40, 40, { width: 420, height: 320 }),
      node('ecs-external-capacity', 'external', 24, 60, { parent: 'cluster', width: 340, height: 220 }),
    ]),
  );
  const before = (await nodeLocator(page, 'cluster').boundingBox())!;
  const pane = await paneBox(page);
  const toggle = page.getByRole('button', { name: /Problems/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const height = (await page.getByTestId('problems-panel').boundingBox())!.height;
  expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(before);
  // The first finding arrives while it is open: the panel keeps its height.
  const target = await pointIn(page, 'external', 0.5, 0.6);
  await dragFromPalette(page, 'ecs-service', target.x - pane.x, target.y - pane.y);
  await expect(page.locator('.stowage-problems__list')).toBeVisible();
  expect((await page.getByTestId('problems-panel').boundingBox())!.height).toBe(height);
  await screenshot(page, 'layout-problems-opened');
  expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(before);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(before);
});

for (const panel of ['problems-panel', 'inspector'] as const) {
  test(`a palette drop onto the ${panel} is refused with a message`, async ({ page }) => {
    const item = page.getByTestId('palette-ecs-service');
    await item.dragTo(page.getByTestId(panel), { targetPosition: { x: 60, y: 16 } });
    await expect(page.locator('.stowage-toast').last()).toContainText(/canvas/i);
    expect((await currentDocument(page)).nodes).toHaveLength(0);
  });
}
