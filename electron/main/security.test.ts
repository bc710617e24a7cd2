import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  decideWindowOpen,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isDownloadAllowed,
  isNavigationAllowed,
  isPermissionAllowed,
  isRequestAllowed,
  openExternalSafely,
} from './security';

const production = { devServerUrl: null };
const development = { devServerUrl: 'http://localhost:5173/' };

describe('isAppUrl and isNavigationAllowed', () => {
  it('recognises the packaged app and, in development only, the dev server', () => {
    expect(isAppUrl('app://stowage/index.html', production)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', production)).toBe(false);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', development)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', development)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', development)).toBe(false);
  });

  it.each([
    'https://docs.aws.amazon.com/ecs/',
    'http://example.com/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('refuses navigation to %s', (url) => {
    expect(isNavigationAllowed(url, production)).toBe(false);
  });

  it('allows reloading the app and DevTools pages', () => {
    expect(isNavigationAllowed('app://stowage/index.html', production)).toBe(true);
    expect(isNavigationAllowed('devtools://devtools/bundled/devtools_app.html', production)).toBe(true);
  });
});

describe('decideWindowOpen and openExternalSafely', () => {
  it('sends only allowed documentation links to the system browser', async () => {
    expect(decideWindowOpen('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/').openExternally).toBe(true);
    expect(decideWindowOpen('https://evil.example/').openExternally).toBe(false);
    expect(decideWindowOpen('file:///etc/passwd').openExternally).toBe(false);
    const browser = { openExternal: vi.fn(() => Promise.resolve()) };
    expect(await openExternalSafely('https://kubernetes.io/docs/', browser)).toBe(true);
    expect(await openExternalSafely('https://user:pw@kubernetes.io/', browser)).toBe(false);
    expect(await openExternalSafely('smb://share/x', browser)).toBe(false);
    expect(browser.openExternal).toHaveBeenCalledTimes(1);
    expect(await openExternalSafely('https://github.com/', { openExternal: async () => Promise.reject(new Error('no browser')) })).toBe(
      false,
    );
  });
});

describe('isRequestAllowed', () => {
  it('allows the bundle and inline data, never the network', () => {
    expect(isRequestAllowed('app://stowage/assets/index.js', production)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA', production)).toBe(true);
    expect(isRequestAllowed('blob:app://stowage/123', production)).toBe(true);
    expect(isRequestAllowed('https://docs.aws.amazon.com/', production)).toBe(false);
    expect(isRequestAllowed('http://localhost:5173/', production)).toBe(false);
    expect(isRequestAllowed('file:///etc/passwd', production)).toBe(false);
  });

  it('allows the dev server and its hot-reload socket in development', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', development)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/?token=x', development)).toBe(true);
    expect(isRequestAllowed('http://localhost:8080/', development)).toBe(false);
    expect(isRequestAllowed('https://cdn.example/', development)).toBe(false);
  });
});

describe('isPermissionAllowed and isDownloadAllowed', () => {
  it('grants only clipboard writes, and only to the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://stowage/index.html', production)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://stowage', production)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example', production)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'hid', 'unknown']) {
      expect(isPermissionAllowed(permission, 'app://stowage/index.html', production)).toBe(false);
    }
  });

  it('lets the page download only what it generated itself', () => {
    expect(isDownloadAllowed('blob:app://stowage/abc')).toBe(true);
    expect(isDownloadAllowed('https://evil.example/malware.exe')).toBe(false);
  });
});

describe('hardening Electron objects', () => {
  const options = { location: production, browser: { openExternal: vi.fn(() => Promise.resolve()) } };

  it('blocks navigation, redirects, webviews and new windows of a webContents', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: ReturnType<typeof vi.fn> };
    contents.setWindowOpenHandler = vi.fn();
    hardenWebContents(contents as unknown as WebContents, options);

    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    const reload = { url: 'app://stowage/index.html', preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const redirect = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => { action: string };
    expect(openHandler({ url: 'https://docs.aws.amazon.com/ecs/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(options.browser.openExternal).toHaveBeenCalledTimes(1);
    expect(options.browser.openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/ecs/');
  });

  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter();
    hardenApp(app as unknown as App, options);
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
  });

  it('filters requests, permissions and downloads of a session', () => {
    const session = Object.assign(new EventEmitter(), {
      webRequest: { onBeforeRequest: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    });
    hardenSession(session as unknown as Session, options);

    const onBeforeRequest = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const decisions: boolean[] = [];
    onBeforeRequest({ url: 'https://tracker.example/pixel.gif' }, ({ cancel }) => decisions.push(cancel));
    onBeforeRequest({ url: 'app://stowage/index.html' }, ({ cancel }) => decisions.push(cancel));
    expect(decisions).toEqual([true, false]);

    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const granted: boolean[] = [];
    requestHandler({}, 'media', (value) => granted.push(value), { requestingUrl: 'app://stowage/index.html' });
    requestHandler({}, 'clipboard-sanitized-write', (value) => granted.push(value), { requestingUrl: 'app://stowage/index.html' });
    expect(granted).toEqual([false, true]);
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    expect(checkHandler({}, 'geolocation', 'app://stowage')).toBe(false);
    const deviceHandler = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(deviceHandler()).toBe(false);

    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, { getURL: () => 'https://evil.example/x.exe' });
    expect(download.preventDefault).toHaveBeenCalled();
  });
});
