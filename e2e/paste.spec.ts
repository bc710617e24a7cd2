import { expect, test, type Page } from '@playwright/test';
import type { DiagramNode } from '../shared/document';
import {
  clickAt,
  moveTo,
  currentDocument,
  diagram,
  headerOf,
  mod,
  node,
  openApp,
  pointIn,
  screenshot,
  selectedNodeIds,
  settle,
  showDocument,
} from './support';

/**
 * Paste puts a copy where the user means it and never re-parents it by where it happens to land:
 * into the selected group when that group may hold it, next to the selection otherwise, or at the
 * top level with a message. Click-to-add finds a free spot in the view.
 */

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

const clusterWithProfile = () =>
  diagram([
    node('eks-cluster', 'eks', 20, 20, { width: 820, height: 360 }),
    node('eks-managed-node-group', 'nodes', 24, 60, { parent: 'eks', width: 360, height: 260, label: 'general' }),
    node('eks-workload', 'web', 40, 60, { parent: 'nodes', label: 'web' }),
    node('eks-fargate-profile', 'profile', 420, 60, { parent: 'eks', width: 360, height: 260, label: 'serverless' }),
  ]);

async function added(page: Page, before: readonly DiagramNode[]): Promise<DiagramNode[]> {
  const ids = new Set(before.map((candidate) => candidate.id));
  return (await currentDocument(page)).nodes.filter((candidate) => !ids.has(candidate.id));
}

function overlaps(a: DiagramNode, b: DiagramNode): boolean {
  const size = { width: 220, height: 56 };
  return (
    a.position.x < b.position.x + size.width &&
    b.position.x < a.position.x + size.width &&
    a.position.y < b.position.y + size.height &&
    b.position.y < a.position.y + size.height
  );
}

test('a pasted workload never becomes a Fargate-profile workload just because the pointer is over the profile', async ({ page }) => {
  await showDocument(page, clusterWithProfile());
  await clickAt(page, await pointIn(page, 'web', 0.5, 0.5));
  await page.keyboard.press(`${mod}+c`);
  const before = (await currentDocument(page)).nodes;
  await moveTo(page, await pointIn(page, 'profile', 0.4, 0.5));
  await page.keyboard.press(`${mod}+v`);
  await settle(page);
  const [copy] = await added(page, before);
  expect(copy, 'one workload pasted').toBeDefined();
  expect(copy!.parentId, 'it stays with the selection, in the node group').toBe('nodes');
  const original = before.find((candidate) => candidate.id === 'web')!;
  expect(copy!.position, 'a step down and right of the original, not on it').toEqual({
    x: original.position.x + 24,
    y: original.position.y + 24,
  });
  expect(await selectedNodeIds(page)).toEqual([copy!.id]);
  await screenshot(page, 'paste-stays-with-selection');
});

test('paste goes into the selected group when it may hold the content, at the pointer when it is inside', async ({ page }) => {
  await showDocument(page, clusterWithProfile());
  await clickAt(page, await pointIn(page, 'web', 0.5, 0.5));
  await page.keyboard.press(`${mod}+c`);
  await clickAt(page, await headerOf(page, 'profile'));
  const before = (await currentDocument(page)).nodes;
  const inside = await pointIn(page, 'profile', 0.3, 0.5);
  await page.mouse.move(inside.x, inside.y);
  await page.keyboard.press(`${mod}+v`);
  await settle(page);
  const [copy] = await added(page, before);
  expect(copy?.parentId).toBe('profile');
  const box = (await page.locator(`.react-flow__node[data-id="${copy!.id}"]`).boundingBox())!;
  expect(Math.abs(box.x - inside.x)).toBeLessThan(20);
  expect(Math.abs(box.y - inside.y)).toBeLessThan(20);
});

