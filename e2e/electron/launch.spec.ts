import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadDocument, serializeDocument } from '../../shared/document';
import {
  appEnvironment,
  currentDocument,
  electronPath,
  launchStowage,
  mainScript,
  NO_ELECTRON,
  temporaryFolder,
  windowTitles,
} from './support';

/** The .stowage file association: a file given at launch, and one handed to a second launch while Stowage runs. */

test.skip(electronPath === null, NO_ELECTRON);

const userData = temporaryFolder('stowage-e2e-user-');
const documents = temporaryFolder('stowage-e2e-docs-');
test.afterAll(() => {
  userData.remove();
  documents.remove();
});

function exampleFile(name: string, as: string): { path: string; nodes: number } {
  const text = readFileSync(join('examples', name), 'utf8');
  const loaded = loadDocument(text);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const path = join(documents.path, as);
  writeFileSync(path, serializeDocument(loaded.document));
  return { path, nodes: loaded.document.nodes.length };
}

test('a .stowage file opens at launch, and a file opened by a second launch opens in the running window', async () => {
  const first = exampleFile('fargate-web-service.stowage', 'launched.stowage');
  const second = exampleFile('eks-mixed.stowage', 'double-clicked.stowage');
  const { app, page } = await launchStowage(userData.path, [first.path]);
  try {
    await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(first.nodes);
    await expect.poll(() => windowTitles(app)).toEqual([expect.stringContaining('launched.stowage')]);

    // The OS starts Stowage again with another file: that process hands it over and quits.
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(electronPath!, [mainScript, second.path], { env: appEnvironment(userData.path), stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    });
    expect(exitCode).toBe(0);
    await expect.poll(async () => (await currentDocument(page)).nodes.length).toBe(second.nodes);
    await expect.poll(() => windowTitles(app)).toEqual([expect.stringContaining('double-clicked.stowage')]);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
