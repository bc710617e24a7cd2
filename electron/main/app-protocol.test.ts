import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, CONTENT_SECURITY_POLICY, createAppProtocolHandler, resolveAppAsset } from './app-protocol';
import { useTempFolder } from './fs.test-support';

describe('resolveAppAsset', () => {
  const root = join('/', 'opt', 'Stowage', 'out', 'renderer');

  it('maps app://stowage paths into the renderer folder', () => {
    expect(resolveAppAsset(root, APP_ENTRY_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://stowage/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://stowage/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset(root, 'app://stowage/assets/My%20Font.woff2')).toBe(join(root, 'assets', 'My Font.woff2'));
  });

  it.each([
    'app://stowage/../../../../etc/passwd',
    'app://stowage/%2e%2e/%2e%2e/etc/passwd',
    'app://stowage/assets/..%2f..%2f..%2fetc/passwd',
    'app://stowage/..\\..\\etc\\passwd',
  ])('keeps %s inside the renderer folder', (url) => {
    const resolved = resolveAppAsset(root, url);
    expect(resolved === null || resolved.startsWith(join(root, '/'))).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an encoded separator climb', 'app://stowage/assets%2f..%2f..%2f..%2fsecret'],
    ['a malformed escape', 'app://stowage/%E0%A4%A'],
    ['a NUL byte', 'app://stowage/index.html%00.png'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  const tempFolder = useTempFolder();

  async function handlerWithFiles() {
    const root = await tempFolder();
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Stowage</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    return createAppProtocolHandler({ rendererRoot: root });
  }

  it('serves files with their type and the Content-Security-Policy', async () => {
    const handle = await handlerWithFiles();
    const page = await handle({ url: APP_ENTRY_URL, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Stowage</title>');
    const script = await handle({ url: 'app://stowage/assets/app.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, folders and paths outside the bundle, 405 for writes', async () => {
    const handle = await handlerWithFiles();
    expect((await handle({ url: 'app://stowage/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://stowage/assets', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'app://stowage/%2e%2e/secret', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: APP_ENTRY_URL, method: 'POST' })).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const handle = await handlerWithFiles();
    const response = await handle({ url: APP_ENTRY_URL, method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
  );

  it('allows scripts only from the app’s own origin and refuses everything not listed', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual([APP_ORIGIN]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is at least as strict as the renderer meta tag: no remote hosts, no dev server socket', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});
