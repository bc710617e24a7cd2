import { open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { decodeDocumentBytes } from '../../shared/document/decode';
import { LIMITS } from '../../shared/document/schema';
import { removeOrphanTemporaries, writeFileAtomic, type AtomicFileSystem } from './atomic-write';
import { FileAccessError, notTextError, tooLargeError } from './file-errors';

/**
 * Reading and writing the user's documents. Reads are bounded (a 2 GB file must not be pulled
 * into memory just to be refused); writes are atomic and keep the previous version as
 * `<name>.bak` beside the document, so one bad save can always be undone by hand.
 */

/** Where the previous version of a document is kept: `diagram.stowage` → `diagram.stowage.bak`. */
export function backupPathFor(documentPath: string): string {
  return `${documentPath}.bak`;
}

/** Reads a document as UTF-8 text, refusing anything over the size limit before reading it. */
export async function readDocumentFile(path: string, maxBytes: number = LIMITS.maxFileBytes): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (!stat.isFile()) throw new FileAccessError(`${path} is not a regular file. Choose a .stowage file.`, 'ENOTFILE', path);
    if (stat.size > maxBytes) throw tooLargeError(path, stat.size, maxBytes);
    // The size can change between stat and read (a file still being written); read at most one
    // byte past the limit so that case is refused too instead of growing without bound.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw tooLargeError(path, length, maxBytes);
    return decodeText(buffer.subarray(0, length), path);
  } finally {
    await handle.close();
  }
}

/** The one decoder of shared/ (UTF-8, or UTF-16 with its byte order mark), as the CLI and the browser build use. */
function decodeText(bytes: Uint8Array, path: string): string {
  const decoded = decodeDocumentBytes(bytes);
  if (!decoded.ok) throw notTextError(path, decoded.message);
  return decoded.text;
}

/** Saves a document atomically, keeping the previous version beside it. */
export async function saveDocumentFile(path: string, text: string, fs?: AtomicFileSystem): Promise<void> {
  await writeFileAtomic(path, text, { backupPathFor, ...(fs ? { fs } : {}) });
}

/**
 * Deletes what saves of this document that were killed mid-write left beside it: its own
 * temporary files and its backup's, nothing else in the folder.
 */
export function removeDocumentTemporaries(documentPath: string, now?: number): Promise<string[]> {
  return removeOrphanTemporaries(dirname(documentPath), {
    targets: [basename(documentPath), basename(backupPathFor(documentPath))],
    ...(now !== undefined ? { now } : {}),
  });
}

/**
 * At start-up: the temporary files that writes a crash or kill interrupted left behind, in the
 * app's own folders (userData, the recovery drafts) and beside the recent documents.
 */
export async function removeInterruptedWrites(folders: { appFolders: readonly string[]; documents: readonly string[] }): Promise<string[]> {
  const removed = await Promise.all([
    ...folders.appFolders.map((folder) => removeOrphanTemporaries(folder)),
    ...folders.documents.map((path) => removeDocumentTemporaries(path)),
  ]);
  return removed.flat();
}

/** Writes an exported artefact atomically; exports are regenerated at will, so no backup. */
export async function writeExportFile(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, data);
}
