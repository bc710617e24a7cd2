import { BrowserWindow, dialog, screen } from 'electron';
import type { FileRef, HostEvent, HostEventPayload, HostRequest } from '../../shared/host/contract';
import { formatWindowTitle } from '../../shared/host/window-title';
import { CloseGuard } from './close-guard';
import { sendHostEvent } from './ipc';
import { loadWindowBounds, restorableBounds, saveWindowBounds } from './window-bounds';

/**
 * The one document window: its secure construction, title and edited state, the close
 * handshake with the renderer (close-guard.ts), crash recovery and remembered bounds.
 */

export interface MainWindowOptions {
  url: string;
  preloadPath: string;
  /** Window icon for Windows and Linux (macOS takes the app bundle's). */
  iconPath: string | undefined;
  /** userData/window-state.json */
  boundsPath: string;
  platform: NodeJS.Platform;
  /** The page has loaded and can receive events. */
  onRendererReady(): void;
  onClosed(): void;
}

const DEFAULT_SIZE = { width: 1440, height: 900 };

export class MainWindow {
  readonly guard = new CloseGuard();
  #rendererAvailable = false;
  #documentFile: FileRef | null = null;
  #title = '';

  private constructor(
    readonly window: BrowserWindow,
    private readonly options: MainWindowOptions,
  ) {}

  static async create(options: MainWindowOptions): Promise<MainWindow> {
    const saved = restorableBounds(
      await loadWindowBounds(options.boundsPath),
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = new BrowserWindow({
      ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_SIZE),
      minWidth: 900,
      minHeight: 560,
      show: false,
      title: formatWindowTitle('', false),
      backgroundColor: '#f8fafc',
      ...(options.iconPath && options.platform !== 'darwin' ? { icon: options.iconPath } : {}),
      // Every security preference spelled out here, where the window is made, so a reviewer
      // (and electronegativity) reads them without following code.
      webPreferences: {
        // Reviewed: the preload exposes exactly the contract's channels (electron/preload/bridge.ts),
        // no ipcRenderer, no Node; the marker below records that for electronegativity.
        /* eng-disable PRELOAD_JS_CHECK @preserve */ preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        // Middle-click must not open links in new windows (window.open is refused anyway).
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        // Chromium's spellchecker downloads dictionaries from Google's servers on Windows and Linux.
        spellcheck: false,
      },
    });
    const mainWindow = new MainWindow(window, options);
    mainWindow.#wire(saved?.maximized ?? false);
    return mainWindow;
  }

  /** Loads the app; separate from create so the window is known (to IPC sender checks) before its page runs. */
  async load(): Promise<void> {
    await this.window
      .loadURL(this.options.url)
      .catch((error: unknown) => console.error(`Stowage could not load ${this.options.url}:`, error));
  }

  get webContentsId(): number | null {
    return this.window.isDestroyed() ? null : this.window.webContents.id;
  }

  setState({ title, edited }: Pick<HostRequest<'setWindowState'>, 'title' | 'edited'>): void {
    this.guard.setEdited(edited);
    if (this.window.isDestroyed()) return;
    const mac = this.options.platform === 'darwin';
    this.#title = title;
    this.window.setTitle(formatWindowTitle(title, edited, { editedMarker: !mac }));
    if (mac) {
      this.window.setDocumentEdited(edited);
      this.#updateRepresentedFile();
    }
  }

  /** A document was opened or saved; macOS shows it as the window's file (proxy icon, Cmd-click path). */
  noteDocumentFile(file: FileRef): void {
    this.#documentFile = file;
    this.#updateRepresentedFile();
  }

  /** closeWindow from the renderer. */
  close(): void {
    this.guard.confirm();
    if (!this.window.isDestroyed()) this.window.close();
  }

  send<E extends HostEvent>(event: E, payload: HostEventPayload<E>): void {
    if (!this.window.isDestroyed()) sendHostEvent(this.window.webContents, event, payload);
  }

  focus(): void {
    if (this.window.isDestroyed()) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  #updateRepresentedFile(): void {
    if (this.options.platform !== 'darwin' || this.window.isDestroyed()) return;
    // setWindowState carries only the display name; the path is the last file opened or saved,
    // as long as the title still names it (after New, it does not).
    const file = this.#documentFile;
    this.window.setRepresentedFilename(file && file.name === this.#title ? file.path : '');
  }

  #wire(maximized: boolean): void {
    const { window } = this;
    const contents = window.webContents;

    window.once('ready-to-show', () => {
      if (maximized) window.maximize();
      window.show();
    });
    // The title is ours (setWindowState); the page's <title> must not replace it on load.
    window.on('page-title-updated', (event) => event.preventDefault());

    contents.on('did-finish-load', () => {
      this.#rendererAvailable = true;
      this.options.onRendererReady();
    });
    contents.on('render-process-gone', (_event, details) => {
      this.#rendererAvailable = false;
      if (details.reason !== 'clean-exit') void this.#offerReload(details.reason);
    });

    window.on('close', (event) => {
      if (this.guard.onCloseAttempt(this.#rendererAvailable) === 'ask-renderer') {
        event.preventDefault();
        this.send('closeRequested', {});
        return;
      }
      const bounds = window.getNormalBounds();
      void saveWindowBounds(this.options.boundsPath, { ...bounds, maximized: window.isMaximized() });
    });
    window.on('closed', () => this.options.onClosed());
  }

  async #offerReload(reason: string): Promise<void> {
    if (this.window.isDestroyed()) return;
    const { response } = await dialog.showMessageBox(this.window, {
      type: 'error',
      message: 'Stowage’s window stopped working.',
      detail: `The drawing area ended unexpectedly (${reason}). Reload it to continue; unsaved changes are offered back from the recovery draft.`,
      buttons: ['Reload', 'Close Window'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (this.window.isDestroyed()) return;
    if (response === 0) this.window.webContents.reload();
    else this.window.close();
  }
}
