import { describe, expect, it, vi } from 'vitest';
import { CHECK_INTERVAL_MS, decideUpdates, FIRST_CHECK_DELAY_MS, scheduleUpdateChecks, type Updater } from './updates';

const packaged = { feedUrl: 'https://updates.example.org/stowage/', isPackaged: true, platform: 'darwin' as const, env: {} };

describe('decideUpdates', () => {
  it('checks a packaged app against its https feed', () => {
    expect(decideUpdates(packaged)).toEqual({ check: true, feedUrl: 'https://updates.example.org/stowage/' });
    expect(decideUpdates({ ...packaged, platform: 'win32' }).check).toBe(true);
    expect(decideUpdates({ ...packaged, platform: 'linux', env: { APPIMAGE: '/home/ada/Stowage.AppImage' } }).check).toBe(true);
  });

  it.each([
    ['a build without a feed', { feedUrl: '' }, /no update feed/],
    ['development and tests', { isPackaged: false }, /not a packaged app/],
    ['when turned off', { env: { STOWAGE_DISABLE_UPDATES: '1' } }, /STOWAGE_DISABLE_UPDATES/],
    ['a plain-http feed', { feedUrl: 'http://updates.example.org/' }, /https/],
    ['a feed with credentials', { feedUrl: 'https://user:secret@updates.example.org/' }, /https/],
    ['a feed that is no URL', { feedUrl: 'updates' }, /not a URL/],
    ['a Linux package that is not an AppImage', { platform: 'linux' as const }, /package manager/],
  ])('does not check for %s', (_case, change, reason) => {
    const decision = decideUpdates({ ...packaged, ...change });
    expect(decision.check).toBe(false);
    if (!decision.check) expect(decision.reason).toMatch(reason);
  });
});

describe('scheduleUpdateChecks', () => {
  function fakeUpdater(result: () => Promise<unknown> = () => Promise.resolve(null)): Updater & { feeds: unknown[] } {
    const feeds: unknown[] = [];
    return {
      feeds,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      setFeedURL: (options) => void feeds.push(options),
      checkForUpdatesAndNotify: vi.fn(result),
    };
  }

  function timers() {
    const scheduled: Array<{ run: () => void; ms: number }> = [];
    return { scheduled, setTimer: (run: () => void, ms: number) => void scheduled.push({ run, ms }) };
  }

  it('returns at once, loads nothing and checks nothing until the first delay has passed', () => {
    const loadUpdater = vi.fn(() => Promise.resolve(fakeUpdater()));
    const { scheduled, setTimer } = timers();
    scheduleUpdateChecks({ decision: decideUpdates(packaged), loadUpdater, setTimer, log: () => undefined });
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(scheduled.map((timer) => timer.ms)).toEqual([FIRST_CHECK_DELAY_MS]);
  });

  it('checks the generic feed, then again every few hours, even after a failed check', async () => {
    const updater = fakeUpdater(() => Promise.reject(new Error('offline')));
    const log = vi.fn();
    const { scheduled, setTimer } = timers();
    scheduleUpdateChecks({ decision: decideUpdates(packaged), loadUpdater: () => Promise.resolve(updater), setTimer, log });
    scheduled[0]!.run();
    await vi.waitFor(() => expect(scheduled).toHaveLength(2));
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.org/stowage/' }]);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(log).toHaveBeenCalledWith('Stowage could not check for updates:', expect.any(Error));
    expect(scheduled[1]!.ms).toBe(CHECK_INTERVAL_MS);
    scheduled[1]!.run();
    await vi.waitFor(() => expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(2));
  });

  it('schedules nothing when updates are off, and says why', () => {
    const log = vi.fn();
    const { scheduled, setTimer } = timers();
    scheduleUpdateChecks({ decision: decideUpdates({ ...packaged, feedUrl: '' }), loadUpdater: vi.fn(), setTimer, log });
    expect(scheduled).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/does not check for updates: this build has no update feed/));
  });

  it('survives an updater that cannot even be loaded', async () => {
    const log = vi.fn();
    const { scheduled, setTimer } = timers();
    scheduleUpdateChecks({ decision: decideUpdates(packaged), loadUpdater: () => Promise.reject(new Error('missing')), setTimer, log });
    scheduled[0]!.run();
    await vi.waitFor(() => expect(scheduled).toHaveLength(2));
    expect(log).toHaveBeenCalledWith('Stowage could not check for updates:', expect.any(Error));
  });
});
