import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { generateDiagram } from '../bench/generate-diagram';
import {
  RawMouse,
  SPEEDS,
  canvasBox,
  clickAt,
  currentDocument,
  diagram,
  dragPointer,
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
  type ScreenPoint,
} from './support';

/**
 * The Layers panel: the containment tree beside the canvas, the way to reach anything covered,
 * off screen or too small to grab. Driven with real pointer input (quick flicks through raw CDP
 * events and slow drags) and the keyboard.
 */

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

/** A Region with a VPC, an AZ and two subnets (a NAT gateway in one), an ECS cluster with Fargate capacity and two services, an ECR repository. */
const architecture = () =>
  diagram([
    node('region', 'region', 40, 40, { width: 700, height: 520, label: 'eu-west-1' }),
    node('vpc', 'vpc', 24, 48, { parent: 'region', width: 640, height: 440, label: 'main' }),
    node('availability-zone', 'az', 24, 48, { parent: 'vpc', width: 580, height: 360, label: 'eu-west-1a' }),
    node('subnet', 'private', 24, 48, { parent: 'az', width: 260, height: 160, label: 'private-a' }),
    node('subnet', 'public', 300, 48, { parent: 'az', width: 260, height: 160, label: 'public-a' }),
    node('nat-gateway', 'nat', 20, 60, { parent: 'public', label: 'nat' }),
    node('ecs-cluster', 'cluster', 800, 40, { width: 1000, height: 300, label: 'shop' }),
    node('ecs-fargate-capacity', 'fargate', 24, 48, { parent: 'cluster', width: 510, height: 220, label: 'fargate' }),
    node('ecs-ec2-capacity', 'ec2', 550, 48, { parent: 'cluster', width: 420, height: 220, label: 'ec2' }),
    node('ecs-service', 'api', 20, 60, { parent: 'fargate', label: 'api' }),
    node('ecs-service', 'web', 260, 60, { parent: 'fargate', label: 'web' }),
    node('ecr-repository', 'repo', 800, 420, { label: 'images' }),
  ]);

async function openLayers(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Layers' }).click();
  const tree = page.getByRole('tree', { name: 'Layers' });
  await expect(tree).toBeVisible();
  return tree;
}

function row(page: Page, id: string): Locator {
  return page.getByTestId(`layer-${id}`);
}

/** The ids of the rows shown, top to bottom. */
async function rowIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="treeitem"]')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((element) => element.dataset.rowId!),
  );
}

/** A point in a row: `fy` down its height, `x` pixels from the panel's left edge (default: over its name). */
async function inRow(page: Page, id: string, fy: number, x?: number): Promise<ScreenPoint> {
  const box = await row(page, id).boundingBox();
  if (!box) throw new Error(`row ${id} not visible`);
  return { x: box.x + (x ?? box.width / 2), y: box.y + box.height * fy };
}

/** The ids of `parent`'s children (the canvas when undefined) in stored, that is stacking, order. */
async function siblingOrder(page: Page, parent?: string): Promise<string[]> {
  return (await currentDocument(page)).nodes.filter((candidate) => candidate.parentId === parent).map((candidate) => candidate.id);
}

async function undoLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const services = (window as unknown as { __stowage: { documents: { getState(): { history: { past: { label: string }[] } } } } })
      .__stowage;
    return services.documents.getState().history.past.at(-1)?.label ?? null;
  });
}

