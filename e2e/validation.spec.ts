import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadDocument } from '../shared/document';
import {
  connect,
  currentDocument,
  dragFromPalette,
  fitCanvasView,
  mod,
  nodeLocator,
  openApp,
  openProblems,
  replaceDocument,
  screenshot,
  selectedNodeIds,
  zoomCanvasTo,
} from './support';

test('a Fargate service behind a Classic LB is an error on both; the fix clears it and undo brings it back', async ({ page }) => {
  await openApp(page);
  await zoomCanvasTo(page, 0.75);
  const cluster = await dragFromPalette(page, 'ecs-cluster', 520, 260);
  const clusterBox = (await nodeLocator(page, cluster.id).boundingBox())!;
  const canvas = (await page.locator('.react-flow__pane').boundingBox())!;
  const capacity = await dragFromPalette(page, 'ecs-fargate-capacity', clusterBox.x - canvas.x + 160, clusterBox.y - canvas.y + 150);
  const capacityBox = (await nodeLocator(page, capacity.id).boundingBox())!;
  const service = await dragFromPalette(
    page,
    'ecs-service',
    capacityBox.x - canvas.x + capacityBox.width / 2,
    capacityBox.y - canvas.y + capacityBox.height / 2,
  );
  expect(service.parentId).toBe(capacity.id);
  const clb = await dragFromPalette(page, 'clb', 110, 320);
  await connect(page, clb.id, service.id, 'right');

  const problems = page.getByTestId('problems-panel');
  await openProblems(page);
  const row = problems.locator('[data-rule="clb-awsvpc"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText('runs on Fargate');
  await expect(nodeLocator(page, service.id).locator('.stowage-badge--error')).toBeVisible();
  await expect(nodeLocator(page, clb.id).locator('.stowage-badge--error')).toBeVisible();
  await expect(problems.getByTestId('count-error')).not.toHaveText('0');
  await screenshot(page, 'validation-clb-fargate-error');

  // The explanation and the elements: clicking the finding selects both.
  await row.locator('.stowage-problem__message').click();
  await expect(row.locator('.stowage-problem__explanation')).toBeVisible();
  const selected = await selectedNodeIds(page);
  expect(selected).toEqual([service.id, clb.id].sort());

  await row.getByTestId('apply-fix').click();
  await expect(problems.locator('[data-rule="clb-awsvpc"]')).toHaveCount(0);
  await expect(nodeLocator(page, service.id).locator('.stowage-badge')).toHaveCount(0);
  const fixed = await currentDocument(page);
  expect(fixed.nodes.find((node) => node.id === clb.id)?.kind).toBe('alb');
  expect(fixed.edges).toHaveLength(1);
  await screenshot(page, 'validation-fixed');

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(problems.locator('[data-rule="clb-awsvpc"]')).toBeVisible();
  expect((await currentDocument(page)).nodes.find((node) => node.id === clb.id)?.kind).toBe('clb');
});

test('the broken workshop example lists its problems by severity, with documentation links', async ({ page }) => {
  await openApp(page);
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '../examples/workshop-broken.stowage'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  await replaceDocument(page, loaded.document);
  await fitCanvasView(page);
  const problems = page.getByTestId('problems-panel');
  await expect(problems.getByTestId('count-error')).toHaveText('5');
  await openProblems(page);
  await expect(problems.getByTestId('count-warning')).toHaveText('3');
  for (const rule of ['alb-two-az', 'clb-awsvpc', 'efs-cross-region', 'fargate-task-size', 'tg-type-mismatch']) {
    await expect(problems.locator(`[data-rule="${rule}"]`)).toBeVisible();
  }
  await expect(problems.getByRole('heading', { name: 'Errors (5)' })).toBeVisible();
  await expect(problems.getByRole('heading', { name: 'Warnings (3)' })).toBeVisible();
  await screenshot(page, 'validation-workshop-broken');
});
