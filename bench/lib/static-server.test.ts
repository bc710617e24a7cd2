import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticServer } from './static-server';

describe('serveDirectory', () => {
  let server: StaticServer;
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'stowage-serve-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<p>home</p>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    server = await serveDirectory(root);
  });
  afterAll(() => server.close());

  it('serves index.html for the root and files with their content type', async () => {
    const home = await fetch(server.url);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toBe('<p>home</p>');
    const script = await fetch(`${server.url}assets/app.js?v=1`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers 404 for missing files and never serves outside its directory', async () => {
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });
});