test('lists the containment tree, what draws on top first; showing it never moves the canvas', async ({ page }) => {
  await showDocument(page, architecture());
  const pane = await canvasBox(page);
  const cluster = await nodeLocator(page, 'cluster').boundingBox();
  const tree = await openLayers(page);
  expect(await rowIds(page)).toEqual([
    'repo',
    'cluster',
    'ec2',
    'fargate',
    'web',
    'api',
    'region',
    'vpc',
    'az',
    'public',
    'nat',
    'private',
  ]);
  await expect(row(page, 'nat')).toHaveAttribute('aria-level', '5');
  await expect(row(page, 'region')).toHaveAttribute('aria-expanded', 'true');
  await expect(row(page, 'repo')).not.toHaveAttribute('aria-expanded');
  await expect(tree).toHaveAttribute('aria-multiselectable', 'true');
  expect(await canvasBox(page)).toEqual(pane);
  expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(cluster);
  await screenshot(page, 'layers-tree');

  // View ▸ Layers and its shortcut switch back and forth; the canvas stays put.
  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'View' }).click();
  const item = page.getByRole('menuitemcheckbox', { name: /Layers/ });
  await expect(item).toContainText('Shift+L');
  await screenshot(page, 'layers-view-menu');
  await item.click();
  await expect(tree).toHaveCount(0);
  await expect(page.getByTestId('palette-ecs-service')).toBeVisible();
  await page.keyboard.press('Shift+L');
  await expect(page.getByRole('tree', { name: 'Layers' })).toBeVisible();
  expect(await canvasBox(page)).toEqual(pane);
  expect(await nodeLocator(page, 'cluster').boundingBox()).toEqual(cluster);
});

