import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isPortableFolderName, OS_METADATA_FILES, type FolderExportFile } from '../../shared/host/folder-export';
import { writeFileAtomic, type AtomicFileSystem } from './atomic-write';
import { folderAlreadyExistsMessage, FolderExportError, FolderWriteError } from './folder-export-errors';

/**
 * Writes a folder of generated files (the CDK app) as a new folder inside one the user chose.
 * Never merges into or overwrites an existing folder that has content. Every file goes through
 * the atomic writer, so no file is ever half-written under its real name; if anything fails
 * part-way, exactly what this export created is removed again (files, then the folders it made,
 * deepest first, each only if empty) and nothing that was there before is touched.
 */

/** The parts of node:fs/promises the folder writer uses; tests inject failures through it. */
export type FolderFileSystem = AtomicFileSystem & Pick<typeof nodeFs, 'mkdir' | 'rmdir' | 'readdir' | 'lstat'>;

export interface FolderWriteOptions {
  fs?: FolderFileSystem;
  platform?: NodeJS.Platform;
  /** Files written at once; each write syncs to disk, so a few in parallel hide the latency. */
  concurrency?: number;
}

/**
 * Where each file goes, checked to stay strictly inside `folder` however the path is spelled.
 * The contract already refuses unsafe paths; this is the last line before the disk.
 */
export function resolveInside(folder: string, files: readonly FolderExportFile[]): string[] {
  const root = resolve(folder);
  const seen = new Set<string>();
  return files.map((file) => {
    const target = resolve(root, file.path);
    // Inside the folder, and spelled canonically: no "..", ".", empty parts, absolute or drive
    // paths, and no backslashes (a separator on Windows, an ordinary character elsewhere).
    const canonical = relative(root, target).split(sep).join('/') === file.path && !/[\\\0]/.test(file.path);
    if (!target.startsWith(root + sep) || !canonical) {
      throw new FolderExportError(
        `The exported files include “${file.path}”, which is not a plain path inside the folder. Nothing was written. This is a bug; please report it.`,
        'EUNSAFEPATH',
      );
    }
    const key = target.toLowerCase();
    if (seen.has(key)) {
      throw new FolderExportError(
        `The exported files include “${file.path}” twice. Nothing was written. This is a bug; please report it.`,
        'EDUPLICATE',
      );
    }
    seen.add(key);
    return target;
  });
}

