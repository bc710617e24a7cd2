import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offlineRunner, scan } from './electronegativity';

/** The scan in npm test would pass vacuously if the wrapper scanned nothing; it must see a bad window. */
describe('the offline Electronegativity scan', () => {
  const folder = mkdtempSync(join(tmpdir(), 'stowage-scan-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reports an insecure window and an unchecked openExternal', async () => {
    writeFileSync(
      join(folder, 'main.js'),
      [
        "const { BrowserWindow, shell } = require('electron');",
        'const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        "window.webContents.on('will-navigate', (event, url) => shell.openExternal(url));",
      ].join('\n'),
    );
    const problems = await scan(offlineRunner(), 'fixture', folder, '41.0.0');
    const ids = problems.map((problem) => problem.split(' ')[1]);
    expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']));
  });
});