test('a click selects on the canvas and brings it into view; Mod and Shift select several; a canvas selection opens its groups here', async ({
  page,
}) => {
  await showDocument(page, diagram([...architecture().nodes, node('ecr-repository', 'far', 2600, 1800, { label: 'far-away' })]));
  await openLayers(page);
  await row(page, 'far').click();
  expect(await selectedNodeIds(page)).toEqual(['far']);
  await expect(row(page, 'far')).toHaveAttribute('aria-selected', 'true');
  // The canvas pans to it (it was far outside the view).
  const pane = await canvasBox(page);
  await expect
    .poll(async () => {
      const box = await nodeLocator(page, 'far').boundingBox();
      return Boolean(
        box && box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width && box.y + box.height <= pane.y + pane.height,
      );
    })
    .toBe(true);
  await screenshot(page, 'layers-click-reveals');

  await row(page, 'repo').click({ modifiers: [mod] });
  expect(await selectedNodeIds(page)).toEqual(['far', 'repo']);
  await row(page, 'repo').click({ modifiers: [mod] });
  expect(await selectedNodeIds(page)).toEqual(['far']);
  await row(page, 'cluster').click();
  await row(page, 'web').click({ modifiers: ['Shift'] });
  expect(await selectedNodeIds(page)).toEqual(['cluster', 'ec2', 'fargate', 'web']);
  await expect(page.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(4);

  // Closed here, then selected on the canvas: the Region opens again and the row is selected.
  await row(page, 'region').locator('[data-toggle]').click();
  await expect(row(page, 'region')).toHaveAttribute('aria-expanded', 'false');
  await expect(row(page, 'nat')).toHaveCount(0);
  expect(await selectedNodeIds(page), 'opening or closing a group selects nothing').toEqual(['cluster', 'ec2', 'fargate', 'web']);
  await page.evaluate(() =>
    (window as unknown as { __stowage: { canvas: { current: { zoomTo(z: number): void } } } }).__stowage.canvas.current.zoomTo(1),
  );
  await page.evaluate(() =>
    (window as unknown as { __stowage: { canvas: { current: { reveal(ids: string[]): void } } } }).__stowage.canvas.current.reveal(['nat']),
  );
  await expect.poll(async () => Boolean(await nodeLocator(page, 'nat').boundingBox())).toBe(true);
  await nodeLocator(page, 'nat').click();
  expect(await selectedNodeIds(page)).toEqual(['nat']);
  await expect(row(page, 'region')).toHaveAttribute('aria-expanded', 'true');
  await expect(row(page, 'nat')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(1);

  // A click on the empty part of the list clears the selection.
  const tree = (await page.getByRole('tree', { name: 'Layers' }).boundingBox())!;
  await page.mouse.click(tree.x + tree.width / 2, tree.y + tree.height - 20);
  expect(await selectedNodeIds(page)).toEqual([]);
});

test('a quick run of selections here ends with the last one in view, even while the canvas is still moving to the one before', async ({
  page,
}) => {
  await showDocument(page, diagram([...architecture().nodes, node('ecr-repository', 'far', 2600, 1800, { label: 'far-away' })]));
  await openLayers(page);
  const far = await inRow(page, 'far', 0.5);
  // The NAT gateway is in view at first; the far repository is not.
  const nat = await inRow(page, 'nat', 0.5);
  // Two clicks in a burst: the second comes while the view is on its way to the first.
  const mouse = await RawMouse.open(page);
  mouse.move(far);
  mouse.press(far);
  mouse.release(far);
  mouse.move(nat);
  mouse.press(nat);
  mouse.release(nat);
  await mouse.handled();
  expect(await selectedNodeIds(page)).toEqual(['nat']);
  await page.waitForTimeout(600);
  const pane = await canvasBox(page);
  const box = await nodeLocator(page, 'nat')
    .boundingBox({ timeout: 2000 })
    .catch(() => null);
  expect(box, 'the NAT gateway is drawn, so in view').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(pane.x);
  expect(box!.y).toBeGreaterThanOrEqual(pane.y);
  expect(box!.x + box!.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(pane.y + pane.height);
});

test('the keyboard walks the tree: arrows select, Right and Left open and close, Shift extends, letters jump, Enter and F2 rename', async ({
  page,
}) => {
  await showDocument(page, architecture());
  const before = (await currentDocument(page)).nodes.map((candidate) => candidate.position);
  const tree = await openLayers(page);
  await row(page, 'repo').click();
  await expect(tree).toBeFocused();
  await page.keyboard.press('ArrowDown');
  expect(await selectedNodeIds(page)).toEqual(['cluster']);
  await expect(tree).toHaveAttribute('aria-activedescendant', 'layer-row-cluster');
  await page.keyboard.press('ArrowRight');
  expect(await selectedNodeIds(page), 'Right on an open group goes to its first child').toEqual(['ec2']);
  await page.keyboard.press('ArrowDown');
  expect(await selectedNodeIds(page)).toEqual(['fargate']);
  await page.keyboard.press('ArrowLeft');
  await expect(row(page, 'fargate')).toHaveAttribute('aria-expanded', 'false');
  await expect(row(page, 'api')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(row(page, 'fargate')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await selectedNodeIds(page), 'Left on a closed group goes to its parent').toEqual(['cluster']);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await selectedNodeIds(page)).toEqual(['cluster', 'ec2', 'fargate']);
  await page.keyboard.press('End');
  expect(await selectedNodeIds(page)).toEqual(['private']);
  await page.keyboard.press('Home');
  expect(await selectedNodeIds(page)).toEqual(['repo']);
  await page.keyboard.press('p');
  expect(await selectedNodeIds(page), 'typing jumps to the next row whose name starts so').toEqual(['public']);
  expect(
    (await currentDocument(page)).nodes.map((candidate) => candidate.position),
    'arrows in the tree nudge nothing',
  ).toEqual(before);
  await screenshot(page, 'layers-keyboard');

  await page.keyboard.press('Enter');
  const field = row(page, 'public').getByRole('textbox', { name: 'Rename' });
  await expect(field).toBeFocused();
  await page.keyboard.type('edge-a');
  await page.keyboard.press('Enter');
  expect((await nodeById(page, 'public'))?.label).toBe('edge-a');
  await expect(nodeLocator(page, 'public')).toContainText('edge-a');
  expect(await undoLabel(page)).toBe('Rename');
  await expect(tree).toBeFocused();

  await page.keyboard.press('F2');
  await expect(field).toBeFocused();
  await page.keyboard.type('ignored');
  await page.keyboard.press('Escape');
  expect((await nodeById(page, 'public'))?.label).toBe('edge-a');
  expect(await selectedNodeIds(page), 'Escape in the field leaves the selection').toEqual(['public']);

  await page.keyboard.press(`${mod}+z`);
  expect((await nodeById(page, 'public'))?.label).toBe('public-a');
});

test('a double-click renames in place, one undo step; the canvas shows the new name', async ({ page }) => {
  await showDocument(page, architecture());
  await openLayers(page);
  await row(page, 'vpc').dblclick();
  const field = row(page, 'vpc').getByRole('textbox', { name: 'Rename' });
  await expect(field).toBeFocused();
  await field.fill('shared-services');
  await screenshot(page, 'layers-rename');
  // Clicking elsewhere keeps the new name, as on the canvas.
  await row(page, 'repo').click();
  expect((await nodeById(page, 'vpc'))?.label).toBe('shared-services');
  await expect(nodeLocator(page, 'vpc')).toContainText('shared-services');
  expect(await undoLabel(page)).toBe('Rename');
  const steps = await page.evaluate(
    () =>
      (window as unknown as { __stowage: { documents: { getState(): { history: { past: unknown[] } } } } }).__stowage.documents.getState()
        .history.past.length,
  );
  expect(steps).toBe(1);
});

for (const speed of SPEEDS) {
  test(`a ${speed} drag of a row among its siblings changes the stacking order only, one undo step`, async ({ page }) => {
    await showDocument(page, architecture());
    const before = await currentDocument(page);
    await openLayers(page);
    expect(await siblingOrder(page)).toEqual(['region', 'cluster', 'repo']);
    // The top row (drawn on top) goes between the cluster's rows and the Region: just above the Region.
    await dragPointer(page, await inRow(page, 'repo', 0.5), await inRow(page, 'region', 0.1, 12), speed);
    expect(await siblingOrder(page)).toEqual(['region', 'repo', 'cluster']);
    expect(await rowIds(page).then((ids) => ids.slice(0, 2))).toEqual(['cluster', 'ec2']);
    const after = await currentDocument(page);
    expect(after.nodes.map((candidate) => [candidate.id, candidate.position, candidate.parentId])).toEqual(
      expect.arrayContaining(before.nodes.map((candidate) => [candidate.id, candidate.position, candidate.parentId])),
    );
    expect(await undoLabel(page)).toBe('Reorder');
    await page.keyboard.press(`${mod}+z`);
    expect(await siblingOrder(page)).toEqual(['region', 'cluster', 'repo']);
  });

  test(`a ${speed} drag of a row onto a group moves it inside where the catalog allows, and out onto the canvas`, async ({ page }) => {
    await showDocument(page, architecture());
    await openLayers(page);
    await dragPointer(page, await inRow(page, 'repo', 0.5), await inRow(page, 'region', 0.5), speed);
    expect((await nodeById(page, 'repo'))?.parentId).toBe('region');
    expect(await undoLabel(page)).toBe('Move into Region "eu-west-1"');
    await expect(row(page, 'repo')).toHaveAttribute('aria-level', '2');
    // The canvas brings it into view where it went: inside the Region, in a free spot.
    await expect.poll(async () => Boolean(await nodeLocator(page, 'repo').boundingBox())).toBe(true);
    await page.waitForTimeout(300);
    const region = (await nodeLocator(page, 'region').boundingBox())!;
    const repo = (await nodeLocator(page, 'repo').boundingBox())!;
    expect(repo.x).toBeGreaterThanOrEqual(region.x);
    expect(repo.y).toBeGreaterThanOrEqual(region.y);
    expect(repo.x + repo.width).toBeLessThanOrEqual(region.x + region.width);
    expect(repo.y + repo.height).toBeLessThanOrEqual(region.y + region.height);
    if (speed === 'slow') await screenshot(page, 'layers-moved-into-region');

    // Below the last row, at the left: the end of the canvas's list.
    const tree = (await page.getByRole('tree', { name: 'Layers' }).boundingBox())!;
    await dragPointer(page, await inRow(page, 'nat', 0.5), { x: tree.x + 10, y: tree.y + tree.height - 30 }, speed);
    expect((await nodeById(page, 'nat'))?.parentId).toBeUndefined();
    expect(await undoLabel(page)).toBe('Move onto the canvas');
    expect(await siblingOrder(page)).toEqual(['nat', 'region', 'cluster']);
    const nat = await page.evaluate(() => {
      const services = (
        window as unknown as {
          __stowage: { documents: { getState(): { document: { nodes: { id: string; position: { x: number; y: number } }[] } } } };
        }
      ).__stowage;
      return services.documents.getState().document.nodes.find((candidate) => candidate.id === 'nat')!.position;
    });
    // Clear of the Region it left, so it does not look nested.
    const regionNode = (await nodeById(page, 'region'))!;
    const inside =
      nat.x + 220 > regionNode.position.x &&
      nat.x < regionNode.position.x + regionNode.size!.width &&
      nat.y + 56 > regionNode.position.y &&
      nat.y < regionNode.position.y + regionNode.size!.height;
    expect(inside).toBe(false);
  });

  test(`a ${speed} drag onto a group that may not hold it is refused, naming the group and what it may hold`, async ({ page }) => {
    await showDocument(page, architecture());
    const before = await currentDocument(page);
    await openLayers(page);
    await dragPointer(page, await inRow(page, 'api', 0.5), await inRow(page, 'private', 0.5), speed);
    await expect(page.locator('.stowage-toast').last()).toHaveText(/Subnet "private-a" cannot hold ECS service \(it may hold: .*\)\./);
    expect(await currentDocument(page)).toEqual(before);
  });

  test(`a ${speed} drag of several selected rows moves them together, one undo step`, async ({ page }) => {
    await showDocument(page, architecture());
    await openLayers(page);
    await row(page, 'web').click();
    await row(page, 'api').click({ modifiers: [mod] });
    await dragPointer(page, await inRow(page, 'api', 0.5), await inRow(page, 'ec2', 0.5), speed);
    expect((await nodeById(page, 'api'))?.parentId).toBe('ec2');
    expect((await nodeById(page, 'web'))?.parentId).toBe('ec2');
    expect(await siblingOrder(page, 'ec2'), 'they keep their order').toEqual(['api', 'web']);
    expect(await selectedNodeIds(page)).toEqual(['api', 'web']);
    expect(await undoLabel(page)).toBe('Move 2 components into EC2 capacity (ASG) "ec2"');
    await page.keyboard.press(`${mod}+z`);
    expect((await nodeById(page, 'api'))?.parentId).toBe('fargate');
    expect((await nodeById(page, 'web'))?.parentId).toBe('fargate');
  });
}

test('while dragging, the panel shows where the row would go, or why it cannot; Escape puts it back', async ({ page }) => {
  await showDocument(page, architecture());
  const before = await currentDocument(page);
  await openLayers(page);
  const from = await inRow(page, 'api', 0.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const ec2 = await inRow(page, 'ec2', 0.5);
  await page.mouse.move(ec2.x, ec2.y, { steps: 8 });
  await expect(page.getByTestId('layers-drag-status')).toHaveText('Move into EC2 capacity (ASG) "ec2"');
  await expect(row(page, 'ec2')).toHaveClass(/is-drop-target/);
  await expect(row(page, 'api')).toHaveClass(/is-moving/);
  await screenshot(page, 'layers-drag-into');
  const subnet = await inRow(page, 'private', 0.5);
  await page.mouse.move(subnet.x, subnet.y, { steps: 8 });
  await expect(page.getByTestId('layers-drag-status')).toHaveText(/Subnet "private-a" cannot hold ECS service/);
  await expect(row(page, 'private')).toHaveClass(/is-drop-refused/);
  await screenshot(page, 'layers-drag-refused');
  const between = await inRow(page, 'web', 0.1);
  await page.mouse.move(between.x, between.y, { steps: 8 });
  await expect(page.getByTestId('layers-drop-line')).toBeVisible();
  await expect(page.getByTestId('layers-drag-status')).toHaveText('Reorder');
  await screenshot(page, 'layers-drag-between');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('layers-drag-status')).toHaveCount(0);
  await page.mouse.up();
  await settle(page);
  expect(await currentDocument(page)).toEqual(before);
  expect(await selectedNodeIds(page), 'Escape ended the drag, not the selection').toEqual(['api']);
});

test('reaches what is hidden: a card covered by a group is selected and brought to the front from here', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('internet', 'users', 120, 120, { label: 'users' }),
      // Drawn above the card and unable to hold it: the card cannot be clicked on the canvas.
      node('ecs-cluster', 'cover', 40, 40, { width: 480, height: 320, label: 'cover' }),
    ]),
  );
  const centre = await pointIn(page, 'users', 0.5, 0.5);
  const topmost = () =>
    page.evaluate(
      (point) => document.elementFromPoint(point.x, point.y)?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null,
      centre,
    );
  expect(await topmost()).toBe('cover');
  await clickAt(page, centre);
  expect(await selectedNodeIds(page)).toEqual(['cover']);

  await openLayers(page);
  await row(page, 'users').click();
  expect(await selectedNodeIds(page)).toEqual(['users']);
  await dragPointer(page, await inRow(page, 'users', 0.5), await inRow(page, 'cover', 0.1), 'slow');
  expect(await siblingOrder(page)).toEqual(['cover', 'users']);
  expect(await topmost()).toBe('users');
  await screenshot(page, 'layers-hidden-reached');
});

