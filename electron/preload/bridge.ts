import { HOST_CHANNELS, HOST_EVENTS, type HostApi, type HostEvent, type HostMethod } from '../../shared/host/contract';

/**
 * What the preload exposes to the page as `window.stowageHost`: exactly one method per
 * HOST_CHANNELS entry (generated from the contract, so nothing can be exposed by accident),
 * `on` for HOST_EVENTS only, and the host's kind and platform. No ipcRenderer, no event
 * objects, no Node: the page gets plain data in and out. Kept free of Electron imports so it
 * is unit-tested with a fake ipcRenderer.
 */

/** The parts of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Events that can arrive before the app has subscribed — a file double-clicked to launch
 * Stowage is sent as soon as the page loads, before React has mounted — are held until the
 * first subscriber. Menu commands and close requests are only meaningful when they happen.
 */
const HELD_UNTIL_SUBSCRIBED: ReadonlySet<HostEvent> = new Set<HostEvent>(['openFile']);
const MAX_HELD_EVENTS = 16;

type Listener = (payload: unknown) => void;

export function toHostPlatform(platform: string): HostApi['platform'] {
  if (platform === 'darwin') return 'mac';
  if (platform === 'win32') return 'windows';
  if (platform === 'linux') return 'linux';
  return 'other';
}

function isHostEvent(event: unknown): event is HostEvent {
  return typeof event === 'string' && Object.hasOwn(HOST_EVENTS, event);
}

export function createHostBridge(ipc: IpcRendererLike, platform: string): HostApi {
  const listeners = new Map<HostEvent, Set<Listener>>();
  const held = new Map<HostEvent, unknown[]>();

  const deliver = (event: HostEvent, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`A ${event} listener failed:`, error);
      }
    }
  };

  for (const event of Object.keys(HOST_EVENTS) as HostEvent[]) {
    const { channel, payload: schema } = HOST_EVENTS[event];
    ipc.on(channel, (_ipcEvent, payload) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        console.error(`Stowage ignored a malformed ${event} event from the main process`, parsed.error.issues);
        return;
      }
      if ((listeners.get(event)?.size ?? 0) > 0) deliver(event, parsed.data);
      else if (HELD_UNTIL_SUBSCRIBED.has(event)) {
        const queue = held.get(event) ?? [];
        queue.push(parsed.data);
        held.set(event, queue.slice(-MAX_HELD_EVENTS));
      }
    });
  }

  const methods = Object.fromEntries(
    (Object.keys(HOST_CHANNELS) as HostMethod[]).map((method) => {
      const { channel } = HOST_CHANNELS[method];
      // Only the request object crosses; main validates it against the contract.
      return [method, (request: unknown) => ipc.invoke(channel, request)];
    }),
  );

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isHostEvent(event)) throw new TypeError(`Unknown host event "${String(event)}".`);
    if (typeof listener !== 'function') throw new TypeError('A host event listener must be a function.');
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener as Listener);
    const waiting = held.get(event);
    if (waiting && waiting.length > 0) {
      held.delete(event);
      // After `on` returns, so the subscriber has its unsubscribe function first.
      queueMicrotask(() => waiting.forEach((payload) => deliver(event, payload)));
    }
    return () => {
      set.delete(listener as Listener);
    };
  };

  return { ...methods, on, kind: 'electron', platform: toHostPlatform(platform) } as HostApi;
}