/** The folders needed for `targets` below `root`, parents before children, each once. */
export function foldersToCreate(root: string, targets: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const target of targets) {
    const chain: string[] = [];
    for (let folder = dirname(target); folder !== root && folder.startsWith(root + sep); folder = dirname(folder)) chain.unshift(folder);
    for (const folder of chain) folders.add(folder);
  }
  return [...folders].sort((a, b) => a.split(sep).length - b.split(sep).length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The folder to create `name` in, given the folder the user chose. Someone who made and
 * picked an empty folder already called `name` (the dialog offers "New Folder") means "export
 * here", not "<name>/<name>"; any other choice is the parent.
 */
export async function parentFolderFor(chosen: string, name: string, fs: Pick<FolderFileSystem, 'readdir'> = nodeFs): Promise<string> {
  const folder = resolve(chosen);
  if (basename(folder) !== name) return folder;
  const entries = await fs.readdir(folder).catch(() => null);
  return entries !== null && entries.every((entry) => OS_METADATA_FILES.has(entry)) ? dirname(folder) : folder;
}

/**
 * Creates `<parent>/<name>` (or uses it if it exists and is empty) and writes `files` into it.
 * Resolves to the folder's path. Throws FolderExportError when refused before anything was
 * written, FolderWriteError when writing failed (after removing what it created).
 */
export async function writeNewFolder(
  parent: string,
  name: string,
  files: readonly FolderExportFile[],
  options: FolderWriteOptions = {},
): Promise<string> {
  const fs = options.fs ?? nodeFs;
  if (!isPortableFolderName(name)) {
    throw new FolderExportError(
      `“${name}” cannot be used as a folder name. Nothing was written. This is a bug; please report it.`,
      'EBADNAME',
    );
  }
  const parentFolder = resolve(parent);
  const folder = join(parentFolder, name);
  if (dirname(folder) !== parentFolder)
    throw new FolderExportError(`“${name}” is not a plain folder name. Nothing was written.`, 'EBADNAME');
  const targets = resolveInside(folder, files);

  const created: string[] = [];
  try {
    await step(folder, async () => {
      // An OS metadata file may be ignored in an existing folder only if no export file needs its name.
      const ignorable = new Set(
        [...OS_METADATA_FILES].filter((entry) => !targets.some((target) => dirname(target) === folder && basename(target) === entry)),
      );
      if (await createFolder(fs, folder, name, parentFolder, ignorable)) created.push(folder);
    });
    for (const subfolder of foldersToCreate(folder, targets)) {
      await step(subfolder, async () => {
        if (await createFolder(fs, subfolder, basename(subfolder), dirname(subfolder), new Set())) created.push(subfolder);
      });
    }
    await runLimited(
      files.map((file, index) => () => {
        const target = targets[index]!;
        // Recorded before writing: the atomic writer leaves nothing behind when it fails, so a
        // target that does not exist is simply skipped during cleanup.
        created.push(target);
        return step(target, () =>
          writeFileAtomic(target, file.content, { fs, ...(options.platform ? { platform: options.platform } : {}) }),
        );
      }),
      options.concurrency ?? 4,
    );
  } catch (caught) {
    const failure = caught instanceof StepFailure ? caught : { path: folder, error: caught };
    if (failure.error instanceof FolderExportError && created.length === 0) throw failure.error;
    const leftBehind = await removeCreated(fs, created);
    throw new FolderWriteError(folder, failure.path, failure.error, leftBehind);
  }
  return folder;
}

/** A step of the export that failed: the path it was about, and why. */
class StepFailure extends Error {
  constructor(
    readonly path: string,
    readonly error: unknown,
  ) {
    super(`Writing ${path} failed`, { cause: error });
  }
}

/** Runs one step of the export; a failure carries the path it was about. */
async function step(path: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    throw new StepFailure(path, error);
  }
}

/**
 * Makes a folder; true if this call created it. An existing folder is used only when it is
 * empty apart from OS metadata files; anything else at that name is refused.
 */
async function createFolder(
  fs: FolderFileSystem,
  folder: string,
  name: string,
  parent: string,
  ignorable: ReadonlySet<string>,
): Promise<boolean> {
  try {
    await fs.mkdir(folder);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const existing = await fs.lstat(folder);
  if (existing.isSymbolicLink()) {
    throw new FolderExportError(
      `“${name}” in ${parent} is a link to another location, so Stowage will not write into it. Choose another place or remove the link first.`,
      'EEXIST',
    );
  }
  if (!existing.isDirectory()) {
    throw new FolderExportError(`A file named “${name}” already exists in ${parent}. Choose another place or remove it first.`, 'EEXIST');
  }
  const entries = await fs.readdir(folder);
  if (entries.some((entry) => !ignorable.has(entry))) throw new FolderExportError(folderAlreadyExistsMessage(name, parent), 'ENOTEMPTY');
  return false;
}

/** Removes files, then folders deepest first; rmdir only removes empty folders. Returns what stayed. */
async function removeCreated(fs: FolderFileSystem, created: readonly string[]): Promise<string[]> {
  const leftBehind: string[] = [];
  const folders = new Set<string>();
  for (const path of created) {
    const stat = await fs.lstat(path).catch(() => null);
    if (stat === null) continue;
    if (stat.isDirectory()) {
      folders.add(path);
      continue;
    }
    await fs.unlink(path).catch(() => leftBehind.push(path));
  }
  const deepestFirst = [...folders].sort((a, b) => b.split(sep).length - a.split(sep).length);
  for (const folder of deepestFirst) {
    await fs.rmdir(folder).catch(() => leftBehind.push(folder));
  }
  return leftBehind;
}

/**
 * Runs tasks with at most `limit` at a time. After the first failure no new task starts; the
 * running ones are waited for (so cleanup never races a write), then the failure is thrown.
 */
async function runLimited(tasks: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
