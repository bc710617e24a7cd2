import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, type HostApi } from '../../shared/host/contract';
import { cleanIpcError, createElectronHost } from './electron-host';

describe('cleanIpcError', () => {
  it('strips Electron’s remote-method prefix and the error class', () => {
    const raw = new Error("Error invoking remote method 'file:save': HostIpcError: saveDocument was refused: path: Too small");
    expect(cleanIpcError(raw).message).toBe('saveDocument was refused: path: Too small');
    expect(cleanIpcError(new Error("Error invoking remote method 'x': Error: plain")).message).toBe('plain');
    expect(cleanIpcError('odd').message).toBe('odd');
  });
});

describe('createElectronHost', () => {
  function fakeBridge(): HostApi {
    return {
      saveDocument: vi.fn(async () => Promise.reject(new Error("Error invoking remote method 'file:save': HostIpcError: refused"))),
      listRecent: vi.fn(() => Promise.resolve([{ path: '/a.stowage', name: 'a.stowage' }])),
      on: vi.fn(() => () => undefined),
      kind: 'electron',
      platform: 'mac',
    } as unknown as HostApi;
  }

  it('passes calls and events through, with clean error messages', async () => {
    const bridge = fakeBridge();
    const host = createElectronHost(bridge);
    expect(host.kind).toBe('electron');
    expect(host.platform).toBe('mac');
    expect(await host.listRecent({})).toEqual([{ path: '/a.stowage', name: 'a.stowage' }]);
    await expect(host.saveDocument({ path: '/a', text: '' })).rejects.toThrow(/^refused$/);
    const listener = () => undefined;
    host.on('menuCommand', listener);
    expect(bridge.on).toHaveBeenCalledWith('menuCommand', listener);
  });

  it('exposes every contract method, exportFolder included', async () => {
    const bridge = Object.fromEntries(
      Object.keys(HOST_CHANNELS).map((method) => [method, vi.fn(() => Promise.resolve({ status: 'canceled' }))]),
    ) as unknown as HostApi;
    const host = createElectronHost({ ...bridge, on: vi.fn(), kind: 'electron', platform: 'linux' });
    for (const method of Object.keys(HOST_CHANNELS))
      expect(typeof (host as unknown as Record<string, unknown>)[method], method).toBe('function');
    const request = { suggestedName: 'payments', files: [{ path: 'cdk.json', content: '{}' }] };
    expect(await host.exportFolder(request)).toEqual({ status: 'canceled' });
    expect(bridge.exportFolder).toHaveBeenCalledWith(request);
  });

  it('explains a missing bridge', () => {
    expect(() => createElectronHost(undefined)).toThrow(/must be loaded by the Stowage app/);
  });
});
