import { expect, test } from '@playwright/test';
import { currentDocument, draftWritten, dragFromPalette, openApp, screenshot } from './support';

/**
 * Recovery drafts in the browser build, with real Chromium IndexedDB and Web Locks shared by
 * the tabs of one profile (one Playwright context).
 */

test('a second tab is not offered the first tab’s live work; a tab opened after it closed is', async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  const node = await dragFromPalette(first, 'efs', 300, 200);
  await draftWritten(first, node.id);
  const work = await currentDocument(first);

  // A second tab while the first is open: nothing to recover, and the first keeps its work.
  const second = await context.newPage();
  await openApp(second);
  // begin() gives a held draft a few chances to be released before it counts as live.
  await second.waitForTimeout(3000);
  await expect(second.getByTestId('recover-dialog')).toHaveCount(0);
  await screenshot(second, 'drafts-second-tab');
  expect(await currentDocument(first)).toEqual(work);
  await second.close();

  // The first tab closes without saving (the browser's "Leave" prompt is not shown to scripts).
  await first.close({ runBeforeUnload: false });
  const third = await context.newPage();
  await openApp(third);
  const dialog = third.getByTestId('recover-dialog');
  await expect(dialog).toBeVisible();
  await screenshot(third, 'drafts-recover-after-close');
  await dialog.getByRole('button', { name: 'Recover' }).click();
  expect(await currentDocument(third)).toEqual(work);
  await draftWritten(third, node.id);

  // Recovered work is that tab's own now: another tab is not offered it again.
  const fourth = await context.newPage();
  await openApp(fourth);
  await fourth.waitForTimeout(3000);
  await expect(fourth.getByTestId('recover-dialog')).toHaveCount(0);
});

test('discarding the offered draft deletes it, and only it', async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  const node = await dragFromPalette(first, 'ecs-cluster', 300, 200);
  await draftWritten(first, node.id);
  await first.close({ runBeforeUnload: false });

  const second = await context.newPage();
  await openApp(second);
  await second.getByTestId('recover-dialog').getByRole('button', { name: 'Discard' }).click();
  await expect(second.getByTestId('recover-dialog')).toHaveCount(0);
  await second.close();

  const third = await context.newPage();
  await openApp(third);
  await third.waitForTimeout(3000);
  await expect(third.getByTestId('recover-dialog')).toHaveCount(0);
});
