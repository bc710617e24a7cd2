import { useSyncExternalStore } from 'react';
import { safeLocalStorage } from '../../host/browser-storage';

/**
 * The app's colour theme: it follows the operating system (prefers-color-scheme) unless the
 * user switched it (View ▸ Dark Mode). Switching back to what the OS shows follows the OS again,
 * so a switch is remembered only while it differs from the system.
 */

export type Theme = 'light' | 'dark';
export const THEME_SETTING = 'stowage.theme';

const settings = safeLocalStorage();
const listeners = new Set<() => void>();
const systemQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function chosen(): Theme | null {
  const value = settings.read(THEME_SETTING);
  return value === 'light' || value === 'dark' ? value : null;
}

export function systemTheme(): Theme {
  return systemQuery?.matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return chosen() ?? systemTheme();
}

export function setTheme(theme: Theme): void {
  if (theme === systemTheme()) settings.remove(THEME_SETTING);
  else settings.write(THEME_SETTING, theme);
  apply();
}

function apply(): void {
  document.documentElement.dataset.theme = currentTheme();
  for (const listener of listeners) listener();
}

/** Sets the page's theme now and whenever the OS changes its own. */
export function startTheme(): void {
  apply();
  systemQuery?.addEventListener('change', apply);
}

export function useTheme(): Theme {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentTheme);
}
