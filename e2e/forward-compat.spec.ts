import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LIMITS, loadDocument } from '../shared/document';
import { currentDocument, dragFromPalette, mod, nodeLocator, openApp, screenshot } from './support';

/**
 * A file saved by a newer Stowage opens read-only in this one: the newer-version message,
 * placeholders for what it cannot read, every edit refused (canvas, inspector, menus, keys),
 * and Save As writes back exactly what was read.
 */

const example = readFileSync(join(import.meta.dirname, '../examples/fargate-web-service.stowage'), 'utf8');

/** The example as a later Stowage would save it: ECS services gained a field, and there is a kind this version lacks. */
function newerFile(): string {
  const document = JSON.parse(example) as {
    kindVersions?: Record<string, number>;
    nodes: Record<string, unknown>[];
    edges: Record<string, unknown>[];
  } & Record<string, unknown>;
  document.kindVersions = { 'ecs-service': 2 };
  const web = document.nodes.find((node) => node.id === 'web') as { props: Record<string, unknown> };
  web.props.enableExecuteCommand = true;
  document.nodes.push({
    id: 'runner',
    kind: 'apprunner-service',
    label: 'checkout-api',
    parentId: 'region',
    position: { x: 1260, y: 80 },
    size: { width: 260, height: 200 },
    props: { cpu: '1 vCPU', memory: '2 GB', autoDeployments: true },
  });
  document.edges.push({ id: 'e-users-runner', source: 'users', target: 'runner', props: { port: 443 } });
  const { schemaVersion, kindVersions, ...rest } = document;
  return `${JSON.stringify({ schemaVersion, kindVersions, ...rest }, null, 2)}\n`;
}

async function openFile(page: Page, name: string, text: string): Promise<void> {
  const chooserPromise = page.waitForEvent('filechooser');
  await page.keyboard.press(`${mod}+o`);
  const chooser = await chooserPromise;
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function commandEnabled(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    (commandId) =>
      (window as unknown as { __stowage: { commands: { isEnabled(id: string): boolean } } }).__stowage.commands.isEnabled(commandId),
    id,
  );
}

