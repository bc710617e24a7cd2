/**
 * Measurement code that runs inside the benchmarked pages (the Stowage app and the plain
 * React Flow baseline alike). `installPageProbe` is serialised by Playwright's addInitScript,
 * so it must not reference anything outside its own body; only types cross over. The bench
 * code is type-checked without the DOM library, hence the small structural types here.
 */

/** What a benchmarked page offers the probe: the Stowage adapter and the baseline page implement it. */
export interface CanvasTarget {
  /** True once the canvas is mounted and can take a diagram. */
  ready(): boolean;
  /** Hands the page the diagram to render next (transferred before any timing starts). */
  stage(payload: unknown): void;
  /** Renders the staged diagram; the timed part of a load. */
  load(): void;
  /** Shows an empty canvas again. */
  clear(): void;
  /** Takes back selection and edits made by interactions (a drop a pixel off its start), so every run sees the same diagram. */
  revertEdits(): void;
}

export interface LoadTiming {
  /** From load() to the first frame after React Flow put nodes in the DOM. */
  firstFrameMs: number;
  /**
   * From load() to the start of the first run of 5 smooth frames (none over 20 ms): work that
   * follows the first paint (measuring, effects, the minimap) still delays input until then.
   */
  quietMs: number;
  /** Nodes in the DOM at the first frame. */
  nodesRendered: number;
}

export interface PageProbe {
  /** performance.now() (ms since navigation start) at the first frame after the target became ready. */
  bootReadyMs: number | null;
  startFrames(): void;
  /** Stops recording and returns the requestAnimationFrame timestamps since startFrames(). */
  stopFrames(): number[];
  /** Resolves after `count` animation frames. */
  frames(count: number): Promise<void>;
  measureLoad(): Promise<LoadTiming>;
  /**
   * Times the next click: from the pointerdown's timestamp (when the browser got the input) to
   * the second animation frame after the click was handled, i.e. the first frame painted with
   * its result. Read the figure from clickLatencyMs.
   */
  armClickTiming(): void;
  clickLatencyMs: number | null;
  /** DOM nodes and edges, and the nodes Stowage's zoomed-out view paints on its one canvas instead. */
  rendered(): { nodes: number; edges: number; painted: number };
}

/** The few browser globals the probe touches. */
export interface ProbeWindow {
  requestAnimationFrame(callback: (time: number) => void): number;
  document: {
    querySelectorAll(selectors: string): { length: number };
    querySelector(selectors: string): { getAttribute(name: string): string | null } | null;
    addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: { capture: boolean; once: boolean }): void;
  };
  __benchTarget?: CanvasTarget;
  __benchProbe?: PageProbe;
}

export function installPageProbe(): void {
  const page = globalThis as unknown as ProbeWindow;
  const frame = () => new Promise<number>((resolve) => page.requestAnimationFrame(resolve));
  const count = (selector: string) => page.document.querySelectorAll(selector).length;
  const nodeCount = () => count('.react-flow__node');
  let recording: number[] | null = null;

  const record = (time: number) => {
    if (!recording) return;
    recording.push(time);
    page.requestAnimationFrame(record);
  };

  const probe: PageProbe = {
    bootReadyMs: null,
    startFrames() {
      const alreadyRunning = recording !== null;
      recording = [];
      if (!alreadyRunning) page.requestAnimationFrame(record);
    },
    stopFrames() {
      const timestamps = recording ?? [];
      recording = null;
      return timestamps;
    },
    async frames(total) {
      for (let index = 0; index < total; index++) await frame();
    },
    async measureLoad() {
      const target = page.__benchTarget;
      if (!target) throw new Error('The page has no __benchTarget');
      const start = performance.now();
      target.load();
      while (nodeCount() === 0) {
        await frame();
        if (performance.now() - start > 60_000) throw new Error('No React Flow node appeared within 60 s of loading the diagram');
      }
      // The second frame after the DOM changed is the first one painted with the nodes.
      await frame();
      await frame();
      const firstFrameMs = performance.now() - start;
      const nodesRendered = nodeCount();
      let previous = performance.now();
      let quietSince = previous;
      let smoothFrames = 0;
      while (smoothFrames < 5 && previous - start < 60_000) {
        const now = await frame();
        if (now - previous > 20) {
          smoothFrames = 0;
          quietSince = now;
        } else smoothFrames++;
        previous = now;
      }
      return { firstFrameMs, quietMs: Math.max(firstFrameMs, quietSince - start), nodesRendered };
    },
    rendered() {
      const overview = page.document.querySelector('.stowage-overview');
      return { nodes: nodeCount(), edges: count('.react-flow__edge'), painted: Number(overview?.getAttribute('data-nodes') ?? 0) };
    },
    clickLatencyMs: null,
    armClickTiming() {
      probe.clickLatencyMs = null;
      let downAt = 0;
      page.document.addEventListener('pointerdown', (event) => (downAt = event.timeStamp), { capture: true, once: true });
      page.document.addEventListener(
        'click',
        () => {
          void (async () => {
            await frame();
            await frame();
            probe.clickLatencyMs = performance.now() - downAt;
          })();
        },
        { capture: true, once: true },
      );
    },
  };
  page.__benchProbe = probe;

  // Boot time: from navigation start to the first frame painted after the canvas is ready.
  const watchBoot = async () => {
    while (!page.__benchTarget?.ready()) await frame();
    await frame();
    await frame();
    probe.bootReadyMs = performance.now();
  };
  void watchBoot();
}
