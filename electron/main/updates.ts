/**
 * Automatic updates (electron-updater, generic provider). The feed URL is fixed at build time
 * (STOWAGE_UPDATE_URL when `npm run build` / `npm run package` runs); a build without one
 * never checks. The check runs well after the window is up and never blocks or fails start-up:
 * a missing network, a bad feed or a broken update are logged and ignored, and a downloaded
 * update installs when the user quits.
 *
 * The decision is a plain function of the build and the environment, so it is unit-tested.
 */

export type UpdateDecision = { check: true; feedUrl: string } | { check: false; reason: string };

export interface UpdateContext {
  /** The URL baked in at build time ('' when none). */
  feedUrl: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
}

export function decideUpdates({ feedUrl, isPackaged, platform, env }: UpdateContext): UpdateDecision {
  if (!feedUrl) return { check: false, reason: 'this build has no update feed (STOWAGE_UPDATE_URL was not set when it was built)' };
  if (!isPackaged) return { check: false, reason: 'not a packaged app (development or tests)' };
  if (env.STOWAGE_DISABLE_UPDATES === '1') return { check: false, reason: 'turned off by STOWAGE_DISABLE_UPDATES=1' };
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    return { check: false, reason: `the update feed ${feedUrl} is not a URL` };
  }
  // Updates are code: they come over TLS or not at all.
  if (url.protocol !== 'https:' || url.username || url.password) {
    return { check: false, reason: `the update feed must be a plain https:// URL, not ${url.protocol}//…` };
  }
  // On Linux only the AppImage can replace itself; .deb installs update through the package manager.
  if (platform === 'linux' && !env.APPIMAGE) return { check: false, reason: 'Linux packages update through the package manager' };
  return { check: true, feedUrl: url.href };
}

/** The parts of electron-updater's autoUpdater the check uses. */
export interface Updater {
  setFeedURL: (options: { provider: 'generic'; url: string }) => void;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdatesAndNotify: () => Promise<unknown>;
}

/** How long after start-up the first check runs, and how often after that. */
export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface UpdateScheduling {
  decision: UpdateDecision;
  /** Loads electron-updater only when a check is due, so start-up never pays for it. */
  loadUpdater: () => Promise<Updater>;
  setTimer: (run: () => void, ms: number) => void;
  log: (message: string, error?: unknown) => void;
}

/** Schedules the checks; returns at once and never throws. */
export function scheduleUpdateChecks({ decision, loadUpdater, setTimer, log }: UpdateScheduling): void {
  if (!decision.check) {
    log(`Stowage does not check for updates: ${decision.reason}.`);
    return;
  }
  const { feedUrl } = decision;
  let updater: Promise<Updater> | null = null;
  const check = async () => {
    try {
      updater ??= loadUpdater().then((loaded) => {
        loaded.setFeedURL({ provider: 'generic', url: feedUrl });
        loaded.autoDownload = true;
        loaded.autoInstallOnAppQuit = true;
        return loaded;
      });
      await (await updater).checkForUpdatesAndNotify();
    } catch (error) {
      updater = null;
      log('Stowage could not check for updates:', error);
    }
  };
  const repeat = () => {
    void check().finally(() => setTimer(repeat, CHECK_INTERVAL_MS));
  };
  setTimer(repeat, FIRST_CHECK_DELAY_MS);
}
