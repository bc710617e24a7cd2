import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app-protocol';
import { closeStartScreen } from './support';
import { HOST_CHANNELS, type HostApi } from '../../shared/host/contract';

/** What page.evaluate callbacks see; e2e code is type-checked without the DOM library. */
interface PageGlobals {
  stowageHost?: HostApi;
  require?: unknown;
  process?: unknown;
  module?: unknown;
  open(url: string, target: string): unknown;
  location: { href: string };
}

/**
 * The desktop app end to end: launches the built main process in a real Electron and checks
 * the window and its security settings. Needs the Electron binary, which build machines do
 * not download (ELECTRON_SKIP_BINARY_DOWNLOAD); there the whole file reports itself skipped.
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

const electronPath = installedElectron();
const mainScript = join('out', 'main', 'index.js');

test.skip(electronPath === null, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)');

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  // `npm test` builds only the browser version; build the desktop one if it is missing.
  if (!existsSync(mainScript)) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', timeout: 180_000 });
  userData = mkdtempSync(join(tmpdir(), 'stowage-e2e-'));
  app = await electron.launch({
    args: [mainScript],
    env: { ...process.env, STOWAGE_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await closeStartScreen(page);
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('opens one window titled Stowage, served from app://', async () => {
  expect(page.url()).toBe('app://stowage/index.html');
  const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
  expect(windows).toHaveLength(1);
  // "Stowage" until the app reports its document, then "<document> — Stowage".
  expect(windows[0]).toMatch(/(^|— )Stowage$/);
});

test('the page has no Node and sees only the host bridge', async () => {
  const globals = await page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    return {
      require: typeof page.require,
      process: typeof page.process,
      module: typeof page.module,
      bridge: Object.keys(page.stowageHost ?? {}).sort(),
      kind: page.stowageHost?.kind,
    };
  });
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.module).toBe('undefined');
  expect(globals.bridge).toEqual([...Object.keys(HOST_CHANNELS), 'kind', 'on', 'platform'].sort());
  expect(globals.kind).toBe('electron');
});

test('the page cannot navigate away, open windows or reach the network', async () => {
  const outcome = await page.evaluate(async () => {
    const popup = (globalThis as unknown as PageGlobals).open('https://example.com/', '_blank');
    const network = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    return { popup: popup === null, network };
  });
  expect(outcome).toEqual({ popup: true, network: 'blocked' });
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://stowage/index.html');
});

test('the Content-Security-Policy is sent and holds in the real window', async () => {
  const outcome = await page.evaluate(async () => {
    const header = await fetch('app://stowage/index.html').then((response) => response.headers.get('content-security-policy'));
    const script = document.createElement('script');
    script.textContent = 'globalThis.__injected = true;';
    document.head.append(script);
    let evalRefused = false;
    try {
      (0, eval)('1');
    } catch {
      evalRefused = true;
    }
    return { header, injected: (globalThis as unknown as { __injected?: boolean }).__injected === true, evalRefused };
  });
  expect(outcome).toEqual({ header: CONTENT_SECURITY_POLICY, injected: false, evalRefused: true });
  // The bundle itself ran under that policy: the app is up.
  await expect(page.getByTestId('canvas')).toBeVisible();
});

test('host calls are validated by the main process', async () => {
  const results = await page.evaluate(async () => {
    const host = (globalThis as unknown as PageGlobals).stowageHost!;
    const recent = await host.listRecent({});
    const refused = await host.saveDocument({ path: '/etc/passwd', text: 'x' });
    const invalid = await (host.saveDocument as (request: unknown) => Promise<unknown>)({ path: 42 }).then(
      () => 'accepted',
      (error: Error) => error.message,
    );
    return { recent, refused, invalid };
  });
  expect(results.recent).toEqual([]);
  expect(results.refused).toMatchObject({ status: 'error' });
  expect(results.invalid).toContain('saveDocument was refused');
});
