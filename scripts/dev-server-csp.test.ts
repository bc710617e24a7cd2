import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_SERVER_CONNECT_SOURCES, withDevServerConnectSources } from './dev-server-csp';

const root = join(import.meta.dirname, '..');
const cspOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
const connectSources = (csp: string) => /connect-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];

describe('the renderer Content-Security-Policy', () => {
  const source = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');

  it('in index.html (what builds ship) connects to its own origin only', () => {
    expect(connectSources(cspOf(source))).toEqual(["'self'"]);
    expect(cspOf(source)).not.toMatch(/wss?:/);
  });

  it('while serving, also allows the dev server’s hot-reload socket, and nothing else changes', () => {
    const served = cspOf(withDevServerConnectSources(source));
    expect(connectSources(served)).toEqual(["'self'", ...DEV_SERVER_CONNECT_SOURCES]);
    expect(served.replace(` ${DEV_SERVER_CONNECT_SOURCES.join(' ')}`, '')).toBe(cspOf(source));
  });
});
