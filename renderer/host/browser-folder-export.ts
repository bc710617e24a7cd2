import { zipTextFiles, type ZipEntry } from '../../shared/export/zip';
import { OS_METADATA_FILES, type FolderExportFile } from '../../shared/host/folder-export';
import type { FolderHandle, PermissionAwareHandle } from './browser-files';

/**
 * Folder exports (the CDK app) in the browser: written into a folder the user picked through
 * the File System Access API, with the desktop app's rules (never into a folder that has
 * content; on failure, remove exactly what this export created), or, where that API is missing
 * or switched off, delivered as one ZIP whose entries sit under the folder's name.
 */

/** A refusal or failure, already phrased for the user. */
export class BrowserFolderExportError extends Error {
  override name = 'BrowserFolderExportError';
}

/** ZIP entries that unpack into a folder named `folderName`, whatever tool extracts them. */
export function zipEntriesFor(folderName: string, files: readonly FolderExportFile[]): ZipEntry[] {
  return files.map((file) => ({ path: `${folderName}/${file.path}`, content: file.content }));
}

/** The ZIP download for a folder export: its file name and contents. */
export function folderZip(folderName: string, files: readonly FolderExportFile[]): { fileName: string; blob: Blob } {
  // zipTextFiles builds on a plain ArrayBuffer; its type only says ArrayBufferLike.
  const bytes = zipTextFiles(zipEntriesFor(folderName, files)) as Uint8Array<ArrayBuffer>;
  return { fileName: `${folderName}.zip`, blob: new Blob([bytes], { type: 'application/zip' }) };
}

export type WriteFile = (handle: PermissionAwareHandle, data: Blob) => Promise<void>;

/** Something this export created, so it can be removed again: `name` inside `folder`. */
interface CreatedEntry {
  folder: FolderHandle;
  name: string;
}

/**
 * Creates `name` in `parent` (or uses it if it exists and is empty apart from OS metadata
 * files) and writes every file into it, through `writeFile` (which replaces a file only once
 * its content is complete). Throws BrowserFolderExportError with a message for the user.
 */
export async function writeFolderThroughHandle(
  parent: FolderHandle,
  name: string,
  files: readonly FolderExportFile[],
  writeFile: WriteFile,
): Promise<void> {
  const topLevelNames = new Set(files.map((file) => file.path.split('/')[0]!));
  // Someone who made and picked an empty folder already called `name` means "export here".
  const root =
    parent.name === name && (await isEmpty(parent, topLevelNames))
      ? { handle: parent, created: false }
      : await openEmptyFolder(parent, name, topLevelNames);
  // Files and folders in creation order; removed in reverse, so files go before their folders.
  const created: CreatedEntry[] = root.created ? [{ folder: parent, name }] : [];
  const folders = new Map<string, FolderHandle>([['', root.handle]]);

  const folderFor = async (path: string): Promise<FolderHandle> => {
    const known = folders.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const container = await folderFor(slash < 0 ? '' : path.slice(0, slash));
    const segment = path.slice(slash + 1);
    const handle = await container.getDirectoryHandle(segment, { create: true });
    created.push({ folder: container, name: segment });
    folders.set(path, handle);
    return handle;
  };

  try {
    for (const file of files) {
      const slash = file.path.lastIndexOf('/');
      const folder = await folderFor(slash < 0 ? '' : file.path.slice(0, slash));
      const fileName = file.path.slice(slash + 1);
      const handle = await folder.getFileHandle(fileName, { create: true });
      created.push({ folder, name: fileName });
      await writeFile(handle, new Blob([file.content], { type: 'text/plain' }));
    }
  } catch (error) {
    const leftBehind = await removeCreated(created);
    throw new BrowserFolderExportError(
      describeWriteFailure(error, name, parent.name, leftBehind.length === 0 ? 'clean' : root.created ? 'folder' : 'files'),
    );
  }
}

export function writeNotAllowedMessage(parentName: string): string {
  return `The browser did not allow Stowage to write in “${parentName}”. Allow editing when the browser asks, or choose another folder.`;
}

export function folderNotEmptyMessage(name: string, parentName: string): string {
  return `A folder named “${name}” already exists in “${parentName}” and is not empty. Choose another place or remove it first.`;
}

async function openEmptyFolder(
  parent: FolderHandle,
  name: string,
  neededNames: ReadonlySet<string>,
): Promise<{ handle: FolderHandle; created: boolean }> {
  let existing: FolderHandle;
  try {
    existing = await parent.getDirectoryHandle(name);
  } catch (error) {
    const kind = error instanceof DOMException ? error.name : '';
    if (kind === 'TypeMismatchError') {
      throw new BrowserFolderExportError(
        `A file named “${name}” already exists in “${parent.name}”. Choose another place or remove it first.`,
      );
    }
    if (kind !== 'NotFoundError') throw new BrowserFolderExportError(describeWriteFailure(error, name, parent.name, 'clean'));
    try {
      return { handle: await parent.getDirectoryHandle(name, { create: true }), created: true };
    } catch (creationError) {
      throw new BrowserFolderExportError(describeWriteFailure(creationError, name, parent.name, 'clean'));
    }
  }
  if (!(await isEmpty(existing, neededNames))) throw new BrowserFolderExportError(folderNotEmptyMessage(name, parent.name));
  return { handle: existing, created: false };
}

/** Empty apart from OS metadata files the export does not itself need to write. */
async function isEmpty(folder: FolderHandle, neededNames: ReadonlySet<string>): Promise<boolean> {
  for await (const entry of folder.keys()) {
    if (!OS_METADATA_FILES.has(entry) || neededNames.has(entry)) return false;
  }
  return true;
}

/** Removes created entries newest first; a folder is removed only if it is empty. Returns what stayed. */
async function removeCreated(created: readonly CreatedEntry[]): Promise<CreatedEntry[]> {
  const leftBehind: CreatedEntry[] = [];
  for (const entry of [...created].reverse()) {
    try {
      await entry.folder.removeEntry(entry.name);
    } catch (error) {
      // Already gone (the write never created it) is what cleanup wanted anyway.
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) leftBehind.push(entry);
    }
  }
  return leftBehind;
}

/** What cleanup achieved: nothing left, or a folder this export created, or files in a folder that was there before. */
type LeftBehind = 'clean' | 'folder' | 'files';

function describeWriteFailure(error: unknown, name: string, parentName: string, leftBehind: LeftBehind): string {
  const cleanup = {
    clean: ' Nothing from this export was left behind.',
    folder: ` Stowage could not remove everything it had written; delete the folder “${name}” in “${parentName}” by hand.`,
    files: ` Stowage could not remove everything it had written; delete the partly exported files in “${name}” by hand.`,
  }[leftBehind];
  const kind = error instanceof DOMException ? error.name : '';
  switch (kind) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `${writeNotAllowedMessage(parentName)}${cleanup}`;
    case 'QuotaExceededError':
      return `There is not enough disk space to export “${name}” to “${parentName}”. Free some space and try again, or choose another folder.${cleanup}`;
    case 'NotFoundError':
      return `The folder “${parentName}” was moved or deleted while Stowage was exporting into it. Export again.${cleanup}`;
    case 'NoModificationAllowedError':
    case 'InvalidModificationError':
    case 'InvalidStateError':
      return `A file in “${name}” is locked or was changed by another program while exporting. Close it there and export again.${cleanup}`;
    default: {
      const detail = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      return `Stowage could not export “${name}” to “${parentName}”: ${detail}. Try again, or choose another folder.${cleanup}`;
    }
  }
}
