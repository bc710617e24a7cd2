import type { HostApi } from '../../shared/host/contract';
import { createBrowserHost, type BrowserHostOptions } from './browser-host';
import { createElectronHost } from './electron-host';

/**
 * The renderer's one way to get its host: the desktop bridge when the preload provided one,
 * otherwise the browser implementation. The rest of the app only ever sees HostApi.
 */
export function createHost(options: BrowserHostOptions): HostApi {
  return window.stowageHost ? createElectronHost(window.stowageHost) : createBrowserHost(options);
}

/**
 * Browser only: decides whether closing the tab shows the browser's "Leave site?" prompt. The
 * desktop app needs nothing like it: main already knows from setWindowState.edited and asks
 * the renderer through closeRequested.
 */
export { registerUnsavedChangesCheck, type BrowserHostOptions } from './browser-host';
export { LEGACY_FILE_ACCESS_QUERY, LEGACY_FILE_ACCESS_STORAGE_KEY } from './browser-files';
