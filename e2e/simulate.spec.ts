import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadDocument } from '../shared/document';
import { ARTIFACTS, currentDocument, openApp, replaceDocument, screenshot } from './support';

function example(name: string) {
  const loaded = loadDocument(readFileSync(join(import.meta.dirname, '../examples', name), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.document;
}

/** The running count the chart's legend shows for a series at the cursor (the current minute). */
async function legendValue(page: Page, chart: string, label: string): Promise<number> {
  const row = page.getByTestId(`sim-chart-${chart}`).locator('.u-legend .u-series').filter({ hasText: label });
  return Number(await row.locator('.u-value').innerText());
}

/** The running tasks the card shows ("9 running · 9 desired"). */
async function cardRunning(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(`sim-count-${id}`).innerText();
  return Number(/^(\d+) running/.exec(text)?.[1]);
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await replaceDocument(page, example('fargate-web-service.stowage'));
});

test('playing a spike on the Fargate example raises the task count on the card and in the chart', async ({ page }) => {
  const before = await currentDocument(page);
  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'View' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Simulate Load/ }).click();
  const panel = page.getByTestId('simulate-panel');
  await expect(panel).toBeVisible();
  // The panel takes room from the canvas: fit the diagram into what is left, as a person would.
  await page.getByRole('navigation', { name: 'Application menu' }).getByRole('button', { name: 'View' }).click();
  await page.getByRole('menuitem', { name: /Fit Diagram/ }).click();
  await expect(page.getByTestId('sim-preset')).toHaveValue('spike');
  // Before playing: the diagram's two tasks, on the card and in the chart.
  await expect(page.getByTestId('sim-count-web')).toHaveText('2 running · 2 desired');
  expect(await legendValue(page, 'tasks', 'web running')).toBe(2);
  expect(await page.getByTestId('sim-chart-tasks').locator('canvas').count()).toBe(1);

  await page.getByTestId('sim-play').click();
  await expect(page.getByTestId('sim-play')).toHaveText(/Pause/);
  // The spike starts at minute 20; target tracking adds tasks within a few minutes.
  await expect.poll(() => cardRunning(page, 'web'), { timeout: 20_000 }).toBeGreaterThan(4);
  await page.getByTestId('sim-play').click();
  await expect(page.getByTestId('sim-play')).toHaveText(/Play/);
  const onCard = await cardRunning(page, 'web');
  expect(await legendValue(page, 'tasks', 'web running')).toBe(onCard);
  await screenshot(page, 'simulate-spike-playing');
  // A close-up of the card, zoomed to it (as View ▸ zoom would), for the screenshot.
  await page.evaluate(() =>
    (window as unknown as { __stowage: { canvas: { current: { fitView(ids: string[]): void } } } }).__stowage.canvas.current.fitView([
      'web',
    ]),
  );
  await page.waitForTimeout(400);
  const card = (await page.getByTestId('node-web').boundingBox())!;
  await page.screenshot({
    path: join(ARTIFACTS, 'simulate-spike-card.png'),
    clip: { x: card.x - 20, y: card.y - 20, width: card.width + 40, height: card.height + 40 },
  });

  // Scrub back to the start: two again; step one minute on: the clock moves.
  await page.getByTestId('sim-scrub').fill('0');
  await expect(page.getByTestId('sim-count-web')).toHaveText('2 running · 2 desired');
  await page.getByTestId('sim-step').click();
  await expect(page.getByTestId('sim-clock')).toHaveText(/^00:01 \//);

  // The peak, scrubbed to: more tasks in the chart than at the start, and a cost per hour above the start's.
  await page.getByTestId('sim-scrub').fill('30');
  expect(await legendValue(page, 'tasks', 'web running')).toBeGreaterThan(2);
  await expect(page.getByTestId('sim-cost')).toContainText('Fargate');
  await screenshot(page, 'simulate-spike-peak');

  // An assumption edited: tasks that serve ten times the requests need no more of them at the peak.
  await panel.getByText('Assumptions').click();
  await page.getByTestId('sim-assumption-requestsPerVcpuAtFullCpu').fill('2000');
  await expect(page.getByTestId('sim-count-web')).toHaveText('2 running · 2 desired');

  // Closing the panel takes the counts off the cards; the document never changed.
  await panel.getByRole('button', { name: 'Close the Simulate panel' }).click();
  await expect(page.getByTestId('sim-count-web')).toHaveCount(0);
  expect(await currentDocument(page)).toEqual(before);
});
