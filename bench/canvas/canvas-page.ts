import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { installPageProbe, type LoadTiming, type PageProbe, type ProbeWindow } from './page-probe';
import { installStowageTarget, type StowagePayload } from './stowage-target';
import { MouseInput } from './interactions';
import { MainThreadMeter } from './main-thread';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface PaneRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The same window size as the e2e tests. */
export const WINDOW = { width: 1440, height: 900 };

/**
 * tsx compiles bench code with esbuild's keepNames, which wraps named functions in a
 * `__name` helper; functions serialised into a page need a stand-in for it.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

interface PageWithProbe {
  __benchProbe: PageProbe;
}

/** One benchmarked page (Stowage or the baseline) with the probe installed and a CDP meter attached. */
export abstract class CanvasPage {
  protected constructor(
    readonly label: string,
    readonly context: BrowserContext,
    readonly page: Page,
    /** CDP session for metrics, input and profiling. */
    readonly session: CDPSession,
    readonly meter: MainThreadMeter,
  ) {}

  protected static async openPage(
    browser: Browser,
    url: string,
    extraInit: Array<() => void>,
  ): Promise<{ context: BrowserContext; page: Page; session: CDPSession; meter: MainThreadMeter }> {
    const context = await browser.newContext({ viewport: WINDOW, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.addInitScript(installPageProbe);
    for (const script of extraInit) await page.addInitScript(script);
    await page.goto(url);
    try {
      await page.waitForFunction(() => (globalThis as unknown as PageWithProbe).__benchProbe.bootReadyMs !== null, undefined, {
        timeout: 30_000,
      });
    } catch (error) {
      throw new Error(`${url} did not become ready within 30 s.${errors.length ? ` Page errors: ${errors.join('; ')}` : ''}`, {
        cause: error,
      });
    }
    const session = await context.newCDPSession(page);
    return { context, page, session, meter: await MainThreadMeter.attach(session) };
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  async bootMs(): Promise<number> {
    return this.page.evaluate(() => (globalThis as unknown as PageWithProbe).__benchProbe.bootReadyMs ?? Number.NaN);
  }

  /** Hands the diagram to the page ahead of a timed load, so transfer and parsing stay out of the timing. */
  async stage(payload: unknown): Promise<void> {
    await this.page.evaluate((value) => (globalThis as unknown as ProbeWindow).__benchTarget!.stage(value), payload);
  }

  async measureLoad(): Promise<LoadTiming> {
    return this.page.evaluate(() => (globalThis as unknown as PageWithProbe).__benchProbe.measureLoad());
  }

  async clear(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as ProbeWindow).__benchTarget!.clear());
    await this.frames(3);
  }

  async revertEdits(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as ProbeWindow).__benchTarget!.revertEdits());
    await this.frames(2);
  }

  async frames(count: number): Promise<void> {
    await this.page.evaluate((total) => (globalThis as unknown as PageWithProbe).__benchProbe.frames(total), count);
  }

  async startFrames(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as PageWithProbe).__benchProbe.startFrames());
  }

  async stopFrames(): Promise<number[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageWithProbe).__benchProbe.stopFrames());
  }

  /** Clicks at a point with real input and returns the click-to-painted-frame latency measured in the page. */
  async clickLatency(point: { x: number; y: number }): Promise<number> {
    await this.page.evaluate(() => (globalThis as unknown as PageWithProbe).__benchProbe.armClickTiming());
    const input = new MouseInput(this.session);
    input.move(point.x, point.y);
    input.press(point.x, point.y);
    input.release(point.x, point.y);
    await input.handled();
    const handle = await this.page.waitForFunction(() => (globalThis as unknown as PageWithProbe).__benchProbe.clickLatencyMs, undefined, {
      timeout: 30_000,
    });
    return (await handle.jsonValue()) as number;
  }

  async rendered(): Promise<{ nodes: number; edges: number; painted: number }> {
    return this.page.evaluate(() => (globalThis as unknown as PageWithProbe).__benchProbe.rendered());
  }

  /** The canvas's current pan and zoom, read from React Flow's viewport transform. */
  async viewport(): Promise<Viewport> {
    const transform = await this.page
      .locator('.react-flow__viewport')
      .evaluate((element) => (element as unknown as { style: { transform: string } }).style.transform);
    const match = /translate\(\s*(-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)\s*scale\(\s*([\d.e+-]+)\)/.exec(transform);
    if (!match) throw new Error(`Unexpected React Flow viewport transform "${transform}"`);
    return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
  }

  async paneRect(): Promise<PaneRect> {
    const box = await this.page.locator('.react-flow').boundingBox();
    if (!box) throw new Error('The React Flow pane is not on screen');
    return box;
  }

  /** Screen rectangle of a rendered node. */
  async nodeRect(id: string): Promise<PaneRect> {
    const box = await this.page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
    if (!box) throw new Error(`Node ${id} is not rendered in ${this.label}; is it inside the viewport?`);
    return box;
  }

  /** Shows exactly this view (the baseline sets it; Stowage reaches it like a user would). */
  abstract goTo(view: View): Promise<void>;
}

/** A view the benchmark returns to: how Stowage reaches it and the exact transform that gives. */
export interface View {
  name: string;
  /** Stowage fits these nodes (as its "fit" command does)... */
  fit: readonly string[];
  /** ...which lands here... */
  fitted: Viewport;
  /** ...then zooms about the pane centre to this level, if given. */
  zoom?: number;
  /** The view itself. */
  viewport: Viewport;
}

