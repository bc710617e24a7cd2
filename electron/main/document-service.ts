import { basename, join } from 'node:path';
import type { FileRef, OpenResult, SaveResult } from '../../shared/host/contract';
import type { FolderExportFile } from '../../shared/host/folder-export';
import type { AllowedPaths } from './allowed-paths';
import { describeFileError, type FileAction } from './file-errors';
import { readDocumentFile, removeDocumentTemporaries, saveDocumentFile, writeExportFile } from './file-service';
import { parentFolderFor, writeNewFolder } from './folder-export';
import { describeFolderExportError } from './folder-export-errors';
import { toFileRef, type RecentFiles } from './recent-files';

/**
 * Opening, saving and exporting files once a path is known to be one the user chose. Turns
 * every failure into an `error` result with a message for the user; keeps Open Recent and the
 * allowlist up to date. Shared by the IPC handlers, the Open Recent menu and OS open requests.
 */

export interface FileOperations {
  read(path: string): Promise<string>;
  save(path: string, text: string): Promise<void>;
  export(path: string, data: string | Uint8Array): Promise<void>;
  /** Creates `name` with `files` in it, in the folder the user chose; resolves to the new folder's path. */
  exportFolder(chosen: string, name: string, files: readonly FolderExportFile[]): Promise<string>;
  /** Removes what interrupted saves of this document left beside it. */
  removeTemporaries?(path: string): Promise<unknown>;
}

const diskOperations: FileOperations = {
  read: readDocumentFile,
  save: saveDocumentFile,
  export: writeExportFile,
  exportFolder: async (chosen, name, files) => writeNewFolder(await parentFolderFor(chosen, name), name, files),
  removeTemporaries: removeDocumentTemporaries,
};

/** The contract caps messages at 2000 characters; a 4096-character path must not break that. */
const MAX_MESSAGE_LENGTH = 2000;

export function errorResult(message: string): { status: 'error'; message: string } {
  return { status: 'error', message: message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message };
}

export interface DocumentServiceOptions {
  allowed: AllowedPaths;
  recent: RecentFiles;
  files?: FileOperations;
  /** Told about every document opened or saved (the window shows it as its represented file). */
  onDocumentFile?: (file: FileRef) => void;
}

export class DocumentService {
  readonly #files: FileOperations;

  constructor(private readonly options: DocumentServiceOptions) {
    this.#files = options.files ?? diskOperations;
  }

  /** Reads a document the user chose; the path becomes allowed for saving back. */
  async open(path: string): Promise<OpenResult> {
    this.options.allowed.allow(path);
    try {
      const text = await this.#files.read(path);
      const file = toFileRef(path);
      await this.options.recent.add(path);
      this.options.onDocumentFile?.(file);
      // A save of this document killed mid-write (in an earlier run) may have left a temporary file.
      void this.#files.removeTemporaries?.(path).catch(() => undefined);
      return { status: 'opened', file, text };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file that is gone for good should not stay in Open Recent.
      if (code === 'ENOENT' || code === 'ENOTDIR') await this.options.recent.remove(path);
      return this.#failure(error, 'open', path);
    }
  }

  async save(path: string, text: string): Promise<SaveResult> {
    this.options.allowed.allow(path);
    try {
      await this.#files.save(path, text);
    } catch (error) {
      return this.#failure(error, 'save', path);
    }
    const file = toFileRef(path);
    await this.options.recent.add(path);
    this.options.onDocumentFile?.(file);
    return { status: 'saved', file };
  }

  async export(path: string, data: string | Uint8Array): Promise<SaveResult> {
    try {
      await this.#files.export(path, data);
      return { status: 'saved', file: toFileRef(path) };
    } catch (error) {
      return this.#failure(error, 'export', path);
    }
  }

  /** Writes an exported folder (the CDK app) as a new folder `name` in `chosen`, a folder the user picked. */
  async exportFolder(chosen: string, name: string, files: readonly FolderExportFile[]): Promise<SaveResult> {
    try {
      const folder = await this.#files.exportFolder(chosen, name, files);
      return { status: 'saved', file: { path: folder, name: basename(folder) } };
    } catch (error) {
      console.warn(`Stowage could not export the folder ${name} to ${chosen}:`, error);
      return errorResult(describeFolderExportError(error, join(chosen, name)));
    }
  }

  #failure(error: unknown, action: FileAction, path: string): { status: 'error'; message: string } {
    console.warn(`Stowage could not ${action} ${path}:`, error);
    return errorResult(describeFileError(error, action, path));
  }
}
