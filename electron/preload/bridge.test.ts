import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, HOST_EVENTS } from '../../shared/host/contract';
import { createHostBridge, toHostPlatform, type IpcRendererLike } from './bridge';

function fakeIpcRenderer() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc = {
    invoke: vi.fn(() => Promise.resolve({ status: 'canceled' })),
    on: (channel, listener) => handlers.set(channel, listener),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) => handlers.get(channel)!({ sender: 'must not leak' }, payload);
  return { ipc, emit, handlers };
}

describe('createHostBridge', () => {
  it('exposes one method per contract channel, plus on, kind and platform, and nothing else', () => {
    const bridge = createHostBridge(fakeIpcRenderer().ipc, 'darwin');
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(HOST_CHANNELS), 'on', 'kind', 'platform'].sort());
    expect(bridge.kind).toBe('electron');
    expect(bridge.platform).toBe('mac');
  });

  it('invokes the channel with the request object only', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createHostBridge(ipc, 'linux');
    await bridge.saveDocument({ path: '/a.stowage', text: '{}' });
    expect(ipc.invoke).toHaveBeenCalledWith('file:save', { path: '/a.stowage', text: '{}' });
  });

  it('listens to every contract event and delivers validated payloads without the IPC event', () => {
    const { ipc, emit, handlers } = fakeIpcRenderer();
    const bridge = createHostBridge(ipc, 'linux');
    expect([...handlers.keys()].sort()).toEqual(
      Object.values(HOST_EVENTS)
        .map((entry) => entry.channel)
        .sort(),
    );
    const listener = vi.fn();
    const unsubscribe = bridge.on('menuCommand', listener);
    emit('menu:command', { commandId: 'file.save' });
    expect(listener).toHaveBeenCalledWith({ commandId: 'file.save' });
    unsubscribe();
    emit('menu:command', { commandId: 'file.open' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('drops malformed event payloads', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const bridge = createHostBridge(ipc, 'linux');
    const listener = vi.fn();
    bridge.on('menuCommand', listener);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    emit('menu:command', { commandId: 42 });
    emit('menu:command', { commandId: 'x', extra: true });
    expect(listener).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('refuses unknown events and non-function listeners', () => {
    const bridge = createHostBridge(fakeIpcRenderer().ipc, 'linux');
    expect(() => bridge.on('toString' as never, () => undefined)).toThrow(/Unknown host event/);
    expect(() => bridge.on('menuCommand', 'nope' as never)).toThrow(/must be a function/);
  });

  it('holds files opened before the app subscribed, and delivers them once it does', async () => {
    const { ipc, emit } = fakeIpcRenderer();
    const bridge = createHostBridge(ipc, 'linux');
    const opened = { status: 'opened', file: { path: '/a.stowage', name: 'a.stowage' }, text: '{}' };
    emit('file:open-requested', opened);
    emit('menu:command', { commandId: 'file.save' });
    const openListener = vi.fn();
    const menuListener = vi.fn();
    bridge.on('openFile', openListener);
    bridge.on('menuCommand', menuListener);
    expect(openListener).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(openListener).toHaveBeenCalledWith(opened);
    // Stale menu clicks are not replayed.
    expect(menuListener).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const bridge = createHostBridge(ipc, 'linux');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const second = vi.fn();
    bridge.on('closeRequested', () => {
      throw new Error('boom');
    });
    bridge.on('closeRequested', second);
    emit('window:close-requested', {});
    expect(second).toHaveBeenCalled();
  });
});

describe('toHostPlatform', () => {
  it('maps Node platforms to host platforms', () => {
    expect(['darwin', 'win32', 'linux', 'freebsd'].map(toHostPlatform)).toEqual(['mac', 'windows', 'linux', 'other']);
  });
});
