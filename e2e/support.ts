import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { DiagramDocument, DiagramNode } from '../shared/document';

/** Where e2e screenshots go; CI keeps them as artifacts and developers look at them. */
export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

export async function openApp(page: Page): Promise<void> {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto('/?fs=legacy');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForFunction(() => Boolean((window as unknown as { __stowage?: unknown }).__stowage));
}

/** The document as the app holds it (the single source of truth). */
export async function currentDocument(page: Page): Promise<DiagramDocument> {
  return page.evaluate(
    () =>
      (window as unknown as { __stowage: { documents: { getState(): { document: unknown } } } }).__stowage.documents.getState().document,
  ) as Promise<DiagramDocument>;
}

export async function replaceDocument(page: Page, document: DiagramDocument): Promise<void> {
  await page.evaluate((value) => {
    const services = (window as unknown as { __stowage: { documents: { getState(): { replace(document: unknown, file: null): void } } } })
      .__stowage;
    services.documents.getState().replace(value, null);
  }, document);
}

export async function nodesOfKind(page: Page, kind: string): Promise<DiagramNode[]> {
  return (await currentDocument(page)).nodes.filter((node) => node.kind === kind);
}

/** The canvas pane's bounding box, for placing drops. */
export async function canvasBox(page: Page) {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('canvas not visible');
  return box;
}

/** Drags a palette entry onto the canvas at (x, y) relative to the canvas's top-left; returns the new node. */
export async function dragFromPalette(page: Page, kind: string, x: number, y: number): Promise<DiagramNode> {
  const before = new Set((await currentDocument(page)).nodes.map((node) => node.id));
  const item = page.getByTestId(`palette-${kind}`);
  await item.scrollIntoViewIfNeeded();
  await item.dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  const after = await currentDocument(page);
  const added = after.nodes.filter((node) => !before.has(node.id));
  expect(added, `dragging ${kind} adds one node`).toHaveLength(1);
  return added[0]!;
}

export function nodeLocator(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Drags a node by its body to (x, y) relative to the canvas, in small steps like a person. */
export async function dragNodeTo(page: Page, id: string, x: number, y: number): Promise<void> {
  const box = await nodeLocator(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} not visible`);
  const canvas = await canvasBox(page);
  const startX = box.x + Math.min(box.width / 2, 60);
  const startY = box.y + Math.min(box.height / 2, 16);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(canvas.x + x, canvas.y + y, { steps: 12 });
  await page.mouse.up();
}

/** Drags from one of a node's side handles onto another node's body. */
export async function connect(
  page: Page,
  fromId: string,
  toId: string,
  side: 'top' | 'right' | 'bottom' | 'left' = 'right',
): Promise<void> {
  const from = nodeLocator(page, fromId);
  await from.hover();
  const handle = from.locator(`.react-flow__handle[data-handleid="${side}"]`);
  const handleBox = await handle.boundingBox();
  const target = await nodeLocator(page, toId).boundingBox();
  if (!handleBox || !target) throw new Error('connect: element not visible');
  await page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * The part of the app's services (window.__stowage, set in renderer/src/main.tsx) that tests
 * drive directly. Types are erased, so page.evaluate callbacks can cast `window` to this.
 */
export interface StowageWindow {
  __stowage: {
    canvas: { current: { zoomTo(level: number): void; fitView(nodeIds?: readonly string[]): void } | null };
    session: { getState(): { selectedNodeIds: ReadonlySet<string> } };
  };
}

export async function zoomCanvasTo(page: Page, level: number): Promise<void> {
  await page.evaluate((zoom) => (window as unknown as StowageWindow).__stowage.canvas.current!.zoomTo(zoom), level);
}

export async function fitCanvasView(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as StowageWindow).__stowage.canvas.current!.fitView());
}

/** The ids of the selected nodes, sorted. */
export async function selectedNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as StowageWindow).__stowage.session.getState().selectedNodeIds].sort());
}
