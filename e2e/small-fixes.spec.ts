import { expect, test } from '@playwright/test';
import {
  clickAt,
  currentDocument,
  diagram,
  fitCanvasView,
  headerOf,
  mod,
  node,
  nodeById,
  nodeLocator,
  openApp,
  pointIn,
  screenshot,
  selectedNodeIds,
  settle,
  showDocument,
} from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('Escape clears the selection, wherever the focus is', async ({ page }) => {
  // Added from the palette: selected, with the focus still on the palette button.
  await page.getByTestId('palette-ecs-service').click();
  expect(await selectedNodeIds(page)).toHaveLength(1);
  await page.keyboard.press('Escape');
  expect(await selectedNodeIds(page)).toEqual([]);
  // Selected by dragging a box around it.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 5, pane.y + 5);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 5, pane.y + pane.height - 5, { steps: 8 });
  await page.mouse.up();
  expect(await selectedNodeIds(page)).toHaveLength(1);
  await page.keyboard.press('Escape');
  expect(await selectedNodeIds(page)).toEqual([]);
});

test('double-clicking a card renames it in place: Enter commits as one undo step, Escape cancels', async ({ page }) => {
  await showDocument(page, diagram([node('ecs-service', 'service', 200, 200, { label: 'api' })]));
  await clickAt(page, await pointIn(page, 'service', 0.5, 0.4), { clickCount: 2 });
  const editor = page.getByRole('textbox', { name: 'Rename' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('api');
  await screenshot(page, 'rename-inline-card');
  await editor.fill('orders');
  await editor.press('Enter');
  await expect(editor).toHaveCount(0);
  expect((await nodeById(page, 'service'))?.label).toBe('orders');
  await expect(nodeLocator(page, 'service')).toContainText('orders');

  // F2 opens it again; Escape leaves the name alone.
  await page.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await editor.fill('nonsense');
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  expect((await nodeById(page, 'service'))?.label).toBe('orders');
  expect(await selectedNodeIds(page), 'Escape in the editor does not also deselect').toEqual(['service']);

  await page.keyboard.press(`${mod}+z`);
  expect((await nodeById(page, 'service'))?.label).toBe('api');
});

test('a group title renames in place by double-click, and Enter on a selected group opens the editor too', async ({ page }) => {
  await showDocument(page, diagram([node('vpc', 'vpc', 40, 40, { width: 400, height: 300, label: 'main' })]));
  await clickAt(page, await headerOf(page, 'vpc'), { clickCount: 2 });
  const editor = page.getByRole('textbox', { name: 'Rename' });
  await expect(editor).toBeFocused();
  await editor.fill('shared');
  await editor.press('Enter');
  expect((await nodeById(page, 'vpc'))?.label).toBe('shared');
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await screenshot(page, 'rename-inline-group');
  await editor.press('Escape');
  const viewport = await page.locator('.react-flow__viewport').getAttribute('style');
  expect(viewport, 'double-click on a title does not zoom').toContain('scale(1)');
});

test('Enter in the palette search adds the best match, not the first one in the catalog', async ({ page }) => {
  const search = page.getByRole('searchbox', { name: 'Search components' });
  await search.fill('far');
  await search.press('Enter');
  await settle(page);
  expect((await currentDocument(page)).nodes.map((candidate) => candidate.kind)).toEqual(['ecs-fargate-capacity']);
});

test('Mod+Z in a field with nothing typed undoes the diagram', async ({ page }) => {
  await showDocument(page, diagram([node('ecs-service', 'service', 200, 200)]));
  await clickAt(page, await pointIn(page, 'service', 0.5, 0.5));
  const desired = page.getByTestId('inspector').locator('input[data-field="desiredCount"]');
  await desired.fill('5');
  await desired.press('Enter');
  expect((await nodeById(page, 'service'))?.props.desiredCount).toBe(5);
  await desired.press(`${mod}+z`);
  expect((await nodeById(page, 'service'))?.props.desiredCount).toBe(2);
  await expect(desired).toHaveValue('2');
  // With unsaved typing, Mod+Z belongs to the text.
  await desired.fill('7');
  await desired.press(`${mod}+z`);
  expect((await nodeById(page, 'service'))?.props.desiredCount).toBe(2);
});

test('the diagram summary counts in the singular for one', async ({ page }) => {
  await showDocument(page, diagram([node('ecs-service', 'service', 200, 200)]));
  await expect(page.getByTestId('inspector')).toContainText('1 component · 0 connections');
  await expect(page.getByTestId('status-counts')).toHaveText('1 component · 0 connections');
});

test('a disabled primary button looks disabled', async ({ page }) => {
  // A service without an image: the CDK export is refused, its Export button disabled.
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'cluster', 20, 20, { width: 400, height: 300 }),
      node('ecs-fargate-capacity', 'capacity', 24, 60, { parent: 'cluster', width: 340, height: 200 }),
      {
        ...node('ecs-service', 'service', 40, 80, { parent: 'capacity' }),
        props: { ...node('ecs-service', 'x', 0, 0).props, networkMode: 'bridge' },
      },
    ]),
  );
  await page.keyboard.press(`${mod}+e`);
  await page.getByRole('tab', { name: /CDK/ }).click();
  const button = page.getByTestId('cdk-export');
  await expect(button).toBeDisabled();
  await screenshot(page, 'small-fixes-disabled-export');
  const look = await button.evaluate((element) => {
    const style = getComputedStyle(element);
    return { opacity: Number(style.opacity), background: style.backgroundColor, cursor: style.cursor };
  });
  expect(look.opacity < 0.7 || look.background !== 'rgb(9, 114, 211)').toBe(true);
  expect(look.cursor).not.toBe('pointer');
});

