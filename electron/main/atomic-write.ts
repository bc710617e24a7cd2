import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Replaces a file so that a crash, a full disk or a permission error at any moment leaves
 * either the complete old file or the complete new one — never a mix. The new bytes go to
 * a temporary file in the same folder (so the final rename stays on one file system and is
 * atomic), are flushed to disk, and only then renamed over the target.
 */

/** The parts of node:fs/promises this module uses; tests inject failures through it. */
export type AtomicFileSystem = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'copyFile' | 'stat' | 'realpath' | 'readFile'>;

export interface AtomicWriteOptions {
  /**
   * Where to keep the previous version (written just as carefully) before replacing it. Given
   * the real destination, so a document saved through a symbolic link is backed up beside
   * the file it points to. The backup is the last version that differs from the new one: a
   * save that changes nothing, or replaces an empty file, leaves the backup as it was.
   */
  backupPathFor?: (destination: string) => string;
  fs?: AtomicFileSystem;
  platform?: NodeJS.Platform;
}

/** Thrown when the previous version could not be backed up; the target is untouched then. */
export class BackupError extends Error {
  constructor(
    readonly backupPath: string,
    override readonly cause: unknown,
  ) {
    super(`Could not write the backup ${backupPath}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BackupError';
  }
}

const pendingWrites = new Map<string, Promise<unknown>>();

/**
 * Writes `data` to `target` atomically. Writes to the same path run one after another, so two
 * quick saves can never interleave their temporary files or backups.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const absolute = resolve(target);
  const previous = pendingWrites.get(absolute) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => replaceFile(absolute, data, options));
  pendingWrites.set(absolute, next);
  void next
    .finally(() => {
      if (pendingWrites.get(absolute) === next) pendingWrites.delete(absolute);
    })
    .catch(() => undefined);
  return next;
}

async function replaceFile(target: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  // Saving through a symbolic link updates the file it points to instead of replacing the link.
  const destination = await fs.realpath(target).catch(() => target);
  const existing = await fs.stat(destination).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing && !existing.isFile()) throw errnoError('EISDIR', `${destination} is not a regular file`);

  const directory = dirname(destination);
  const temporary = temporaryPathFor(destination);
  await writeDurably(fs, temporary, data, existing ? existing.mode & 0o777 : undefined);
  try {
    if (options.backupPathFor && existing && existing.size > 0 && !(await hasContent(fs, destination, existing.size, data))) {
      const backupPath = options.backupPathFor(destination);
      await copyDurably(fs, destination, backupPath).catch((error: unknown) => {
        throw new BackupError(backupPath, error);
      });
    }
    await renameWithRetry(fs, temporary, destination, platform);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, directory, platform);
}

/** Whether the file at `path` (of `size` bytes) already holds exactly `data`. */
async function hasContent(fs: AtomicFileSystem, path: string, size: number, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (bytes.byteLength !== size) return false;
  const current = await fs.readFile(path).catch(() => null);
  return current !== null && Buffer.compare(current, bytes) === 0;
}

/** A hidden sibling of the target, unique per write: `.<name>.<12 hex digits>.tmp`. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${temporaryStem(basename(target))}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Keeps the temporary name under the usual 255-byte limit however long the target's name is. */
function temporaryStem(name: string): string {
  return name.slice(0, 200);
}

const TEMPORARY_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** The (possibly shortened) target name of a temporary file this module made, or null for any other name. */
export function temporaryFileTarget(fileName: string): string | null {
  return TEMPORARY_NAME.exec(fileName)?.[1] ?? null;
}

/**
 * A save that is still running touches its temporary file continuously and renames it within
 * seconds; one untouched for this long was left by a crash or a kill.
 */
export const ORPHAN_TEMPORARY_AGE_MS = 15 * 60 * 1000;

export interface OrphanCleanupOptions {
  /** Only temporaries of these file names (documents and their backups); all of ours when omitted (app-owned folders). */
  targets?: readonly string[];
  now?: number;
  minimumAgeMs?: number;
}

/**
 * Deletes temporary files a crashed write left in `folder`: only names this module makes,
 * only regular files, only ones older than any running write could be. Resolves to the paths
 * deleted; never throws (a folder that is gone or unreadable has nothing to clean).
 */
export async function removeOrphanTemporaries(folder: string, options: OrphanCleanupOptions = {}): Promise<string[]> {
  const stems = options.targets ? new Set(options.targets.map(temporaryStem)) : null;
  const cutoff = (options.now ?? Date.now()) - (options.minimumAgeMs ?? ORPHAN_TEMPORARY_AGE_MS);
  const names = await nodeFs.readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const target = temporaryFileTarget(name);
    if (target === null || (stems !== null && !stems.has(target))) continue;
    const path = join(folder, name);
    try {
      const stat = await nodeFs.lstat(path);
      if (!stat.isFile() || stat.mtimeMs > cutoff) continue;
      await nodeFs.unlink(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to delete.
    }
  }
  return removed;
}

async function writeDurably(fs: AtomicFileSystem, path: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  // 'wx' refuses to follow or reuse anything already at the temporary path.
  const handle = await fs.open(path, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data);
    // Keep the permissions of the file being replaced, independent of the process umask.
    if (mode !== undefined) await handle.chmod(mode).catch(() => undefined);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

async function copyDurably(fs: AtomicFileSystem, source: string, target: string): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await fs.copyFile(source, temporary);
    const handle = await fs.open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * On Windows a rename over a file fails while another program (a virus scanner, a sync client,
 * the search indexer) briefly holds it open; those locks clear within moments, so retry.
 */
async function renameWithRetry(fs: AtomicFileSystem, from: string, to: string, platform: NodeJS.Platform): Promise<void> {
  const transient = new Set(['EPERM', 'EBUSY', 'EACCES']);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (platform !== 'win32' || !transient.has(code) || attempt >= 8) throw error;
      await new Promise((done) => setTimeout(done, 25 * 2 ** Math.min(attempt, 4)));
    }
  }
}

/** Makes the rename itself durable; directories cannot be opened for syncing on Windows. */
async function syncDirectory(fs: AtomicFileSystem, directory: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares, FUSE) refuse to sync directories; the data is already safe.
  }
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
