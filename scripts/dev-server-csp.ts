import type { Plugin } from 'vite';

/**
 * renderer/index.html carries the Content-Security-Policy of the built app, which connects to
 * nothing but its own origin. Only the dev server (`npm run web`, `npm run dev`) needs more:
 * its hot-reload WebSocket. This plugin adds exactly that, and only while serving, so no
 * build (dist-web/, out/renderer/) ever ships the dev server's entries.
 */

export const DEV_SERVER_CONNECT_SOURCES = ['ws://127.0.0.1:*', 'ws://localhost:*'] as const;

/** The policy of an index.html with the dev server's WebSocket allowed in connect-src. */
export function withDevServerConnectSources(html: string): string {
  return html.replace(
    /(http-equiv="Content-Security-Policy"\s+content="[^"]*connect-src [^;"]*)/,
    `$1 ${DEV_SERVER_CONNECT_SOURCES.join(' ')}`,
  );
}

export function devServerCsp(): Plugin {
  return {
    name: 'stowage-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) => withDevServerConnectSources(html),
  };
}
