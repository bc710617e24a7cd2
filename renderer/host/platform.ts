import type { HostApi } from '../../shared/host/contract';

interface NavigatorWithHints {
  userAgent: string;
  platform?: string;
  userAgentData?: { platform?: string };
}

/** The user's operating system as far as the browser tells it, for shortcut labels (⌘ vs Ctrl). */
export function detectBrowserPlatform(navigatorLike: NavigatorWithHints): HostApi['platform'] {
  const hint = `${navigatorLike.userAgentData?.platform ?? ''} ${navigatorLike.platform ?? ''} ${navigatorLike.userAgent}`;
  if (/mac|iphone|ipad|ipod/i.test(hint)) return 'mac';
  if (/win/i.test(hint)) return 'windows';
  if (/linux|x11|cros/i.test(hint)) return 'linux';
  return 'other';
}