test('rows carry the findings the canvas shows; a closed group shows what is wrong inside it', async ({ page }) => {
  const service = node('ecs-service', 'svc', 24, 60, { parent: 'capacity', label: 'legacy' });
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'cluster', 40, 40, { width: 420, height: 320, label: 'shop' }),
      node('ecs-fargate-capacity', 'capacity', 24, 60, { parent: 'cluster', width: 340, height: 220, label: 'fargate' }),
      { ...service, props: { ...service.props, networkMode: 'bridge' } },
    ]),
  );
  await expect(nodeLocator(page, 'svc').locator('.stowage-badge--error')).toBeVisible();
  await openLayers(page);
  await expect(row(page, 'svc').locator('.stowage-badge--error')).toBeVisible();
  await expect(row(page, 'svc')).toHaveAttribute('aria-label', /1 error/);
  await expect(row(page, 'cluster').getByTestId('layer-inside-cluster')).toHaveCount(0);
  await row(page, 'cluster').locator('[data-toggle]').click();
  await expect(page.getByTestId('layer-inside-cluster')).toHaveText('1');
  await expect(page.getByTestId('layer-inside-cluster')).toHaveClass(/is-error/);
  await screenshot(page, 'layers-findings');
});

/** Frame intervals (ms) the page draws while `during` runs: the median and the 95th percentile. */
async function framesDuring(page: Page, during: () => Promise<void>): Promise<{ median: number; p95: number; frames: number }> {
  await page.evaluate(() => {
    const probe = window as unknown as { __frames: number[]; __recording: boolean };
    probe.__frames = [];
    probe.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      probe.__frames.push(now - last);
      last = now;
      if (probe.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await during();
  const frames = await page.evaluate(() => {
    const probe = window as unknown as { __frames: number[]; __recording: boolean };
    probe.__recording = false;
    return probe.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), frames: frames.length };
}

/** Milliseconds from the next `eventType` event (pointerdown, keydown) to the second frame after it, when what it changed is drawn. */
async function armLatency(page: Page, eventType: 'pointerdown' | 'keydown'): Promise<void> {
  await page.evaluate((type) => {
    const probe = window as unknown as { __latency: Promise<number> };
    probe.__latency = new Promise((resolve) => {
      window.addEventListener(
        type,
        () => {
          const start = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
        },
        { capture: true, once: true },
      );
    });
  }, eventType);
}

async function latency(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __latency: Promise<number> }).__latency);
}

