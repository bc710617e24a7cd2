import type { App, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../../shared/host/contract';
import { APP_ORIGIN, APP_SCHEME } from './app-protocol';

/**
 * Every security decision of the desktop app, in one place. Stowage opens diagrams from
 * anywhere (email attachments, shared drives), so the renderer is treated as if a hostile
 * file could take it over: it runs sandboxed without Node, can only reach the main process
 * through the validated channels in ipc.ts, loads nothing from the network, cannot navigate
 * away or open windows, and is granted no permissions beyond writing to the clipboard.
 *
 * The decisions are plain functions of URLs so they are unit-tested; the `harden*` functions
 * attach them to Electron objects.
 */

/** Where the app itself is served from: app://stowage, or the dev server in development. */
export interface AppLocation {
  /** ELECTRON_RENDERER_URL in `npm run dev`; null in production. */
  devServerUrl: string | null;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Non-special schemes report an opaque "null" origin in the URL API; app:// is registered
    // as a standard scheme in Electron, so compare protocol and host directly.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Whether a URL is a page of this app (same scheme, host and port). */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === APP_ORIGIN) return true;
  return location.devServerUrl !== null && origin === originOf(location.devServerUrl);
}

/**
 * Navigation of any frame: only to our own pages (a reload, the dev server's full reload), or
 * within Chromium's DevTools, which are webContents too. Everything else — a link in a diagram
 * description, a dropped file, a redirect — is refused.
 */
export function isNavigationAllowed(url: string, location: AppLocation): boolean {
  return isAppUrl(url, location) || /^devtools:\/\//i.test(url);
}

/** window.open and target=_blank never create windows; allowed documentation links open in the system browser. */
export function decideWindowOpen(url: string): { openExternally: boolean } {
  return { openExternally: isAllowedExternalUrl(url) };
}

/**
 * Requests the renderer may make: the app's own files, inline data, and in development the
 * dev server (HTTP and its hot-reload WebSocket). No remote content of any kind.
 */
export function isRequestAllowed(url: string, location: AppLocation): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === APP_SCHEME || scheme === 'data' || scheme === 'blob' || scheme === 'devtools') return true;
  if (location.devServerUrl === null) return false;
  if (scheme !== 'http' && scheme !== 'ws') return false;
  const devServer = originOf(location.devServerUrl);
  const requested = originOf(url.replace(/^ws:/i, 'http:'));
  return devServer !== null && requested === devServer;
}

/**
 * Permissions: none, except writing to the clipboard from our own page (navigator.clipboard
 * writeText for "copy as …" actions; Chromium sanitizes what is written and requires a user
 * gesture). Reading the clipboard, camera, notifications, geolocation, HID, … are all refused.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, location: AppLocation): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, location);
}

/** Downloads happen only for files the page itself made (blob:/data: URLs); others are cancelled. */
export function isDownloadAllowed(url: string): boolean {
  return /^(blob|data):/i.test(url);
}

/** The part of Electron's shell module that opens links in the system browser. */
export interface ExternalBrowser {
  openExternal(url: string): Promise<void>;
}

/**
 * Opens a URL in the system browser only if it is an allowed documentation link. The app's
 * only call of shell.openExternal: every link (window.open, target=_blank, the renderer's
 * openExternal request) comes through here.
 */
export async function openExternalSafely(url: string, browser: ExternalBrowser): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  try {
    // Reviewed: the URL passed isAllowedExternalUrl just above. The marker tells electronegativity
    // so, and @preserve keeps it in the built bundle, on the same line as the call.
    /* eng-disable OPEN_EXTERNAL_JS_CHECK @preserve */ await browser.openExternal(url);
    return true;
  } catch {
    return false;
  }
}

export interface HardeningOptions {
  location: AppLocation;
  browser: ExternalBrowser;
}

/** Navigation, new windows and webviews for one webContents (windows, devtools, anything). */
export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const refuseUnlessOwnPage = (event: { preventDefault(): void; url: string }) => {
    if (!isNavigationAllowed(event.url, options.location)) {
      event.preventDefault();
      console.warn(`Stowage blocked navigation to ${event.url}`);
    }
  };
  contents.on('will-frame-navigate', refuseUnlessOwnPage);
  contents.on('will-redirect', refuseUnlessOwnPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) void openExternalSafely(url, options.browser);
    return { action: 'deny' };
  });
}

/** Network, permissions and downloads for the session the app's windows use. */
export function hardenSession(session: Session, options: HardeningOptions): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, options.location);
    if (!allowed) console.warn(`Stowage blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, options.location));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, options.location),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    if (!isDownloadAllowed(item.getURL())) event.preventDefault();
  });
}

/** Applies hardenWebContents to every webContents the app ever creates, including ones we did not ask for. */
export function hardenApp(app: App, options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}
