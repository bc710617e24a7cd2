import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { promiseOf } from '../../test/promises';

/**
 * A stand-in for the parts of the `electron` module the main process uses, so index.ts (the
 * wiring) can run under Vitest on machines without an Electron binary. It records what the app
 * asks of Electron; tests then play the user's and the OS's part (ready, close, open-file).
 */

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly send = vi.fn();
  readonly setWindowOpenHandler = vi.fn();
  readonly reload = vi.fn();
  destroyed = false;
  isDestroyed = () => this.destroyed;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  readonly webContents = new FakeWebContents();
  destroyed = false;
  title = '';
  readonly setDocumentEdited = vi.fn();
  readonly setRepresentedFilename = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly maximize = vi.fn();
  readonly restore = vi.fn();
  readonly loadURL = vi.fn((_url: string) =>
    promiseOf(() => {
      this.webContents.emit('did-finish-load');
    }),
  );

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 });
  setTitle = (title: string) => {
    this.title = title;
  };

  /** What clicking the close button does: emit 'close'; unless prevented, the window goes away. */
  close = () => {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    return true;
  };
}

export function createFakeElectron(userData: string) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    setName: vi.fn(),
    setAppUserModelId: vi.fn(),
    setPath: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    isReady: vi.fn(() => false),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : `/fake/${name}`)),
    ready: undefined as unknown as () => void,
    whenReady: vi.fn(() => new Promise<void>((resolve) => (app.ready = resolve))),
  });
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const session = Object.assign(new EventEmitter(), {
    webRequest: { onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template, getMenuItemById: () => null })),
      setApplicationMenu: vi.fn(),
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    ipcHandlers,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler)),
    },
    protocolHandlers,
    session: { defaultSession: session },
    dialog: {
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
      showMessageBox: vi.fn(() => Promise.resolve({ response: 2, checkboxChecked: false })),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: vi.fn(() => Promise.resolve(undefined)) },
  };
}