test('the shortcuts dialog opens scrolled to the top', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 620 });
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await settle(page);
  expect(await dialog.evaluate((element) => element.scrollTop)).toBe(0);
  await screenshot(page, 'small-fixes-shortcuts-top');
});

test('Fit Diagram keeps every node clear of the minimap and the zoom controls', async ({ page }) => {
  const nodes = [];
  // Ten rows of four: about the pane's shape, so the fit fills it to the corners.
  for (let row = 0; row < 10; row++)
    for (let column = 0; column < 4; column++) nodes.push(node('ecs-service', `s${row}${column}`, column * 260, row * 90));
  await showDocument(page, diagram(nodes));
  await page.keyboard.press('Shift+!');
  await page.waitForTimeout(400);
  const covers = [await page.locator('.react-flow__minimap').boundingBox(), await page.locator('.react-flow__controls').boundingBox()];
  await screenshot(page, 'small-fixes-fit-clear-of-minimap');
  for (const candidate of nodes) {
    const box = (await nodeLocator(page, candidate.id).boundingBox())!;
    for (const cover of covers) {
      if (!cover) continue;
      const overlap =
        box.x < cover.x + cover.width && cover.x < box.x + box.width && box.y < cover.y + cover.height && cover.y < box.y + box.height;
      expect(overlap, `${candidate.id} is under an overlay`).toBe(false);
    }
  }
});

test('a fit for components that are gone stays put, and one asked for just before New does not land on the new diagram', async ({
  page,
}) => {
  await showDocument(page, diagram([node('ecs-service', 'service', 4000, 3000)]));
  const transform = async () => {
    const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const match = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(style);
    if (!match) throw new Error(`unexpected viewport style ${style}`);
    return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
  };
  await fitCanvasView(page);
  await page.waitForTimeout(400);
  const fitted = await transform();
  await expect(nodeLocator(page, 'service')).toBeInViewport();
  // Fitting to ids that no longer exist must not fly off to the origin.
  await fitCanvasView(page, ['gone']);
  await page.waitForTimeout(400);
  expect(await transform()).toEqual(fitted);
  // A fit asked for just before File ▸ New must not land on the new diagram: the first
  // component added there is in view.
  await page.evaluate(async () => {
    // Both in one task, as when a fit is still queued while the user starts anew.
    const services = (
      window as unknown as {
        __stowage: { canvas: { current: { fitView(ids: string[]): void } }; commands: { run(id: string): Promise<boolean> } };
      }
    ).__stowage;
    services.canvas.current.fitView(['service']);
    await services.commands.run('file.new');
  });
  await page.waitForTimeout(400);
  const fresh = await transform();
  expect(Number.isFinite(fresh.x) && Number.isFinite(fresh.y) && Number.isFinite(fresh.zoom)).toBe(true);
  await page.getByTestId('palette-ecs-service').click();
  await page.waitForTimeout(400);
  const [added] = (await currentDocument(page)).nodes;
  await expect(nodeLocator(page, added!.id)).toBeInViewport();
  await screenshot(page, 'small-fixes-sane-view-after-new');
});