/** A drag sent through CDP without waiting for the page, as a fast real mouse does (bench/canvas/interactions.ts). */
async function fastDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const send = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number) =>
    session.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
  const sent: Promise<unknown>[] = [send('mouseMoved', from.x, from.y), send('mousePressed', from.x, from.y)];
  for (let step = 1; step <= 20; step++) {
    sent.push(send('mouseMoved', from.x + ((to.x - from.x) * step) / 20, from.y + ((to.y - from.y) * step) / 20));
  }
  sent.push(send('mouseReleased', to.x, to.y));
  await Promise.all(sent);
  await session.detach();
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('a file with an extra field and an extra kind opens read-only, refuses edits and is saved back whole', async ({ page }) => {
  const text = newerFile();
  expect(loadDocument(text)).toMatchObject({ ok: true, newer: { schemaVersion: 1 } });
  await openFile(page, 'newer.stowage', text);

  // The newer-version message, naming what is newer and what to do.
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('saved by a newer version of Stowage (schema 1)');
  await expect(banner).toContainText('ECS service version 2');
  await expect(banner).toContainText('1 unknown component kind (apprunner-service)');
  await expect(banner).toContainText('Update Stowage');
  await expect(banner).toContainText('Save As');
  await expect(page).toHaveTitle(/newer\.stowage \(read-only\)/);
  await expect(page.getByTestId('error-dialog')).toHaveCount(0);
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  const opened = await currentDocument(page);
  expect(opened.nodes.map((node) => node.id)).toContain('runner');

  // The unknown kind is a marked placeholder group with its label; selecting it works, editing does not.
  const runner = page.getByTestId('node-runner');
  await expect(runner).toHaveClass(/stowage-placeholder-group/);
  await expect(runner).toContainText('checkout-api');
  await expect(runner).toContainText('Unknown kind apprunner-service');
  await page.getByTestId('read-only-banner').getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('read-only-details')).toContainText('nodes[17].kind');
  await screenshot(page, 'read-only-newer-file');
  await page.getByTestId('read-only-banner').getByRole('button', { name: 'Hide details' }).click();

  await nodeLocator(page, 'runner').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('inspector-placeholder')).toContainText('"autoDeployments": true');
  await screenshot(page, 'read-only-placeholder-inspector');

  // Keys: Delete on the selected placeholder and on a known service refuses with the reason.
  await page.keyboard.press('Delete');
  await expect(page.getByText(/This diagram is read-only: it was saved by a newer version of Stowage/)).toBeVisible();
  await nodeLocator(page, 'web').click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(`${mod}+d`);
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+x`);
  await page.keyboard.press(`${mod}+v`);
  await page.keyboard.press(`${mod}+z`);
  expect(await currentDocument(page)).toEqual(opened);

  // The inspector shows the service's fields, disabled.
  await expect(inspector.getByTestId('inspector-read-only')).toBeVisible();
  await expect(inspector.locator('input[data-field="label"]')).toBeDisabled();
  await expect(inspector.locator('input[data-field="desiredCount"]')).toBeDisabled();

  // Menus and commands: edits off, copy and Save As on.
  for (const id of [
    'edit.delete',
    'edit.duplicate',
    'edit.cut',
    'edit.paste',
    'edit.nudgeLeft',
    'edit.undo',
    'file.save',
    'arrange.alignLeft',
  ])
    expect(await commandEnabled(page, id), id).toBe(false);
  for (const id of ['edit.copy', 'file.saveAs', 'file.export', 'edit.selectAll']) expect(await commandEnabled(page, id), id).toBe(true);
  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('menuitem', { name: /^Delete/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^Copy/ })).toBeEnabled();
  await screenshot(page, 'read-only-edit-menu');
  await page.keyboard.press('Escape');

  // Canvas: a slow drag and a fast one move nothing; the palette adds nothing.
  const box = (await nodeLocator(page, 'web').boundingBox())!;
  const start = { x: box.x + 40, y: box.y + 16 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 200, start.y + 120, { steps: 15 });
  await page.mouse.up();
  await fastDrag(page, start, { x: start.x - 150, y: start.y + 60 });
  const afterDrag = (await nodeLocator(page, 'web').boundingBox())!;
  expect(Math.abs(afterDrag.x - box.x) + Math.abs(afterDrag.y - box.y)).toBeLessThan(1);
  const paletteItem = page.getByTestId('palette-efs');
  await expect(paletteItem).toBeDisabled();
  await paletteItem.dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 300, y: 300 }, force: true });
  await paletteItem.click({ force: true });
  expect(await currentDocument(page)).toEqual(opened);

  // Rules skip what they cannot read, and say so; the CDK export refuses.
  await expect(page.getByTestId('problems-unchecked')).toContainText('1 of 18 components and 1 of 12 connections are not checked');
  await page.keyboard.press(`${mod}+e`);
  await page.getByTestId('export-dialog').getByRole('tab', { name: 'AWS CDK app' }).click();
  await expect(page.getByTestId('cdk-newer-refusal')).toContainText('does not export');
  await expect(page.getByTestId('cdk-export')).toHaveCount(0);
  await screenshot(page, 'read-only-cdk-refused');
  await page.keyboard.press('Escape');

  // Save As writes the file back exactly: the unknown field, kind and versions survive.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('read-only-save-as').click();
  const download = await downloadPromise;
  const saved = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(saved)).toEqual(JSON.parse(text));
  expect(saved).toBe(text);
  // Still read-only after saving: the copy is as newer as the original.
  await expect(banner).toBeVisible();
  expect(await currentDocument(page)).toEqual(opened);
});

test('a newer file format this version can still read opens read-only; one it cannot show is refused', async ({ page }) => {
  const document = JSON.parse(example) as Record<string, unknown>;
  await openFile(page, 'format-2.stowage', JSON.stringify({ ...document, schemaVersion: 2 }));
  await expect(page.getByTestId('read-only-banner')).toContainText('saved by a newer version of Stowage (schema 2)');
  await expect(page.getByTestId('read-only-banner')).toContainText('file format 2');

  await page.keyboard.press(`${mod}+n`);
  await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
  await openFile(page, 'future.stowage', JSON.stringify({ schemaVersion: 99, metadata: { title: '' }, items: {} }));
  await expect(page.getByTestId('error-dialog')).toContainText('newer version of Stowage (schema 99');
  await expect(page.getByTestId('error-dialog')).toContainText('Update Stowage');
});

test('an editable diagram is unaffected, and its text fields take the limits from one place', async ({ page }) => {
  await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('input[data-field="title"]')).toHaveAttribute('maxlength', String(LIMITS.maxTitleLength));
  await expect(inspector.locator('textarea[data-field="description"]')).toHaveAttribute('maxlength', String(LIMITS.maxDescriptionLength));
  await dragFromPalette(page, 'ecs-service', 400, 200);
  await expect(inspector.locator('input[data-field="label"]')).toHaveAttribute('maxlength', String(LIMITS.maxLabelLength));
  await expect(inspector.locator('input[data-field="label"]')).toBeEnabled();
});