interface StowageWindow {
  __stowage?: {
    canvas: { current: { fitView(nodeIds?: readonly string[]): void; zoomTo(level: number): void } | null };
    session: { getState(): { setMinimap(mode: 'on' | 'off'): void } };
  };
}

/** The Stowage web build, driven through window.__stowage like opening a file. */
export class StowagePage extends CanvasPage {
  static async open(browser: Browser, url: string): Promise<StowagePage> {
    const { context, page, session, meter } = await CanvasPage.openPage(browser, url, [installStowageTarget]);
    return new StowagePage('Stowage', context, page, session, meter);
  }

  override stage(payload: StowagePayload): Promise<void> {
    return super.stage(payload);
  }

  /**
   * Reaches a view the way a user would (fit, then zoom). Stowage exposes no exact setViewport,
   * so the baseline is given the transform Stowage landed on instead.
   */
  async reach(fit: readonly string[], zoom?: number): Promise<Viewport> {
    await this.fitView(fit);
    let viewport = await this.settledViewport();
    if (zoom !== undefined) {
      await this.zoomTo(zoom);
      viewport = await this.settledViewport();
    }
    return viewport;
  }

  /**
   * How often a fit had to be asked for again. React Flow queues fitView until its next node
   * update; now and then (seen after wheel panning on a busy machine) that update never comes
   * and the request waits indefinitely. The benchmark asks again; the count shows in the log.
   */
  fitRetries = 0;

  override async goTo(view: View): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.fitView(view.fit);
      if (await this.untilViewport(view.fitted, 2000)) break;
      if (attempt === 3)
        throw new Error(
          `Stowage did not reach the ${view.name}: fitView left it at ${JSON.stringify(await this.viewport())}, expected ${JSON.stringify(view.fitted)}`,
        );
      this.fitRetries++;
    }
    if (view.zoom !== undefined) {
      await this.zoomTo(view.zoom);
      if (!(await this.untilViewport(view.viewport, 5000))) {
        throw new Error(
          `Stowage did not reach the ${view.name}: zoomTo left it at ${JSON.stringify(await this.viewport())}, expected ${JSON.stringify(view.viewport)}`,
        );
      }
    }
  }

  private async fitView(nodeIds: readonly string[]): Promise<void> {
    await this.page.evaluate((ids) => {
      const canvas = (globalThis as unknown as StowageWindow).__stowage?.canvas.current;
      if (!canvas) throw new Error('The Stowage canvas is not mounted');
      canvas.fitView(ids);
    }, nodeIds);
  }

  private async zoomTo(level: number): Promise<void> {
    await this.page.evaluate((zoom) => (globalThis as unknown as StowageWindow).__stowage?.canvas.current?.zoomTo(zoom), level);
  }

  /**
   * React Flow queues fitView until its next node update and then animates for 150–200 ms, so
   * an unchanged transform right after the call proves nothing: wait past the animation, then
   * until three readings agree.
   */
  private async settledViewport(): Promise<Viewport> {
    await this.page.waitForTimeout(350);
    let last = await this.viewport();
    let agreeing = 1;
    for (let attempt = 0; attempt < 50 && agreeing < 3; attempt++) {
      await this.page.waitForTimeout(50);
      const now = await this.viewport();
      agreeing = sameViewport(now, last) ? agreeing + 1 : 1;
      last = now;
    }
    return last;
  }

  /** Waits until the transform is `expected`; false if it does not get there in time. */
  private async untilViewport(expected: Viewport, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!sameViewport(await this.viewport(), expected)) {
      if (performance.now() > deadline) return false;
      await this.page.waitForTimeout(30);
    }
    // The animation's last step lands exactly on the target; two more frames let React Flow render it.
    await this.frames(2);
    return true;
  }

  async showMinimap(on: boolean): Promise<void> {
    await this.page.evaluate(
      (show) => (globalThis as unknown as StowageWindow).__stowage?.session.getState().setMinimap(show ? 'on' : 'off'),
      on,
    );
    await this.frames(2);
  }
}

/** The plain React Flow page, sized and placed like Stowage's canvas pane. */
export class BaselinePage extends CanvasPage {
  static async open(browser: Browser, url: string, pane: PaneRect): Promise<BaselinePage> {
    const query = new URLSearchParams({ x: String(pane.x), y: String(pane.y), width: String(pane.width), height: String(pane.height) });
    const { context, page, session, meter } = await CanvasPage.openPage(browser, `${url}baseline.html?${query.toString()}`, []);
    return new BaselinePage('baseline', context, page, session, meter);
  }

  /** Moves and sizes the pane like Stowage's, whose canvas can change size once a diagram is open (e.g. a problems panel). */
  async matchPane(pane: PaneRect): Promise<void> {
    await this.page.evaluate((rect) => {
      const root = (
        globalThis as unknown as { document: { getElementById(id: string): { style: Record<string, string> } | null } }
      ).document.getElementById('root');
      if (!root) throw new Error('The baseline page has no #root');
      Object.assign(root.style, { left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` });
    }, pane);
    await this.frames(3);
  }

  override async goTo(view: View): Promise<void> {
    await this.page.evaluate((target) => {
      (globalThis as unknown as { __benchTarget: { setViewport(viewport: Viewport): void } }).__benchTarget.setViewport(target);
    }, view.viewport);
    await this.frames(2);
  }
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;
}
