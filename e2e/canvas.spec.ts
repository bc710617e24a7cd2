import { expect, test } from '@playwright/test';
import { CATALOG } from '../shared/catalog';
import { createDocument } from '../shared/document';
import {
  connect,
  currentDocument,
  replaceDocument,
  dragFromPalette,
  dragNodeTo,
  mod,
  nodeLocator,
  openApp,
  screenshot,
  selectedNodeIds,
  zoomCanvasTo,
} from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('every kind can be dragged from the palette onto the canvas', async ({ page }) => {
  // Leaf kinds in a grid; drop each on empty canvas so none nests into another.
  const kinds = CATALOG.filter((kind) => !kind.group);
  for (const [index, kind] of kinds.entries()) {
    const node = await dragFromPalette(page, kind.id, 110 + (index % 4) * 230, 60 + Math.floor(index / 4) * 80);
    expect(node.kind).toBe(kind.id);
    expect(node.parentId).toBeUndefined();
  }
  await screenshot(page, 'palette-leaf-kinds');
  // Groups one at a time on an empty canvas: each drop lands on the canvas itself.
  const groups = CATALOG.filter((kind) => kind.group);
  for (const kind of groups) {
    await replaceDocument(page, createDocument());
    const node = await dragFromPalette(page, kind.id, 300, 250);
    expect(node.kind).toBe(kind.id);
    expect(node.size).toEqual(kind.size);
  }
  const document = await currentDocument(page);
  expect(document.nodes).toHaveLength(1);
});

test('nest a service into a cluster capacity, connect image, load balancer and EFS, edit, undo and redo', async ({ page }) => {
  await zoomCanvasTo(page, 0.6);
  await page.waitForTimeout(300);
  const cluster = await dragFromPalette(page, 'ecs-cluster', 380, 260);
  const clusterBox = (await nodeLocator(page, cluster.id).boundingBox())!;
  const canvas = (await page.locator('.react-flow__pane').boundingBox())!;
  const inCluster = (fx: number, fy: number) => ({
    x: clusterBox.x - canvas.x + clusterBox.width * fx,
    y: clusterBox.y - canvas.y + clusterBox.height * fy,
  });

  const capacityAt = inCluster(0.3, 0.5);
  const capacity = await dragFromPalette(page, 'ecs-fargate-capacity', capacityAt.x, capacityAt.y);
  expect(capacity.parentId).toBe(cluster.id);

  const capacityBox = (await nodeLocator(page, capacity.id).boundingBox())!;
  const service = await dragFromPalette(
    page,
    'ecs-service',
    capacityBox.x - canvas.x + capacityBox.width / 2,
    capacityBox.y - canvas.y + capacityBox.height / 2,
  );
  expect(service.parentId).toBe(capacity.id);

  // Image source, load balancer and file system outside the cluster.
  const repo = await dragFromPalette(page, 'ecr-repository', inCluster(1.25, 0.2).x, inCluster(1.25, 0.2).y);
  const alb = await dragFromPalette(page, 'alb', inCluster(-0.25, 0.5).x, inCluster(-0.25, 0.5).y);
  const efs = await dragFromPalette(page, 'efs', inCluster(1.25, 0.8).x, inCluster(1.25, 0.8).y);

  // Drag from the service to the repository and EFS; from the ALB to the service.
  await connect(page, service.id, repo.id, 'right');
  await connect(page, alb.id, service.id, 'right');
  // Dragging from EFS to the service is stored the catalog's way round: service mounts EFS.
  await connect(page, efs.id, service.id, 'left');

  let document = await currentDocument(page);
  const edge = (source: string, target: string) =>
    document.edges.find((candidate) => candidate.source === source && candidate.target === target);
  expect(edge(service.id, repo.id), 'service pulls image from ECR').toBeDefined();
  expect(edge(alb.id, service.id), 'ALB routes to the service').toBeDefined();
  expect(edge(service.id, efs.id), 'service mounts EFS').toBeDefined();
  await expect(page.getByText('pulls image')).toBeVisible();
  await expect(page.getByText('routes to')).toBeVisible();
  await expect(page.getByText('mounts', { exact: true })).toBeVisible();

  // Edit a property in the inspector.
  await nodeLocator(page, service.id).click();
  const desired = page.getByTestId('inspector').locator('input[data-field="desiredCount"]');
  await desired.fill('-3');
  await expect(page.getByTestId('inspector').getByRole('alert')).toBeVisible();
  await desired.fill('6');
  await desired.press('Enter');
  document = await currentDocument(page);
  expect(document.nodes.find((node) => node.id === service.id)!.props.desiredCount).toBe(6);
  await expect(nodeLocator(page, service.id)).toContainText('6 tasks');
  await screenshot(page, 'nested-service-connected');

  // Undo the edit, then redo it; each is one step.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press(`${mod}+z`);
  document = await currentDocument(page);
  expect(document.nodes.find((node) => node.id === service.id)!.props.desiredCount).toBe(2);
  await page.keyboard.press(`${mod}+Shift+z`);
  document = await currentDocument(page);
  expect(document.nodes.find((node) => node.id === service.id)!.props.desiredCount).toBe(6);

  // Drag the service out of the cluster onto empty canvas, then undo brings it back inside.
  const free = inCluster(0.5, 1.6);
  await dragNodeTo(page, service.id, free.x, free.y);
  document = await currentDocument(page);
  expect(document.nodes.find((node) => node.id === service.id)!.parentId).toBeUndefined();
  await page.keyboard.press(`${mod}+z`);
  document = await currentDocument(page);
  expect(document.nodes.find((node) => node.id === service.id)!.parentId).toBe(capacity.id);
});

