import { expect, test, type Page } from '@playwright/test';
import {
  SPEEDS,
  clickAt,
  currentDocument,
  diagram,
  dragFromPalette,
  dragPointer,
  headerOf,
  mod,
  node,
  nodeById,
  openApp,
  pointIn,
  screenshot,
  selectedNodeIds,
  settle,
  showDocument,
  zoomCanvasTo,
} from './support';

/**
 * Stacking follows the document: a child always draws above its parent, and among siblings the
 * stored order is the stacking order. A group dropped over nodes takes in those it may hold and
 * stays below the others, so nothing ever looks nested without being nested.
 */

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

/** The ids of the root-level nodes (or the children of `parent`) in stored, that is stacking, order. */
async function siblingOrder(page: Page, parent?: string): Promise<string[]> {
  return (await currentDocument(page)).nodes.filter((candidate) => candidate.parentId === parent).map((candidate) => candidate.id);
}

test('a Region dropped from the palette onto an EKS cluster takes it in; the cluster header stays reachable; one undo step', async ({
  page,
}) => {
  await zoomCanvasTo(page, 0.5);
  await page.waitForTimeout(400);
  const cluster = await dragFromPalette(page, 'eks-cluster', 420, 380);
  const region = await dragFromPalette(page, 'region', 420, 360);
  expect((await nodeById(page, cluster.id))?.parentId, 'the cluster is now inside the Region').toBe(region.id);
  await clickAt(page, await headerOf(page, cluster.id));
  expect(await selectedNodeIds(page)).toEqual([cluster.id]);
  await screenshot(page, 'z-order-region-adopts-eks');
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+z`);
  const document = await currentDocument(page);
  expect(document.nodes.map((candidate) => candidate.id)).toEqual([cluster.id]);
  expect(document.nodes[0]?.parentId).toBeUndefined();
});

for (const speed of SPEEDS) {
  test(`a Region dragged (${speed}) over an EKS cluster takes it in`, async ({ page }) => {
    await showDocument(
      page,
      diagram([
        node('eks-cluster', 'eks', 460, 300, { width: 320, height: 200 }),
        node('region', 'region', 20, 20, { width: 380, height: 260 }),
      ]),
    );
    // Move the Region so its top-left lands 40 px left of and 60 px above the cluster's.
    const grab = await headerOf(page, 'region');
    const regionCorner = await pointIn(page, 'region', 0, 0);
    const eksCorner = await pointIn(page, 'eks', 0, 0);
    const release = { x: eksCorner.x - 40 + (grab.x - regionCorner.x), y: eksCorner.y - 60 + (grab.y - regionCorner.y) };
    await dragPointer(page, grab, release, speed);
    await settle(page);
    expect((await nodeById(page, 'eks'))?.parentId).toBe('region');
    await clickAt(page, await headerOf(page, 'eks'));
    expect(await selectedNodeIds(page)).toEqual(['eks']);
  });
}

test('a pasted Region over an existing cluster takes it in instead of hiding it', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('region', 'region', 20, 20, { width: 300, height: 200 }),
      node('eks-cluster', 'eks', 460, 360, { width: 260, height: 160 }),
    ]),
  );
  await clickAt(page, await headerOf(page, 'region'));
  await page.keyboard.press(`${mod}+c`);
  const corner = await pointIn(page, 'eks', 0, 0);
  await page.mouse.move(corner.x - 20, corner.y - 50);
  await page.keyboard.press(`${mod}+v`);
  await settle(page);
  const document = await currentDocument(page);
  const pasted = document.nodes.find((candidate) => candidate.kind === 'region' && candidate.id !== 'region')!;
  expect(pasted).toBeDefined();
  expect(document.nodes.find((candidate) => candidate.id === 'eks')?.parentId).toBe(pasted.id);
  await clickAt(page, await headerOf(page, 'eks'));
  expect(await selectedNodeIds(page)).toEqual(['eks']);
  await screenshot(page, 'z-order-pasted-region-adopts');
});

for (const speed of SPEEDS) {
  test(`a group dragged (${speed}) over a node it cannot hold stays below it`, async ({ page }) => {
    await showDocument(
      page,
      diagram([node('ecr-repository', 'ecr', 500, 360), node('subnet', 'subnet', 20, 20, { width: 380, height: 220 })]),
    );
    const grab = await headerOf(page, 'subnet');
    const ecr = await pointIn(page, 'ecr', 0.5, 0.5);
    await dragPointer(page, grab, { x: ecr.x - 60, y: ecr.y - 60 }, speed);
    await settle(page);
    expect((await nodeById(page, 'ecr'))?.parentId).toBeUndefined();
    await clickAt(page, await pointIn(page, 'ecr', 0.5, 0.5));
    expect(await selectedNodeIds(page), 'the repository is on top and can be clicked').toEqual(['ecr']);
    await screenshot(page, `z-order-group-below-${speed}`);
  });
}

test('Bring to Front, Send to Back, Bring Forward and Send Backward restack siblings, each one undo step', async ({ page }) => {
  // Three overlapping VPCs, stored a, b, c: c is on top where all three overlap.
  await showDocument(
    page,
    diagram([
      node('vpc', 'a', 20, 20, { width: 360, height: 300 }),
      node('vpc', 'b', 120, 80, { width: 360, height: 300 }),
      node('vpc', 'c', 220, 140, { width: 360, height: 300 }),
    ]),
  );
  const overlap = await pointIn(page, 'c', 0.1, 0.4);
  const clickOverlap = async () => {
    await page.mouse.click(overlap.x, overlap.y);
    return selectedNodeIds(page);
  };
  expect(await clickOverlap()).toEqual(['c']);

  // Select a by its uncovered corner, then bring it to the front from the keyboard.
  await clickAt(page, await pointIn(page, 'a', 0.1, 0.2));
  expect(await selectedNodeIds(page)).toEqual(['a']);
  await page.keyboard.press(`${mod}+Shift+BracketRight`);
  expect(await siblingOrder(page)).toEqual(['b', 'c', 'a']);
  expect(await clickOverlap()).toEqual(['a']);

  // Send Backward by one step (past the next sibling it overlaps), from the keyboard.
  await page.keyboard.press(`${mod}+BracketLeft`);
  expect(await siblingOrder(page)).toEqual(['b', 'a', 'c']);

  // Send to Back from the context menu.
  await clickAt(page, await pointIn(page, 'c', 0.9, 0.9));
  await clickAt(page, await pointIn(page, 'c', 0.9, 0.9), { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Canvas menu' });
  await expect(menu.getByRole('menuitem', { name: /Bring to Front/ })).toBeVisible();
  await screenshot(page, 'z-order-context-menu');
  await menu.getByRole('menuitem', { name: /Send to Back/ }).click();
  expect(await siblingOrder(page)).toEqual(['c', 'b', 'a']);

  // Bring Forward from the Arrange menu.
  await page.getByRole('button', { name: 'Arrange' }).click();
  await page.getByRole('menuitem', { name: /Bring Forward/ }).click();
  expect(await siblingOrder(page)).toEqual(['b', 'c', 'a']);

  // Each was one step: three undos go back to the first restack.
  for (let step = 0; step < 3; step++) await page.keyboard.press(`${mod}+z`);
  expect(await siblingOrder(page)).toEqual(['b', 'c', 'a']);
  await page.keyboard.press(`${mod}+z`);
  expect(await siblingOrder(page)).toEqual(['a', 'b', 'c']);

  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  for (const label of ['Bring to Front', 'Send to Back', 'Bring Forward', 'Send Backward']) await expect(dialog).toContainText(label);
});

for (const speed of SPEEDS) {
  test(`a selected group can be dragged (${speed}) from where another group covers it`, async ({ page }) => {
    await showDocument(
      page,
      diagram([node('vpc', 'under', 20, 20, { width: 400, height: 320 }), node('vpc', 'over', 200, 120, { width: 400, height: 320 })]),
    );
    await clickAt(page, await pointIn(page, 'under', 0.2, 0.2));
    expect(await selectedNodeIds(page)).toEqual(['under']);
    const before = (await nodeById(page, 'under'))!.position;
    const covered = await pointIn(page, 'under', 0.8, 0.8);
    await dragPointer(page, covered, { x: covered.x + 80, y: covered.y + 48 }, speed);
    const after = (await nodeById(page, 'under'))!.position;
    expect(after.x - before.x).toBeGreaterThan(40);
    expect((await nodeById(page, 'over'))!.position).toEqual({ x: 200, y: 120 });
  });
}

test('children always draw above their parent, even when the parent is selected or brought to the front', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('vpc', 'vpc', 20, 20, { width: 560, height: 400 }),
      node('subnet', 'subnet', 24, 60, { parent: 'vpc', width: 400, height: 240 }),
      node('alb', 'alb', 40, 80, { parent: 'subnet' }),
    ]),
  );
  await clickAt(page, await headerOf(page, 'vpc'));
  await page.keyboard.press(`${mod}+Shift+BracketRight`);
  await settle(page);
  await clickAt(page, await pointIn(page, 'alb', 0.5, 0.5));
  expect(await selectedNodeIds(page)).toEqual(['alb']);
  await clickAt(page, await headerOf(page, 'subnet'));
  expect(await selectedNodeIds(page)).toEqual(['subnet']);
});

test('a node being dragged draws above the groups it passes over', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'a', 20, 20, { width: 360, height: 300 }),
      node('ecs-service', 'api', 40, 80, { parent: 'a' }),
      node('ecs-cluster', 'b', 440, 20, { width: 400, height: 300 }),
    ]),
  );
  const grab = await pointIn(page, 'api', 0.5, 0.5);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  const over = await pointIn(page, 'b', 0.5, 0.6);
  await page.mouse.move(over.x, over.y, { steps: 12 });
  await settle(page);
  const onTop = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'),
    over,
  );
  await screenshot(page, 'z-order-dragged-on-top');
  await page.mouse.up();
  expect(onTop).toBe('api');
});
