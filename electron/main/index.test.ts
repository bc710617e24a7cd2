import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS } from '../../shared/host/contract';
import { createFakeElectron, FakeBrowserWindow } from './electron-fake.test-support';
import { objectContaining } from '../../test/matchers';

/**
 * The main process's wiring, run against a fake `electron` module: what index.ts registers,
 * and how the pieces talk to each other. Electron itself is exercised by e2e/electron when a
 * binary is installed.
 */

const userData = mkdtempSync(join(tmpdir(), 'stowage-userdata-'));
const documents = mkdtempSync(join(tmpdir(), 'stowage-documents-'));
const launchedWith = join(documents, 'launched.stowage');
writeFileSync(launchedWith, '{"launched":true}');

// What a run killed mid-save left behind: temporaries beside the document and in userData.
const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
const leftByCrash = [
  join(documents, '.launched.stowage.0123456789ab.tmp'),
  join(userData, '.recent-files.json.abcdefabcdef.tmp'),
  join(userData, 'recovery', '.page.json.00000000aaaa.tmp'),
];
const savingRightNow = join(documents, '.launched.stowage.111111111111.tmp');
const someoneElses = join(documents, '.notes.txt.222222222222.tmp');
mkdirSync(join(userData, 'recovery'));
for (const path of [...leftByCrash, savingRightNow, someoneElses]) writeFileSync(path, 'partial');
for (const path of [...leftByCrash, someoneElses]) utimesSync(path, anHourAgo, anHourAgo);

const fake = vi.hoisted(() => ({ electron: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', () => fake.electron!);
vi.mock('../../assets/icon.png?asset', () => ({ default: '/app/icon.png' }));

afterAll(() => {
  vi.restoreAllMocks();
  for (const folder of [userData, documents]) rmSync(folder, { recursive: true, force: true });
});

async function start() {
  fake.electron = createFakeElectron(userData);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('./index');
  const electron = fake.electron;
  // macOS delivers the launching file before 'ready'.
  electron.app.emit('open-file', { preventDefault: vi.fn() }, launchedWith);
  electron.app.ready();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  const window = FakeBrowserWindow.instances[0]!;
  const trustedEvent = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://stowage/index.html', parent: null } };
  const invoke = (channel: string, payload: unknown, event: unknown = trustedEvent) => electron.ipcHandlers.get(channel)!(event, payload);
  return { electron, window, invoke };
}

describe('electron/main/index.ts wiring', async () => {
  const { electron, window, invoke } = await start();

  it('registers the app scheme, sandboxes every renderer and takes the single-instance lock before ready', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      objectContaining({ scheme: 'app', privileges: objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('creates the window isolated and sandboxed, without Node, with its preferences spelled out', () => {
    const { preload, ...rest } = window.options.webPreferences as Record<string, unknown>;
    expect(preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(rest).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
  });

  it('hardens the session and every webContents', () => {
    const session = electron.session.defaultSession;
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('serves the renderer from app:// with the Content-Security-Policy', async () => {
    const handler = electron.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://stowage/does-not-exist.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('creates a secure window loading the packaged page, with the sandboxed CJS preload', () => {
    expect(window.loadURL).toHaveBeenCalledWith('app://stowage/index.html');
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('installs the application menu', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('handles every contract channel, only for the window’s own page', async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(
      Object.values(HOST_CHANNELS)
        .map((entry) => entry.channel)
        .sort(),
    );
    await expect(invoke('draft:begin', {})).resolves.toBeNull();
    await expect(
      invoke('draft:begin', {}, { sender: { id: 999 }, senderFrame: { url: 'app://stowage/index.html', parent: null } }),
    ).rejects.toThrow(/did not come from the Stowage window/);
  });

  it('sends the file the OS opened once the page has loaded, and allows saving back to it', async () => {
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith('file:open-requested', {
        status: 'opened',
        file: { path: launchedWith, name: 'launched.stowage' },
        text: '{"launched":true}',
      }),
    );
    await expect(invoke('file:save', { path: launchedWith, text: '{"saved":true}' })).resolves.toMatchObject({ status: 'saved' });
    await expect(invoke('recent:list', {})).resolves.toEqual([{ path: launchedWith, name: 'launched.stowage' }]);
    expect(electron.app.addRecentDocument).toHaveBeenCalledWith(launchedWith);
  });

  it('removes the temporary files of interrupted saves, and only those', async () => {
    await vi.waitFor(() => expect(leftByCrash.filter(existsSync)).toEqual([]));
    expect(existsSync(savingRightNow)).toBe(true);
    expect(existsSync(someoneElses)).toBe(true);
  });

  it('does not check for updates in a build without an update feed', async () => {
    await vi.waitFor(() =>
      expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('does not check for updates: this build has no update feed'), ''),
    );
  });

  it('titles the window from setWindowState', async () => {
    await invoke('window:set-state', { title: 'launched.stowage', edited: true, enabledCommands: ['file.save'], commandLabels: [] });
    expect(window.title).toBe(process.platform === 'darwin' ? 'launched.stowage — Stowage' : '• launched.stowage — Stowage');
  });

  it('holds a close while there are unsaved changes, asks the renderer, and closes when it confirms', async () => {
    expect(window.close()).toBe(false);
    expect(window.webContents.send).toHaveBeenCalledWith('window:close-requested', {});
    await invoke('window:close', {});
    expect(window.destroyed).toBe(true);
  });
});