test('a connection with no meaning is refused with the reason shown', async ({ page }) => {
  const efs = await dragFromPalette(page, 'efs', 200, 200);
  const alb = await dragFromPalette(page, 'alb', 600, 200);
  const from = nodeLocator(page, efs.id);
  await from.hover();
  const handle = (await from.locator('.react-flow__handle[data-handleid="right"]').boundingBox())!;
  const target = (await nodeLocator(page, alb.id).boundingBox())!;
  await page.mouse.move(handle.x + 4, handle.y + 4);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await expect(page.getByTestId('connection-hint')).toContainText('cannot connect to');
  await screenshot(page, 'connection-refused');
  await page.mouse.up();
  expect((await currentDocument(page)).edges).toHaveLength(0);
});

test('select, copy, paste, duplicate, nudge, delete and box-select from the keyboard', async ({ page }) => {
  const service = await dragFromPalette(page, 'ecs-service', 250, 150);
  await nodeLocator(page, service.id).click();
  await page.keyboard.press(`${mod}+d`);
  let document = await currentDocument(page);
  expect(document.nodes).toHaveLength(2);

  await page.keyboard.press(`${mod}+c`);
  await page.mouse.move(700, 500);
  await page.keyboard.press(`${mod}+v`);
  document = await currentDocument(page);
  expect(document.nodes).toHaveLength(3);

  const pasted = document.nodes[2]!;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  document = await currentDocument(page);
  const moved = document.nodes.find((node) => node.id === pasted.id)!;
  expect(moved.position.x - pasted.position.x).toBe(2);
  expect(moved.position.y - pasted.position.y).toBe(10);
  // Three nudges in a row are one undo step.
  await page.keyboard.press(`${mod}+z`);
  document = await currentDocument(page);
  expect(document.nodes.find((node) => node.id === pasted.id)!.position).toEqual(pasted.position);

  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.press('Delete');
  expect((await currentDocument(page)).nodes).toHaveLength(0);
  await page.keyboard.press(`${mod}+z`);
  expect((await currentDocument(page)).nodes).toHaveLength(3);

  // Box select: drag on empty canvas around everything.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const canvas = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(canvas.x + 5, canvas.y + 5);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width - 5, canvas.y + canvas.height - 5, { steps: 8 });
  await page.mouse.up();
  const selected = (await selectedNodeIds(page)).length;
  expect(selected).toBe(3);
});

test('the context menu offers the edit commands', async ({ page }) => {
  const service = await dragFromPalette(page, 'ecs-service', 250, 150);
  await nodeLocator(page, service.id).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Canvas menu' });
  await expect(menu).toBeVisible();
  await screenshot(page, 'context-menu');
  await menu.getByRole('menuitem', { name: /Duplicate/ }).click();
  expect((await currentDocument(page)).nodes).toHaveLength(2);
});
