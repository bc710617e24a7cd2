import { basename, dirname, relative, sep } from 'node:path';

/**
 * What a folder export tells the user when it is refused or fails: which folder, what went
 * wrong, whether anything was left on disk, and what to do next.
 */

/** Why an export was refused or failed, already phrased for the user. */
export class FolderExportError extends Error {
  constructor(
    message: string,
    readonly code: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'FolderExportError';
  }
}

/** A failure while writing, with what was left on disk after cleaning up. */
export class FolderWriteError extends Error {
  constructor(
    /** The folder the export was creating. */
    readonly folder: string,
    /** The file being written or the folder being created when it failed. */
    readonly failedPath: string,
    override readonly cause: unknown,
    /** Paths this export created but could not remove again (empty when cleanup succeeded). */
    readonly leftBehind: readonly string[],
  ) {
    super(`Could not write ${failedPath}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'FolderWriteError';
  }
}

export function folderAlreadyExistsMessage(name: string, parent: string): string {
  return `A folder named “${name}” already exists in ${parent} and is not empty. Choose another place or remove it first.`;
}

/**
 * The message for any failure of writeNewFolder. Every message says whether the export left
 * anything behind. `intendedFolder` names the folder for errors that do not carry it.
 */
export function describeFolderExportError(error: unknown, intendedFolder: string): string {
  if (error instanceof FolderExportError) return error.message;
  const folder = error instanceof FolderWriteError ? error.folder : intendedFolder;
  const name = `“${basename(folder)}”`;
  const parent = dirname(folder);
  if (!(error instanceof FolderWriteError))
    return `Stowage could not export ${name} to ${parent}: ${reason(error)}. Try again, or choose another folder.`;

  const cleanup =
    error.leftBehind.length === 0
      ? ' Nothing from this export was left behind.'
      : ` Stowage could not remove everything it had written; delete ${error.leftBehind.length === 1 && error.leftBehind[0] === folder ? folder : `the partly exported files in ${folder}`} by hand.`;
  if (error.cause instanceof FolderExportError) return `${error.cause.message}${cleanup}`;

  const file = error.failedPath === folder ? name : `“${relative(folder, error.failedPath).split(sep).join('/')}”`;
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Stowage does not have permission to write ${name} in ${parent}. Choose a folder you can write to, or check its permissions.${cleanup}`;
    case 'EROFS':
      return `${parent} is on a read-only disk, so ${name} cannot be exported there. Choose another folder.${cleanup}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `There is not enough disk space to export ${name} to ${parent}. Free some space and try again, or choose another folder.${cleanup}`;
    case 'ENAMETOOLONG':
      return `The path of ${file} would be too long for this disk. Choose a folder with a shorter path.${cleanup}`;
    case 'ENOENT':
    case 'ENOTDIR':
      if (error.failedPath === folder) return `The folder ${parent} no longer exists. Choose another folder.${cleanup}`;
      return `The folder ${folder} was moved or deleted while Stowage was exporting into it. Export again.${cleanup}`;
    default:
      return `Stowage could not write ${file} while exporting ${name} to ${parent}: ${reason(error.cause)}. Try again, or choose another folder.${cleanup}`;
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\.$/, '');
  return String(error);
}
