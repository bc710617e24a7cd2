import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconPath from '../../assets/icon.png?asset';
import { APP_NAME } from '../../shared/host/window-title';
import { AllowedPaths } from './allowed-paths';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { ApplicationMenu } from './application-menu';
import { createNativeDialogs } from './dialogs';
import { DocumentService } from './document-service';
import { removeInterruptedWrites } from './file-service';
import { DraftStore, WindowDrafts } from './drafts';
import { createHostHandlers } from './handlers';
import { createSenderCheck, registerHostHandlers } from './ipc';
import { documentPathsFromArgv, OpenRequestQueue } from './open-requests';
import { RecentFiles } from './recent-files';
import { TemplatesFolder } from './templates-folder';
import { hardenApp, hardenSession, openExternalSafely, type AppLocation, type HardeningOptions } from './security';
import { decideUpdates, scheduleUpdateChecks } from './updates';
import { MainWindow } from './window';

/**
 * The Electron main process: wiring only. Every decision lives in a module that Vitest runs
 * without Electron (security, ipc, handlers, file service, menu, close guard, …).
 */

const mainDirectory = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(mainDirectory, '../preload/index.cjs');
const rendererRoot = join(mainDirectory, '../renderer');
// electron-vite sets ELECTRON_RENDERER_URL for `npm run dev`; a packaged app never trusts it.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || null;
const location: AppLocation = { devServerUrl };
const hardening: HardeningOptions = { location, browser: shell };

// Must happen before the app is ready: app:// behaves like https (origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Sandbox every renderer, including any created without our webPreferences.
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId('dev.stowage.app');
// Tests of the unpackaged app keep settings, recent files and drafts apart from the developer's own.
if (!app.isPackaged && process.env.STOWAGE_USER_DATA_DIR) app.setPath('userData', process.env.STOWAGE_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  // Another Stowage is running; it receives our argv through 'second-instance'.
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: MainWindow | null = null;
  let documents: DocumentService | null = null;
  // Replaced once the app is ready and the services the window needs exist.
  let createWindow: () => Promise<void> = () => Promise.resolve();

  const openRequests = new OpenRequestQueue((path) => {
    if (!documents || !mainWindow) return;
    void documents.open(path).then((result) => {
      mainWindow?.send('openFile', result);
      mainWindow?.focus();
    });
  });

  // Registered before 'ready': macOS sends open-file for the file that launched the app.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequests.request(path);
    // macOS keeps running without windows; a double-clicked file then needs one.
    if (app.isReady() && !mainWindow) void createWindow();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of documentPathsFromArgv(argv, workingDirectory)) openRequests.request(path);
    if (mainWindow) mainWindow.focus();
    else void createWindow();
  });
  for (const path of documentPathsFromArgv(process.argv, process.cwd())) openRequests.request(path);

  hardenApp(app, hardening);
  app.on('before-quit', () => mainWindow?.guard.noteQuitRequested());

  let quitAfterWindowCloses = false;
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows, unless the window closed because of Quit.
    if (process.platform !== 'darwin' || quitAfterWindowCloses) app.quit();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, hardening);
    if (!devServerUrl) {
      const handler = createAppProtocolHandler({ rendererRoot });
      protocol.handle(APP_SCHEME, (request) => handler(request));
    }

    const userData = app.getPath('userData');
    const allowed = new AllowedPaths();
    const recent = await RecentFiles.load({
      storePath: join(userData, 'recent-files.json'),
      onAdded: (path) => app.addRecentDocument(path),
      onCleared: () => app.clearRecentDocuments(),
    });
    const templates = await TemplatesFolder.load(join(userData, 'templates-folder.json'));
    const recoveryFolder = join(userData, 'recovery');
    const drafts = new WindowDrafts(new DraftStore(recoveryFolder));
    // Writes a crash or kill interrupted leave temporary files; clear the old ones, off the start-up path.
    void recent
      .list()
      .then((files) => removeInterruptedWrites({ appFolders: [userData, recoveryFolder], documents: files.map((file) => file.path) }))
      .catch(() => undefined);
    documents = new DocumentService({ allowed, recent, onDocumentFile: (file) => mainWindow?.noteDocumentFile(file) });
    const dialogs = createNativeDialogs({
      dialog,
      getWindow: () => mainWindow?.window ?? null,
      defaultFolder: () => app.getPath('documents'),
    });

    const menu = new ApplicationMenu(
      Menu,
      { platform: process.platform, appName: APP_NAME, developerTools: !app.isPackaged },
      {
        runCommand: (commandId) => {
          // On macOS the menu outlives the window; File > New or Open then starts a new one.
          if (mainWindow) mainWindow.send('menuCommand', { commandId });
          else void createWindow();
        },
        // The renderer treats this like any OS open request: it asks about unsaved changes first.
        openRecent: (path) => openRequests.request(path),
        clearRecent: () => void recent.clear(),
      },
    );
    menu.install();
    const refreshRecentMenu = () => void recent.list().then((files) => menu.setRecentFiles(files));
    recent.onChange(refreshRecentMenu);
    refreshRecentMenu();

    registerHostHandlers(
      ipcMain,
      createHostHandlers({
        dialogs,
        allowed,
        recent,
        templates,
        drafts,
        documents,
        window: {
          setState: (state) => {
            mainWindow?.setState(state);
            menu.setCommandLabels(state.commandLabels);
            menu.setEnabledCommands(state.enabledCommands);
          },
          close: () => mainWindow?.close(),
        },
        openLink: (url) => openExternalSafely(url, shell),
      }),
      createSenderCheck(() => mainWindow?.webContentsId ?? null, location),
    );

    let creating: Promise<void> | null = null;
    const openWindow = async () => {
      const created = await MainWindow.create({
        url: devServerUrl ?? APP_ENTRY_URL,
        preloadPath,
        iconPath,
        boundsPath: join(userData, 'window-state.json'),
        platform: process.platform,
        onRendererReady: () => openRequests.markReady(),
        onClosed: () => {
          quitAfterWindowCloses = created.guard.quitAfterClose;
          openRequests.markNotReady();
          mainWindow = null;
        },
      });
      mainWindow = created;
      await created.load();
    };
    // One window at a time, however many activate / open-file / second-instance events arrive.
    createWindow = () => {
      if (mainWindow) return Promise.resolve();
      creating ??= openWindow().finally(() => (creating = null));
      return creating;
    };
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
    await createWindow();

    // After the window is up, in the background; never blocks or fails start-up.
    scheduleUpdateChecks({
      decision: decideUpdates({
        feedUrl: __STOWAGE_UPDATE_URL__,
        isPackaged: app.isPackaged,
        platform: process.platform,
        env: process.env,
      }),
      loadUpdater: async () => (await import('electron-updater')).autoUpdater,
      setTimer: (run, ms) => void setTimeout(run, ms).unref(),
      log: (message, error) => console.warn(message, error ?? ''),
    });
  });
}
