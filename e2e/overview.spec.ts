import { expect, test, type Page } from '@playwright/test';
import { generateDiagram } from '../bench/generate-diagram';
import { DocumentIndex, type DiagramDocument } from '../shared/document';
import {
  currentDocument,
  fitCanvasView,
  mod,
  nodeLocator,
  openApp,
  RawMouse,
  screenshot,
  selectedNodeIds,
  settle,
  showDocument,
  type ScreenPoint,
} from './support';

/*
 * Issue 7, "speed at every zoom": zoomed out past OVERVIEW_ZOOM (0.25) the canvas draws the
 * diagram on one <canvas> instead of React Flow's DOM nodes. These tests drive that overview
 * with real pointer input at the zoom where the whole 1,000-node benchmark diagram fits: a click
 * selects the card drawn on top, a fast raw-CDP drag moves it into the group under the pointer
 * (one undo step), a box selects, a double-click zooms back in to the DOM canvas.
 */

const document = generateDiagram(1000);
const index = new DocumentIndex(document);
const clusters = document.nodes.filter((node) => node.kind === 'ecs-cluster');
const cluster = clusters[Math.floor((clusters.length - 1) / 2)]!;
const fargate = document.nodes.find((node) => node.parentId === cluster.id && node.kind === 'ecs-fargate-capacity')!;
const ec2 = document.nodes.find((node) => node.parentId === cluster.id && node.kind === 'ecs-ec2-capacity')!;
const service = document.nodes.find((node) => node.parentId === fargate.id && node.kind === 'ecs-service')!;
const region = index.ancestors(cluster.id).find((node) => node.kind === 'region')!;

interface View {
  x: number;
  y: number;
  zoom: number;
  left: number;
  top: number;
}

async function view(page: Page): Promise<View> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const match = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(style);
  if (!match) throw new Error(`unexpected viewport style ${style}`);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]), left: pane.x, top: pane.y };
}

/** Where a point of a node (fractions of its box) is on screen, from the document and the view: the overview has no DOM node to ask. */
function onScreen(at: View, doc: DiagramDocument, id: string, fx: number, fy: number): ScreenPoint {
  const rect = new DocumentIndex(doc).absoluteRect(id);
  return {
    x: at.left + at.x + (rect.x + rect.width * fx) * at.zoom,
    y: at.top + at.y + (rect.y + rect.height * fy) * at.zoom,
  };
}

async function fitAll(page: Page): Promise<View> {
  await fitCanvasView(page);
  await page.waitForTimeout(400);
  await settle(page);
  return view(page);
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await showDocument(page, document);
});

test('the fit-all overview draws 1,000 nodes on one canvas; a click selects the card on top, not the groups under it', async ({ page }) => {
  const at = await fitAll(page);
  expect(at.zoom).toBeLessThan(0.1);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  await expect(page.getByTestId('canvas-overview')).toHaveAttribute('data-nodes', String(document.nodes.length));
  expect(await page.locator('.react-flow__node').count(), 'no DOM node is drawn in the overview').toBe(0);
  await screenshot(page, 'overview-fit-all');

  // The service lies inside capacity ⊂ cluster ⊂ VPC ⊂ Region: the click belongs to the service.
  const point = onScreen(at, document, service.id, 0.5, 0.5);
  await page.mouse.click(point.x, point.y);
  expect(await selectedNodeIds(page)).toEqual([service.id]);
  // Inside the capacity but off every card: the capacity.
  const capacityPoint = onScreen(at, document, fargate.id, 0.5, 0.97);
  await page.mouse.click(capacityPoint.x, capacityPoint.y);
  expect(await selectedNodeIds(page)).toEqual([fargate.id]);
  // Shift adds the service back.
  await page.keyboard.down('Shift');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.up('Shift');
  expect(await selectedNodeIds(page)).toEqual([fargate.id, service.id].sort());
  await screenshot(page, 'overview-selected');
  // A click on empty canvas clears the selection.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(pane.x + pane.width - 20, pane.y + 20);
  expect(await selectedNodeIds(page)).toEqual([]);
});

