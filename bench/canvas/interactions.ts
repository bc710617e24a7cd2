import type { CDPSession } from '@playwright/test';
import { frameStats, type FrameStats } from '../lib/stats';
import type { CanvasPage, PaneRect } from './canvas-page';
import { difference, type MainThreadTotals } from './main-thread';

/** How long each interaction keeps the input going, and how often it sends an input event (60 Hz like a real mouse). */
export const INTERACTION_MS = 2000;
const INPUT_INTERVAL_MS = 1000 / 60;

export interface InteractionMeasurement {
  frames: FrameStats;
  /** Main-thread time per frame (CDP TaskDuration delta ÷ frames): the fairer comparison, not capped by vsync. */
  mainThreadMsPerFrame: number;
  scriptMsPerFrame: number;
  /** Main-thread time as a share of the interaction's wall time, in percent: near 100 the page cannot keep up. */
  busyPercent: number;
  mainThread: MainThreadTotals;
  inputEvents: number;
  rendered: { nodes: number; edges: number; painted: number };
}

interface MouseEventParameters {
  type: 'mouseMoved' | 'mousePressed' | 'mouseReleased' | 'mouseWheel';
  x: number;
  y: number;
  button?: 'none' | 'left';
  buttons?: number;
  clickCount?: number;
  deltaX?: number;
  deltaY?: number;
}

/**
 * Mouse input through CDP Input.dispatchMouseEvent, sent at a steady rate without waiting for
 * the page to handle each event, the way a real mouse keeps reporting while the page is busy.
 * (Playwright's page.mouse waits for every event to be handled, so a slow page would receive
 * fewer events, and less work, than a fast one.) Chromium queues and coalesces what the page
 * has not taken yet, as it does for hardware input.
 */
export class MouseInput {
  private pending: Promise<unknown>[] = [];
  private pressed = false;

  constructor(private readonly session: CDPSession) {}

  move(x: number, y: number): void {
    this.send({ type: 'mouseMoved', x, y, button: this.pressed ? 'left' : 'none', buttons: this.pressed ? 1 : 0 });
  }

  press(x: number, y: number): void {
    this.pressed = true;
    this.send({ type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 });
  }

  release(x: number, y: number): void {
    this.pressed = false;
    this.send({ type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 });
  }

  wheel(x: number, y: number, deltaX: number, deltaY: number): void {
    this.send({ type: 'mouseWheel', x, y, deltaX, deltaY });
  }

  /** Resolves once the page has handled every event sent so far. */
  async handled(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  private send(event: MouseEventParameters): void {
    this.pending.push(this.session.send('Input.dispatchMouseEvent', event));
  }
}

/** An interaction: sends input for INTERACTION_MS, says how many events it sent, and how to let go afterwards. */
export type Interaction = (input: MouseInput) => Promise<{ inputEvents: number; release?: () => Promise<void> }>;

/**
 * Runs an interaction while recording animation frames in the page and main-thread time
 * through CDP. Measurement ends once the page has handled every event. Releasing (a drag's
 * mouse-up, which commits the move) comes after: it is one event, not frame-by-frame cost.
 */
export async function measureInteraction(target: CanvasPage, interaction: Interaction): Promise<InteractionMeasurement> {
  const input = new MouseInput(target.session);
  await target.frames(2);
  await target.startFrames();
  const before = await target.meter.read();
  const started = performance.now();
  const { inputEvents, release } = await interaction(input);
  await input.handled();
  await target.frames(1);
  const after = await target.meter.read();
  const wallMs = performance.now() - started;
  const timestamps = await target.stopFrames();
  const rendered = await target.rendered();
  await release?.();
  await input.handled();
  await target.frames(3);
  const frames = frameStats(timestamps);
  const mainThread = difference(after, before);
  return {
    frames,
    mainThreadMsPerFrame: mainThread.taskMs / Math.max(1, frames.frames),
    scriptMsPerFrame: mainThread.scriptMs / Math.max(1, frames.frames),
    busyPercent: (100 * mainThread.taskMs) / wallMs,
    mainThread,
    inputEvents,
    rendered,
  };
}

/** Calls `step` every 1/60 s for `durationMs` of wall time; returns how many times it did. */
export async function paced(durationMs: number, step: (index: number) => void): Promise<number> {
  const start = performance.now();
  let index = 0;
  while (performance.now() - start < durationMs) {
    step(index);
    index++;
    const wait = start + index * INPUT_INTERVAL_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return index;
}

/**
 * Scroll-wheel panning (both apps pan on scroll): the pointer rests on the middle of the pane
 * and the wheel scrolls diagonally for half the time, then back, so new nodes keep coming in
 * from two sides, the view never drifts off a small diagram, and it ends where it started.
 */
export function panWithWheel(pane: PaneRect, durationMs = INTERACTION_MS): Interaction {
  const x = pane.x + pane.width / 2;
  const y = pane.y + pane.height / 2;
  const eventsPerLeg = Math.round(durationMs / 2 / INPUT_INTERVAL_MS);
  return async (input) => {
    input.move(x, y);
    const inputEvents = await paced(durationMs, (index) => {
      const sign = Math.floor(index / eventsPerLeg) % 2 === 0 ? 1 : -1;
      input.wheel(x, y, 6 * sign, 12 * sign);
    });
    return { inputEvents };
  };
}

/**
 * Drags from `grab` with the left button, sweeping right by up to `reach` pixels and back in
 * 10 px steps. React Flow starts a drag at the first move past its 1 px threshold and moves
 * the node relative to that point, so the drag opens with a 2 px nudge and lets go at the
 * nudged point: the node ends where it was.
 */
export function dragNode(grab: { x: number; y: number }, durationMs = INTERACTION_MS, reach = 80): Interaction {
  const stepPx = 10;
  const stepsPerLeg = Math.round(reach / stepPx);
  const start = { x: grab.x + 2, y: grab.y };
  return async (input) => {
    input.move(grab.x, grab.y);
    input.press(grab.x, grab.y);
    input.move(start.x, start.y);
    await input.handled();
    const inputEvents = await paced(durationMs, (index) => {
      const phase = index % (2 * stepsPerLeg);
      const offset = phase <= stepsPerLeg ? phase : 2 * stepsPerLeg - phase;
      input.move(start.x + (offset + 1) * stepPx, start.y);
    });
    return {
      inputEvents,
      release: async () => {
        input.move(start.x, start.y);
        input.release(start.x, start.y);
        await input.handled();
      },
    };
  };
}
