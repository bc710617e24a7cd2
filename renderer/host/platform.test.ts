import { describe, expect, it } from 'vitest';
import { detectBrowserPlatform } from './platform';

describe('detectBrowserPlatform', () => {
  it('reads client hints, navigator.platform or the user agent', () => {
    expect(detectBrowserPlatform({ userAgent: '', userAgentData: { platform: 'macOS' } })).toBe('mac');
    expect(detectBrowserPlatform({ userAgent: '', platform: 'Win32' })).toBe('windows');
    expect(detectBrowserPlatform({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' })).toBe('linux');
    expect(detectBrowserPlatform({ userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)' })).toBe('mac');
    expect(detectBrowserPlatform({ userAgent: 'Something else' })).toBe('other');
  });
});