test('paste with a selected group that cannot hold the content goes to the top level and says so', async ({ page }) => {
  await showDocument(
    page,
    diagram([node('vpc', 'vpc', 20, 20, { width: 400, height: 300, label: 'main' }), node('ecs-service', 'service', 500, 400)]),
  );
  await clickAt(page, await pointIn(page, 'service', 0.5, 0.5));
  await page.keyboard.press(`${mod}+c`);
  await clickAt(page, await headerOf(page, 'vpc'));
  const before = (await currentDocument(page)).nodes;
  await moveTo(page, await pointIn(page, 'vpc', 0.5, 0.5));
  await page.keyboard.press(`${mod}+v`);
  await settle(page);
  const [copy] = await added(page, before);
  expect(copy?.parentId).toBeUndefined();
  await expect(page.locator('.stowage-toast').last()).toContainText('main');
});

test('pasting from the menu twice cascades from the original, keeping the copied structure', async ({ page }) => {
  await showDocument(
    page,
    diagram([
      node('ecs-cluster', 'cluster', 20, 20, { width: 400, height: 300 }),
      node('ecs-fargate-capacity', 'capacity', 24, 60, { parent: 'cluster', width: 340, height: 200 }),
      node('ecs-service', 'service', 40, 80, { parent: 'capacity' }),
    ]),
  );
  await clickAt(page, await headerOf(page, 'cluster'));
  await page.keyboard.press(`${mod}+c`);
  const paste = async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('menuitem', { name: /^Paste/ }).click();
    await settle(page);
  };
  const original = await currentDocument(page);
  await paste();
  const first = await added(page, original.nodes);
  await paste();
  const second = (await added(page, original.nodes)).filter((candidate) => !first.some((other) => other.id === candidate.id));
  for (const copy of [first, second]) {
    expect(copy.map((candidate) => candidate.kind)).toEqual(['ecs-cluster', 'ecs-fargate-capacity', 'ecs-service']);
    const [cluster, capacity, service] = copy;
    expect(cluster!.parentId).toBeUndefined();
    expect(capacity!.parentId).toBe(cluster!.id);
    expect(service!.parentId).toBe(capacity!.id);
    expect(capacity!.position).toEqual({ x: 24, y: 60 });
    expect(service!.position).toEqual({ x: 40, y: 80 });
  }
  const start = original.nodes[0]!.position;
  const offsetOf = (copy: DiagramNode[]) => ({ x: copy[0]!.position.x - start.x, y: copy[0]!.position.y - start.y });
  expect(offsetOf(first).x).toBeGreaterThan(0);
  expect(offsetOf(second).x).toBeGreaterThan(offsetOf(first).x);
  expect(offsetOf(second).y).toBeGreaterThan(offsetOf(first).y);
  await screenshot(page, 'paste-cascade');
});

test('Copy says it copies a group with its contents', async ({ page }) => {
  await showDocument(
    page,
    diagram([node('ecs-cluster', 'cluster', 20, 20, { width: 400, height: 300 }), node('ecs-service', 'service', 500, 400)]),
  );
  await clickAt(page, await headerOf(page, 'cluster'));
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('menuitem', { name: /Copy \(with contents\)/ })).toBeVisible();
  await screenshot(page, 'paste-copy-with-contents-label');
  await page.keyboard.press('Escape');
  await clickAt(page, await pointIn(page, 'service', 0.5, 0.5));
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('menuitem', { name: /^Copy/ })).not.toContainText('with contents');
});

test('click-to-add puts each new component in a free spot of the view', async ({ page }) => {
  await showDocument(page, diagram([node('ecs-service', 'existing', 300, 340)]));
  for (let click = 0; click < 4; click++) await page.getByTestId('palette-ecs-service').click();
  await settle(page);
  const services = (await currentDocument(page)).nodes;
  expect(services).toHaveLength(5);
  for (const [index, a] of services.entries()) {
    for (const b of services.slice(index + 1)) expect(overlaps(a, b), `${a.id} and ${b.id} overlap`).toBe(false);
  }
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  for (const service of services) {
    const box = (await page.locator(`.react-flow__node[data-id="${service.id}"]`).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.y).toBeGreaterThanOrEqual(pane.y);
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
  }
  await screenshot(page, 'paste-click-to-add-free-spots');
});