test('a fast drag on the overview moves a service into the other capacity, in one undo step', async ({ page }) => {
  const at = await fitAll(page);
  const from = onScreen(at, document, service.id, 0.5, 0.5);
  const to = onScreen(at, document, ec2.id, 0.5, 0.5);
  const mouse = await RawMouse.open(page);
  mouse.move(from);
  mouse.press(from);
  for (const t of [0.05, 0.2, 0.45, 0.7, 0.9, 1]) mouse.move({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
  mouse.release(to);
  await mouse.handled();
  await settle(page);
  await screenshot(page, 'overview-dragged');
  const moved = (await currentDocument(page)).nodes.find((node) => node.id === service.id)!;
  expect(moved.parentId, 'dropped into the EC2 capacity under the pointer').toBe(ec2.id);
  const landed = new DocumentIndex(await currentDocument(page)).absoluteRect(service.id);
  const expected = index.absoluteRect(service.id);
  const dx = (to.x - from.x) / at.zoom;
  // Snapped to the 16 px grid; the pointer itself is a few flow pixels coarse at this zoom.
  expect(Math.abs(landed.x - (expected.x + dx))).toBeLessThan(2 / at.zoom);
  expect(await selectedNodeIds(page)).toEqual([service.id]);

  await page.keyboard.press(`${mod}+z`);
  await settle(page);
  const undone = (await currentDocument(page)).nodes.find((node) => node.id === service.id)!;
  expect(undone.parentId).toBe(fargate.id);
  expect(undone.position).toEqual(service.position);
});

test('a fast drag of a Region on the overview takes its 40 nested nodes along', async ({ page }) => {
  const at = await fitAll(page);
  const from = onScreen(at, document, region.id, 0.5, 0.01);
  const to = { x: from.x + 12, y: from.y + 9 };
  const mouse = await RawMouse.open(page);
  mouse.move(from);
  mouse.press(from);
  for (const t of [0.2, 0.5, 1]) mouse.move({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
  mouse.release(to);
  await mouse.handled();
  await settle(page);
  const after = await currentDocument(page);
  const moved = after.nodes.find((node) => node.id === region.id)!;
  expect(moved.position.x - region.position.x).toBeCloseTo(12 / at.zoom, -2);
  expect(moved.position.y - region.position.y).toBeCloseTo(9 / at.zoom, -2);
  // What it holds keeps its place inside it.
  const vpc = document.nodes.find((node) => node.parentId === region.id && node.kind === 'vpc')!;
  expect(after.nodes.find((node) => node.id === vpc.id)!.position).toEqual(vpc.position);
  await screenshot(page, 'overview-region-dragged');
});

test('a box dragged on the overview selects what it touches; a double-click zooms back in to the DOM canvas', async ({ page }) => {
  const at = await fitAll(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  // From empty space right of the diagram, across the right half of the middle Region.
  const start = { x: pane.x + pane.width - 10, y: onScreen(at, document, region.id, 0, 0.3).y };
  const end = onScreen(at, document, region.id, 0.7, 0.4);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await screenshot(page, 'overview-box-select');
  await page.mouse.up();
  const selected = await selectedNodeIds(page);
  expect(selected).toContain(region.id);
  expect(selected).toContain(ec2.id);
  expect(selected).not.toContain(fargate.id);

  const point = onScreen(at, document, service.id, 0.5, 0.5);
  await page.mouse.dblclick(point.x, point.y);
  await page.waitForTimeout(400);
  await settle(page);
  expect((await view(page)).zoom).toBeGreaterThan(0.25);
  await expect(page.getByTestId('canvas-overview')).toHaveCount(0);
  await expect(nodeLocator(page, service.id)).toBeInViewport();
  await screenshot(page, 'overview-zoomed-back-in');
});
