import { expect, test, type Page } from '@playwright/test';
import { nodeLocator, openApp, openProblems, screenshot } from './support';

/** Dark mode: it follows the operating system, and View ▸ Dark Mode switches it by hand. */

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test('the app follows the OS colour scheme, and View ▸ Dark Mode switches canvas, panels and dialogs', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, { startScreen: true });
  expect(await theme(page)).toBe('dark');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await screenshot(page, 'dark-mode-start-screen');
  await page.getByTestId('template-09-ecr-and-docker-hub.stowage').click();
  await expect(nodeLocator(page, 'redis')).toBeVisible();
  await nodeLocator(page, 'web').click();
  await openProblems(page);
  await screenshot(page, 'dark-mode');

  // The OS turns light: the app follows; the menu switch then turns dark mode on by hand.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toBe('light');
  await page.getByRole('button', { name: 'View', exact: true }).click();
  const item = page.getByRole('menuitemcheckbox', { name: /Dark Mode/ });
  await expect(item).toHaveAttribute('aria-checked', 'false');
  await item.click();
  await expect.poll(() => theme(page)).toBe('dark');
  // Kept across visits while it differs from the OS.
  await page.reload();
  await expect.poll(() => theme(page)).toBe('dark');
  const background = await page.locator('.stowage-inspector').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toBe('rgb(22, 29, 38)');
});