function report(name: string, value: string): void {
  test.info().annotations.push({ type: 'measured', description: `${name}: ${value}` });
  console.log(`layers, 1,000 components (CPU raster): ${name}: ${value}`);
}

test('with 1,000 components only the rows in view are drawn, and scrolling, selecting and the keyboard reach every row', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const big = generateDiagram(1000);
  await showDocument(page, big);
  expect(big.nodes.length).toBeGreaterThanOrEqual(1000);
  const service = big.nodes.find((candidate) => candidate.kind === 'ecs-service')!;
  const canvasDrag = async () => {
    const from = await pointIn(page, service.id, 0.5, 0.5);
    const cdp = await page.context().newCDPSession(page);
    const send = (type: string, x: number, y: number, buttons: number) =>
      cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons, clickCount: 1 } as never);
    await send('mousePressed', from.x, from.y, 1);
    for (let step = 1; step <= 60; step++) {
      void send('mouseMoved', from.x + step * 3, from.y + (step % 20) * 2, 1);
      await page.waitForTimeout(16);
    }
    await send('mouseReleased', from.x + 180, from.y, 0);
    await page.keyboard.press(`${mod}+z`);
    await settle(page);
  };
  const withoutLayers = await framesDuring(page, canvasDrag);
  // For comparison: selecting a card on the canvas itself.
  await armLatency(page, 'pointerdown');
  await clickAt(page, await pointIn(page, service.id, 0.5, 0.5));
  const canvasClickToFrame = await latency(page);
  await page.keyboard.press('Escape');

  const opened = await page.evaluate(async () => {
    const services = (window as unknown as { __stowage: { session: { getState(): { setSidebarTab(tab: string): void } } } }).__stowage;
    const start = performance.now();
    services.session.getState().setSidebarTab('layers');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  });
  const tree = page.getByRole('tree', { name: 'Layers' });
  await expect(tree).toBeVisible();
  const drawn = await page.locator('[role="treeitem"]').count();
  expect(drawn, 'rows drawn of 1,000').toBeLessThan(60);
  expect(drawn).toBeGreaterThan(10);
  expect(await page.locator('.stowage-layers__rows').evaluate((element) => element.getBoundingClientRect().height)).toBe(
    big.nodes.length * 26,
  );
  await screenshot(page, 'layers-1000');

  const box = (await tree.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const scrolling = await framesDuring(page, async () => {
    for (let step = 0; step < 90; step++) {
      void cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: box.x + 100, y: box.y + 200, deltaX: 0, deltaY: 100 });
      await page.waitForTimeout(16);
    }
  });
  await settle(page);
  const scrolled = await tree.evaluate((element) => element.scrollTop);
  expect(scrolled, 'the wheel scrolls the list').toBeGreaterThan(2000);
  expect(await page.locator('[role="treeitem"]').count(), 'still only the rows in view').toBeLessThan(60);

  // Several of each, as one sample under load says little: clicks on rows in view, then ArrowDown.
  const clicks: number[] = [];
  let clicked = '';
  for (const nth of [20, 24, 28, 32, 36, 40]) {
    const target = page.locator('[role="treeitem"]').nth(nth);
    clicked = (await target.getAttribute('data-row-id'))!;
    await armLatency(page, 'pointerdown');
    await target.click();
    clicks.push(await latency(page));
    expect(await selectedNodeIds(page)).toEqual([clicked]);
    await page.waitForTimeout(250);
  }
  const arrows: number[] = [];
  for (let step = 0; step < 8; step++) {
    await armLatency(page, 'keydown');
    await page.keyboard.press('ArrowDown');
    arrows.push(await latency(page));
    await page.waitForTimeout(250);
  }
  expect((await selectedNodeIds(page))[0]).not.toBe(clicked);

  await page.keyboard.press('End');
  const last = page.locator(`#${await tree.getAttribute('aria-activedescendant')}`);
  await expect(last).toBeVisible();
  expect(await last.evaluate((element) => parseFloat(element.style.top))).toBe((big.nodes.length - 1) * 26);
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(box.y + box.height + 1);
  await page.keyboard.press('Home');
  expect(await tree.evaluate((element) => element.scrollTop)).toBe(0);

  // Held near the bottom edge, a drag scrolls the list; Escape ends it without moving anything.
  const before = await currentDocument(page);
  const grabbed = await inRow(page, (await rowIds(page))[3]!, 0.5);
  await page.mouse.move(grabbed.x, grabbed.y);
  await page.mouse.down();
  await page.mouse.move(grabbed.x, box.y + box.height - 6, { steps: 6 });
  await expect.poll(() => tree.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect(await currentDocument(page)).toEqual(before);

  await page.keyboard.press('Escape');
  // Selecting here brought the rows' nodes into view; back to where the first drag started.
  await page.evaluate(() =>
    (window as unknown as { __stowage: { canvas: { current: { resetView(): void } } } }).__stowage.canvas.current.resetView(),
  );
  await settle(page);
  const withLayers = await framesDuring(page, canvasDrag);

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  report('showing the panel', ms(opened));
  report('wheel scrolling, frame interval', `median ${ms(scrolling.median)}, p95 ${ms(scrolling.p95)} (${scrolling.frames} frames)`);
  const spread = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, max ${ms(sorted[sorted.length - 1]!)} (${values.length})`;
  };
  report('click on a row to the frame showing it selected', spread(clicks));
  report('ArrowDown to the frame showing the next row selected', spread(arrows));
  report('for comparison, a click on a card on the canvas to the frame showing it selected', ms(canvasClickToFrame));
  report('dragging a service on the canvas, Components tab shown', `median ${ms(withoutLayers.median)}, p95 ${ms(withoutLayers.p95)}`);
  report('dragging a service on the canvas, Layers shown', `median ${ms(withLayers.median)}, p95 ${ms(withLayers.p95)}`);
});

test('a right-click on a row opens the canvas menu for its node: Bring to Front from there is one undo step', async ({ page }) => {
  await showDocument(page, architecture());
  await openLayers(page);
  await row(page, 'region').click({ button: 'right' });
  expect(await selectedNodeIds(page)).toEqual(['region']);
  const menu = page.getByRole('menu', { name: 'Canvas menu' });
  await expect(menu).toBeVisible();
  await screenshot(page, 'layers-context-menu');
  await menu.getByRole('menuitem', { name: /Bring to Front/ }).click();
  expect(await siblingOrder(page)).toEqual(['cluster', 'repo', 'region']);
  expect(await rowIds(page).then((ids) => ids[0])).toBe('region');
  expect(await undoLabel(page)).toBe('Bring to Front');
});

test('on a read-only diagram, rows select but a drag or a rename says why nothing changes', async ({ page }) => {
  const document = JSON.parse(readFileSync(join(import.meta.dirname, '../examples/fargate-web-service.stowage'), 'utf8')) as {
    kindVersions?: Record<string, number>;
    nodes: Record<string, unknown>[];
  };
  // Saved by a later Stowage: a newer ECS service version and a kind this one lacks.
  document.kindVersions = { 'ecs-service': 2 };
  document.nodes.push({
    id: 'runner',
    kind: 'apprunner-service',
    label: 'checkout-api',
    parentId: 'region',
    position: { x: 1260, y: 80 },
    size: { width: 260, height: 200 },
    props: {},
  });
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press(`${mod}+o`);
  await (await chooser).setFiles({ name: 'newer.stowage', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  const opened = await currentDocument(page);
  await openLayers(page);
  await expect(row(page, 'runner')).toHaveAttribute('aria-label', 'checkout-api, Unknown kind apprunner-service');
  await row(page, 'runner').click();
  expect(await selectedNodeIds(page)).toEqual(['runner']);
  const [first, second] = await rowIds(page);
  await dragPointer(page, await inRow(page, second!, 0.5), await inRow(page, first!, 0.1), 'slow');
  await expect(page.getByText(/This diagram is read-only/).first()).toBeVisible();
  await row(page, 'runner').dblclick();
  await expect(page.getByRole('textbox', { name: 'Rename' })).toHaveCount(0);
  expect(await currentDocument(page)).toEqual(opened);
  await screenshot(page, 'layers-read-only');
});
