import { expect, test } from '@playwright/test';

test('the app loads in the browser build', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Stowage')).toBeVisible();
});
