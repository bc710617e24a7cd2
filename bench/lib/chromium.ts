import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** The same flags the e2e tests use (playwright.config.ts), so both drive the same browser. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Playwright's own Chromium when it is installed (developer laptops); otherwise Debian's
 * chromium package, since the build machines cannot download browsers.
 */
export function chromiumExecutable(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own here.
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  return undefined;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  try {
    return await chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  } catch (error) {
    const hint = executablePath
      ? `Tried ${executablePath}.`
      : 'Install a browser with `npx playwright install chromium` or the `chromium` system package.';
    throw new Error(`Could not start headless Chromium. ${hint}\n${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
