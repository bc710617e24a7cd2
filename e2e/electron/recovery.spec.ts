import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { loadDocument } from '../../shared/document';
import {
  currentDocument,
  dialogCalls,
  electronPath,
  launchStowage,
  NO_ELECTRON,
  setDocument,
  stubDialogs,
  temporaryFolder,
} from './support';

/** Closing with unsaved changes, and unsaved work surviving a crash. */

test.skip(electronPath === null, NO_ELECTRON);

function example() {
  const loaded = loadDocument(readFileSync(join('examples', 'fargate-web-service.stowage'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

async function runningPage(app: ElectronApplication): Promise<Page> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const candidate of app.windows()) {
      const running = await candidate
        .evaluate(() => Boolean((globalThis as unknown as { __stowage?: unknown }).__stowage))
        .catch(() => false);
      if (running) return candidate;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('No window runs the app after the reload');
}

function draftFiles(userData: string): string[] {
  const folder = join(userData, 'recovery');
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : [];
}

test('closing with unsaved changes asks first: Cancel keeps the window, Don’t Save closes it', async () => {
  const userData = temporaryFolder('stowage-e2e-user-');
  const { app, page } = await launchStowage(userData.path);
  try {
    await setDocument(page, example());
    await stubDialogs(app, { messageBox: 2 });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(() => dialogCalls(app)).toEqual(['messageBox']);
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect((await currentDocument(page)).nodes.length).toBe(example().nodes.length);

    await stubDialogs(app, { messageBox: 1 });
    const closed = app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    if (process.platform === 'darwin') {
      // macOS keeps the app running without windows; the window itself must be gone.
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
      await app.close();
    }
    await closed;
    // The user discarded the changes: no draft is left to offer.
    expect(draftFiles(userData.path)).toEqual([]);
  } finally {
    await app.close().catch(() => undefined);
    userData.remove();
  }
});

test('after the app is killed, the next launch offers the unsaved work back', async () => {
  const userData = temporaryFolder('stowage-e2e-user-');
  try {
    const first = await launchStowage(userData.path);
    await setDocument(first.page, example());
    const work = await currentDocument(first.page);
    await expect.poll(() => draftFiles(userData.path).length, { timeout: 15_000 }).toBe(1);
    first.app.process().kill('SIGKILL');
    await first.app.waitForEvent('close').catch(() => undefined);

    const second = await launchStowage(userData.path);
    try {
      const dialog = second.page.getByTestId('recover-dialog');
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Recover' }).click();
      await expect.poll(async () => currentDocument(second.page)).toEqual(work);
      // Recovered work became this window's own draft; the old one is gone.
      await expect.poll(() => draftFiles(userData.path).length).toBe(1);
    } finally {
      await second.app.close();
    }
  } finally {
    userData.remove();
  }
});

test('a crashed window offers a reload, and the reloaded page offers the work back', async () => {
  const userData = temporaryFolder('stowage-e2e-user-');
  const { app, page } = await launchStowage(userData.path);
  try {
    await setDocument(page, example());
    const work = await currentDocument(page);
    await expect.poll(() => draftFiles(userData.path).length, { timeout: 15_000 }).toBe(1);
    // "Reload" in Stowage's crash dialog.
    await stubDialogs(app, { messageBox: 0 });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
    await expect.poll(() => dialogCalls(app)).toContain('messageBox');
    // The reloaded page may be a new Page object (a new renderer process): take the one that runs the app.
    const reloaded = await runningPage(app);
    const dialog = reloaded.getByTestId('recover-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Recover' }).click();
    await expect.poll(async () => currentDocument(reloaded)).toEqual(work);
  } finally {
    await app.close();
    userData.remove();
  }
});
