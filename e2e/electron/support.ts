import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import type { DiagramDocument } from '../../shared/document';
import type { Selection } from '../../shared/operations';

/**
 * Launching the built desktop app in a real Electron for e2e/electron. Build machines have no
 * Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so these tests skip there; the GitHub
 * Actions workflow (.github/workflows/ci.yml) runs them on Linux, macOS and Windows.
 *
 * The only test hook in main is STOWAGE_USER_DATA_DIR (honoured by unpackaged builds only):
 * each test gets its own settings, recent files and drafts. Native dialogs are stubbed at the
 * `dialog` module boundary from the test, in the main process, so the app's own code picks
 * real files on disk; menus are clicked through Electron's Menu API.
 */

function installedElectron(): string | null {
  try {
    // The electron package exports the binary's path, and throws if it was never downloaded.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const electronPath = installedElectron();
export const NO_ELECTRON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on build machines); .github/workflows/ci.yml runs these on Linux, macOS and Windows';
export const mainScript = join('out', 'main', 'index.js');

/** `npm test` builds only the browser version; build the desktop one if it is missing. */
export function ensureDesktopBuild(): void {
  if (!existsSync(mainScript)) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', timeout: 180_000, shell: true });
}

export function temporaryFolder(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function appEnvironment(userData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, STOWAGE_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' };
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
}

/** Starts Stowage with its own userData; `files` are passed on the command line as a file manager would. */
export async function launchStowage(userData: string, files: readonly string[] = []): Promise<LaunchedApp> {
  ensureDesktopBuild();
  const app = await electron.launch({ args: [mainScript, ...files], env: appEnvironment(userData) });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(() => Boolean((globalThis as unknown as { __stowage?: unknown }).__stowage));
  await closeStartScreen(page);
  return { app, page };
}

/**
 * An empty new window shows the start screen once its launch is settled; the desktop specs
 * start on the empty canvas behind it, as a user who closes it does.
 */
export async function closeStartScreen(page: Page): Promise<void> {
  // A launch that offers a draft back waits for the answer: the spec answers that dialog itself.
  await page.waitForFunction(
    () => document.documentElement.dataset.launched === 'true' || document.querySelector('[role="dialog"]') !== null,
  );
  if (await page.getByTestId('start-screen').isVisible()) await page.keyboard.press('Escape');
}

/** The answers the stubbed native dialogs give; each call is recorded in the main process. */
export interface DialogAnswers {
  open?: string[];
  save?: string | null;
  /** Index of the button a message box "clicks" (unsaved changes: 0 Save, 1 Don't Save, 2 Cancel). */
  messageBox?: number;
}

export async function stubDialogs(app: ElectronApplication, answers: DialogAnswers): Promise<void> {
  await app.evaluate(({ dialog }, given) => {
    const calls = ((globalThis as unknown as { __dialogCalls?: string[] }).__dialogCalls ??= []);
    dialog.showOpenDialog = () => {
      calls.push('open');
      return Promise.resolve(given.open ? { canceled: false, filePaths: given.open } : { canceled: true, filePaths: [] });
    };
    dialog.showSaveDialog = () => {
      calls.push('save');
      return Promise.resolve(given.save ? { canceled: false, filePath: given.save } : { canceled: true, filePath: '' });
    };
    dialog.showMessageBox = () => {
      calls.push('messageBox');
      return Promise.resolve({ response: given.messageBox ?? 2, checkboxChecked: false });
    };
  }, answers);
}

export async function dialogCalls(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() => [...((globalThis as unknown as { __dialogCalls?: string[] }).__dialogCalls ?? [])]);
}

/** Clicks an item of the native application menu, as a user would, once the app has enabled it. */
export async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  // Enabled states follow the document a frame later (setWindowState).
  await expect
    .poll(() => app.evaluate(({ Menu }, itemId) => Menu.getApplicationMenu()?.getMenuItemById(itemId)?.enabled ?? false, id), {
      message: `menu item ${id} exists and is enabled`,
    })
    .toBe(true);
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    // MenuItem.click is typed as a bare Function; it runs the item's handler like a real click.
    if (item) (item.click as () => void)();
  }, id);
}

export async function menuLabels(app: ElectronApplication, id: string): Promise<string[]> {
  return app.evaluate(
    ({ Menu }, itemId) =>
      Menu.getApplicationMenu()
        ?.getMenuItemById(itemId)
        ?.submenu?.items.map((item) => item.label) ?? [],
    id,
  );
}

interface AppWindowGlobals {
  __stowage: {
    documents: {
      getState(): {
        document: DiagramDocument;
        file: unknown;
        replace(document: DiagramDocument, file: unknown, options?: { saved?: boolean }): void;
        commit(next: DiagramDocument, meta: { label: string; selectionBefore: Selection; selectionAfter: Selection }): boolean;
      };
    };
  };
}

export async function currentDocument(page: Page): Promise<DiagramDocument> {
  return page.evaluate(() => (globalThis as unknown as AppWindowGlobals).__stowage.documents.getState().document);
}

/** Puts `document` in the window as unsaved work (or as if just opened, with saved: true). */
export async function setDocument(page: Page, document: DiagramDocument, saved = false): Promise<void> {
  await page.evaluate(
    ({ value, asSaved }) =>
      (globalThis as unknown as AppWindowGlobals).__stowage.documents.getState().replace(value, null, { saved: asSaved }),
    { value: document, asSaved: saved },
  );
}

/** An edit as one undo step (the diagram's title), keeping the document's file. */
export async function retitle(page: Page, title: string): Promise<void> {
  await page.evaluate((value) => {
    const state = (globalThis as unknown as AppWindowGlobals).__stowage.documents.getState();
    const none = { nodeIds: [], edgeIds: [] };
    state.commit(
      { ...state.document, metadata: { ...state.document.metadata, title: value } },
      { label: 'Rename diagram', selectionBefore: none, selectionAfter: none },
    );
  }, title);
}

export async function windowTitles(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
}
