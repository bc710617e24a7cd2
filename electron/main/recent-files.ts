import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import type { FileRef } from '../../shared/host/contract';
import { pathKey } from './allowed-paths';
import { writeFileAtomic } from './atomic-write';

/**
 * The Open Recent list: most recent first, at most ten, persisted as JSON in userData.
 *
 * Files that are missing right now (a renamed file, an unplugged disk, a disconnected share)
 * are left out of what the menu shows but not forgotten, so they come back when the disk
 * does; opening one that turns out to be gone removes it for good.
 */

export const MAX_RECENT_FILES = 10;

const StoredRecentFiles = z.object({
  version: z.literal(1),
  files: z.array(z.string().min(1).max(4096)).max(100),
});

export interface RecentFilesOptions {
  /** The JSON file the list lives in. */
  storePath: string;
  max?: number;
  platform?: NodeJS.Platform;
  /** Whether a file is there to open; injectable so tests need no real files. */
  exists?: (path: string) => Promise<boolean>;
  /** Mirrors additions into the OS (app.addRecentDocument: Dock menu, Windows jump list). */
  onAdded?: (path: string) => void;
  onCleared?: () => void;
}

export class RecentFiles {
  #paths: string[];
  readonly #listeners = new Set<() => void>();

  private constructor(
    private readonly options: RecentFilesOptions,
    paths: string[],
  ) {
    this.#paths = paths;
  }

  /** Loads the list; an unreadable or corrupt store starts an empty list rather than failing startup. */
  static async load(options: RecentFilesOptions): Promise<RecentFiles> {
    const paths = await readFile(options.storePath, 'utf8')
      .then((text) => StoredRecentFiles.safeParse(JSON.parse(text)))
      .then((parsed) => (parsed.success ? parsed.data.files : []))
      .catch(() => []);
    const recent = new RecentFiles(options, []);
    recent.#paths = recent.#dedupe(paths).slice(0, recent.#max);
    return recent;
  }

  /** Every remembered path, most recent first, including ones that are missing right now. */
  get paths(): readonly string[] {
    return this.#paths;
  }

  has(path: string): boolean {
    const key = this.#key(path);
    return key !== null && this.#paths.some((entry) => this.#key(entry) === key);
  }

  /** The files to offer, most recent first; missing ones are left out. */
  async list(): Promise<FileRef[]> {
    const exists = this.options.exists ?? fileExists;
    const present = await Promise.all(this.#paths.map(async (path) => ((await exists(path)) ? path : null)));
    return present.filter((path): path is string => path !== null).map(toFileRef);
  }

  async add(path: string): Promise<void> {
    if (this.#key(path) === null) return;
    this.#paths = this.#dedupe([path, ...this.#paths]).slice(0, this.#max);
    this.options.onAdded?.(path);
    await this.#changed();
  }

  async remove(path: string): Promise<void> {
    const key = this.#key(path);
    const remaining = this.#paths.filter((entry) => this.#key(entry) !== key);
    if (remaining.length === this.#paths.length) return;
    this.#paths = remaining;
    await this.#changed();
  }

  async clear(): Promise<void> {
    this.#paths = [];
    this.options.onCleared?.();
    await this.#changed();
  }

  /** Called after every change (to rebuild the Open Recent menu); returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get #max(): number {
    return this.options.max ?? MAX_RECENT_FILES;
  }

  #key(path: string): string | null {
    return pathKey(path, this.options.platform ?? process.platform);
  }

  #dedupe(paths: readonly string[]): string[] {
    const seen = new Set<string>();
    return paths.filter((path) => {
      const key = this.#key(path);
      if (key === null || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  async #changed(): Promise<void> {
    for (const listener of this.#listeners) listener();
    try {
      await mkdir(dirname(this.options.storePath), { recursive: true });
      await writeFileAtomic(this.options.storePath, `${JSON.stringify({ version: 1, files: this.#paths }, null, 2)}\n`);
    } catch (error) {
      // The list is a convenience: failing to persist it must not fail the open or save that
      // updated it. This session keeps the list in memory.
      console.warn(`Stowage could not save the recent files list to ${this.options.storePath}:`, error);
    }
  }
}

export function toFileRef(path: string): FileRef {
  return { path, name: basename(path) || path };
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
