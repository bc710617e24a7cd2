import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadDocument } from '../shared/document';
import { mod, openApp, replaceDocument, screenshot } from './support';

function example(name: string) {
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '../examples', name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

test('the CDK export shows the generated files before writing them, then downloads the app', async ({ page }) => {
  await openApp(page);
  await replaceDocument(page, example('fargate-web-service.stowage'));
  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('tab', { name: 'AWS CDK app' }).click();
  await expect(dialog.getByTestId('cdk-refusal')).toHaveCount(0);
  const files = dialog.getByRole('list', { name: 'Generated files' });
  await expect(files.getByRole('button', { name: 'package.json' })).toBeVisible();
  await expect(files.getByRole('button', { name: 'cdk.json' })).toBeVisible();
  await expect(dialog.getByTestId('cdk-file')).toContainText('FargateService');
  await screenshot(page, 'cdk-export-preview');

  const downloadPromise = page.waitForEvent('download');
  await dialog.getByTestId('cdk-export').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const directory = mkdtempSync(join(tmpdir(), 'stowage-cdk-e2e-'));
  const archive = join(directory, 'app.zip');
  writeFileSync(archive, readFileSync(await download.path()));
  const names = execFileSync(
    'python3',
    ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))', archive],
    { encoding: 'utf8' },
  );
  expect(names).toMatch(/\/package\.json/);
  expect(names).toMatch(/\/bin\/.+\.ts/);
  expect(names).toMatch(/\/lib\/.+-stack\.ts/);
  expect(names).toMatch(/\/diagram\.svg/);
});

test('a design with errors is not exported unless the user insists', async ({ page }) => {
  await openApp(page);
  await replaceDocument(page, example('workshop-broken.stowage'));
  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('tab', { name: 'AWS CDK app' }).click();
  const refusal = dialog.getByTestId('cdk-refusal');
  await expect(refusal).toContainText('5 errors');
  await expect(dialog.getByTestId('cdk-export')).toBeDisabled();
  await refusal.getByRole('checkbox').check();
  await expect(dialog.getByTestId('cdk-export')).toBeEnabled();
  await expect(dialog.getByTestId('cdk-file')).toContainText('TODO(stowage)');
  await screenshot(page, 'cdk-export-forced');
});
