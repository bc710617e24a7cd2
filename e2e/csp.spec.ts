import { expect, test } from '@playwright/test';
import { openApp } from './support';

/** The built web app (dist-web/) as served: its policy allows no dev server and no remote content. */
test('the built page’s Content-Security-Policy connects to its own origin only, and holds', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self';");
  expect(policy).not.toMatch(/wss?:/);

  // An injected script and a connection to elsewhere are refused by the policy.
  const refused = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    const socket = await new Promise<string>((resolve) => {
      try {
        const ws = new WebSocket('ws://127.0.0.1:9/');
        ws.onerror = () => resolve('error');
        ws.onopen = () => resolve('open');
      } catch (error) {
        resolve(error instanceof Error ? error.name : 'thrown');
      }
    });
    return { injected: (window as unknown as { __injected?: boolean }).__injected === true, socket };
  });
  expect(refused.injected).toBe(false);
  expect(refused.socket).not.toBe('open');
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
