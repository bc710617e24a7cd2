import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { createDocument, createNode, type DiagramDocument, type DiagramEdge, type DiagramNode } from '../shared/document';

/** Where e2e screenshots go; CI keeps them as artifacts and developers look at them. */
export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The start screen's setting (renderer/src/start/start-setting.ts): specs start on an empty canvas unless they test the start screen. */
const START_SCREEN_SETTING = 'stowage.startScreen';

export async function openApp(page: Page, options: { startScreen?: boolean } = {}): Promise<void> {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  if (!options.startScreen) await page.addInitScript((key) => localStorage.setItem(key, 'off'), START_SCREEN_SETTING);
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
    commands: { run(id: string): Promise<boolean> };
  };
}

export async function zoomCanvasTo(page: Page, level: number): Promise<void> {
  await page.evaluate((zoom) => (window as unknown as StowageWindow).__stowage.canvas.current!.zoomTo(zoom), level);
}

/** Fits the view to the given nodes (all when omitted). */
export async function fitCanvasView(page: Page, nodeIds?: readonly string[]): Promise<void> {
  await page.evaluate((ids) => (window as unknown as StowageWindow).__stowage.canvas.current!.fitView(ids), nodeIds);
}

/** The ids of the selected nodes, sorted. */
export async function selectedNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as StowageWindow).__stowage.session.getState().selectedNodeIds].sort());
}

/** A point on the page, in CSS pixels from the top-left of the viewport. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * Mouse input through CDP Input.dispatchMouseEvent, sent without waiting for the page to handle
 * each event: the way a real mouse keeps reporting while the page is busy (as the canvas benchmark
 * drives it, bench/canvas/interactions.ts). Playwright's page.mouse waits for every event, so a
 * slow page never sees input pile up, and bugs that depend on it stay hidden.
 */
export class RawMouse {
  private pending: Promise<unknown>[] = [];
  private buttons = 0;

  private constructor(private readonly session: CDPSession) {}

  static async open(page: Page): Promise<RawMouse> {
    return new RawMouse(await page.context().newCDPSession(page));
  }

  move(point: ScreenPoint): void {
    this.send({ type: 'mouseMoved', ...point, button: this.buttons ? 'left' : 'none', buttons: this.buttons });
  }

  press(point: ScreenPoint): void {
    this.buttons = 1;
    this.send({ type: 'mousePressed', ...point, button: 'left', buttons: 1, clickCount: 1 });
  }

  release(point: ScreenPoint): void {
    this.buttons = 0;
    this.send({ type: 'mouseReleased', ...point, button: 'left', buttons: 0, clickCount: 1 });
  }

  /** Resolves once the page has taken every event sent so far. */
  async handled(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  private send(event: Record<string, unknown>): void {
    this.pending.push(this.session.send('Input.dispatchMouseEvent', event as never));
  }
}

export type DragSpeed = 'fast' | 'slow';
export const SPEEDS: readonly DragSpeed[] = ['fast', 'slow'];

/**
 * Presses at `from`, moves to `to` and lets go. Fast: raw CDP events in a burst (press, 5 moves,
 * release) without waiting for any handler, like a quick flick of the wrist. Slow: Playwright's
 * mouse in 16 waited steps with a pause before letting go, like a careful person.
 */
export async function dragPointer(page: Page, from: ScreenPoint, to: ScreenPoint, speed: DragSpeed): Promise<void> {
  const at = (t: number) => ({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t });
  if (speed === 'fast') {
    const mouse = await RawMouse.open(page);
    mouse.move(from);
    mouse.press(from);
    for (const t of [0.02, 0.2, 0.45, 0.7, 0.9, 1]) mouse.move(at(t));
    mouse.release(to);
    await mouse.handled();
  } else {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
    await page.mouse.move(to.x, to.y, { steps: 16 });
    await page.waitForTimeout(120);
    await page.mouse.up();
  }
  // Let React commit what the release changed before the test reads the document.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The screen point at fractions (fx, fy) of a node's box; fy may be given in pixels from the top with `pixelsFromTop`. */
export async function pointIn(page: Page, id: string, fx: number, fy: number): Promise<ScreenPoint> {
  const box = await nodeLocator(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} not visible`);
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Where a group's title bar is on screen (the header the user grabs or double-clicks). */
export async function headerOf(page: Page, id: string): Promise<ScreenPoint> {
  const box = await nodeLocator(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} not visible`);
  return { x: box.x + Math.min(120, box.width / 2), y: box.y + 14 };
}

export async function nodeById(page: Page, id: string): Promise<DiagramNode | undefined> {
  return (await currentDocument(page)).nodes.find((node) => node.id === id);
}

/** Puts a document in (at the default view: origin at the pane's top-left, actual size) and waits for it to draw. */
export async function showDocument(page: Page, document: DiagramDocument): Promise<void> {
  await replaceDocument(page, document);
  await settle(page);
}

/** Waits for two animation frames, so React and React Flow have drawn what the last input changed. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** A node for a test document: kind, id, top-left relative to its parent, optional parent, size and label. */
export function node(
  kind: string,
  id: string,
  x: number,
  y: number,
  options: { parent?: string; width?: number; height?: number; label?: string } = {},
): DiagramNode {
  return createNode(kind, {
    id,
    position: { x, y },
    ...(options.parent !== undefined ? { parentId: options.parent } : {}),
    ...(options.label !== undefined ? { label: options.label } : {}),
    ...(options.width !== undefined ? { size: { width: options.width, height: options.height ?? options.width } } : {}),
  });
}

/** A test document of these nodes (parents first) and edges. */
export function diagram(nodes: DiagramNode[], edges: DiagramEdge[] = []): DiagramDocument {
  return { ...createDocument('e2e'), nodes, edges };
}

export { createEdge } from '../shared/document';

export async function clickAt(
  page: Page,
  point: ScreenPoint,
  options: { button?: 'left' | 'right'; clickCount?: number } = {},
): Promise<void> {
  await page.mouse.click(point.x, point.y, options);
}

export async function moveTo(page: Page, point: ScreenPoint): Promise<void> {
  await page.mouse.move(point.x, point.y);
}

/** Opens the Problems panel (it shows only its counts until the user opens it). */
export async function openProblems(page: Page): Promise<void> {
  const toggle = page.getByTestId('problems-panel').getByRole('button', { name: /Problems/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Runs a command from the registry, as a menu would. */
export async function runCommand(page: Page, id: string): Promise<void> {
  await page.evaluate((command) => (window as unknown as StowageWindow).__stowage.commands.run(command), id);
}

/** Waits until this tab's draft is in IndexedDB (it is written shortly after a change). */
export async function draftWritten(page: Page, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (needle) =>
          new Promise<boolean>((resolve) => {
            const request = indexedDB.open('stowage');
            request.onsuccess = () => {
              const all = request.result.transaction('host').objectStore('host').getAll();
              all.onsuccess = () =>
                resolve(
                  (all.result as unknown[]).some(
                    (value) => typeof value === 'object' && value !== null && String((value as { text?: unknown }).text).includes(needle),
                  ),
                );
              all.onerror = () => resolve(false);
            };
            request.onerror = () => resolve(false);
          }),
        text,
      ),
    )
    .toBe(true);
}
