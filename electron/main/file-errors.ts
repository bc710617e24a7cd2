import { basename, dirname } from 'node:path';
import { BackupError } from './atomic-write';

/**
 * Turns file-system failures into sentences a user can act on: which file, what went wrong,
 * what to do next. Error codes are Node's (libuv) names, the same on every platform.
 */

export type FileAction = 'open' | 'save' | 'export';

/** A failure already described for the user; handlers pass `message` straight through. */
export class FileAccessError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'FileAccessError';
  }
}

export function tooLargeError(path: string, sizeBytes: number, limitBytes: number): FileAccessError {
  return new FileAccessError(
    `“${basename(path)}” is ${formatMegabytes(sizeBytes)}, but Stowage opens diagrams of up to ${formatMegabytes(limitBytes)}. ` +
      'Check that this is a Stowage diagram (.stowage); a diagram that large would have to be split into smaller ones.',
    'ETOOLARGE',
    path,
  );
}

export function notTextError(path: string, reason?: string): FileAccessError {
  return new FileAccessError(
    reason
      ? `“${basename(path)}” cannot be opened. ${reason}`
      : `“${basename(path)}” is not a text file, so it cannot be a Stowage diagram. Choose a .stowage file.`,
    'ENOTTEXT',
    path,
  );
}

export function describeFileError(error: unknown, action: FileAction, path: string): string {
  if (error instanceof FileAccessError) return error.message;
  const name = `“${basename(path)}”`;
  const folder = dirname(path);
  if (error instanceof BackupError) {
    return (
      `Stowage could not keep a backup of the previous version of ${name} at ${error.backupPath} (${reason(error.cause)}), ` +
      'so it did not save over the file. Move or delete that backup file and save again, or use Save As… to save elsewhere.'
    );
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const unchanged = action === 'save' ? ' Your file on disk is unchanged.' : '';
  const elsewhere = action === 'save' ? 'use Save As… to save it somewhere else' : 'choose another folder';

  if (action === 'open') {
    switch (code) {
      case 'ENOENT':
      case 'ENOTDIR':
        return `${name} could not be found in ${folder}. It may have been moved, renamed or deleted.`;
      case 'EACCES':
      case 'EPERM':
        return `Stowage does not have permission to read ${name} in ${folder}. Check the file's permissions, or copy it to a folder you own and open the copy.`;
      case 'EISDIR':
        return `${name} is a folder, not a Stowage diagram. Choose a .stowage file.`;
      case 'EBUSY':
        return `${name} is locked by another program. Close it there and try again.`;
      default:
        return `Stowage could not open ${path}: ${reason(error)}.`;
    }
  }

  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Stowage does not have permission to write ${name} in ${folder}. Check the permissions of the file and folder, or ${elsewhere}.${unchanged}`;
    case 'EROFS':
      return `${name} is on a read-only disk (${folder}). To keep your changes, ${elsewhere}.${unchanged}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `There is not enough disk space to save ${name} in ${folder}. Free some space and try again, or ${elsewhere}.${unchanged}`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder ${folder} no longer exists, so ${name} cannot be saved there. To keep your changes, ${elsewhere}.`;
    case 'EISDIR':
      return `${path} is a folder, so Stowage cannot save a file there. Choose a file name instead.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${name} is in use by another program. Close it there and save again.${unchanged}`;
    case 'ENAMETOOLONG':
      return `The name or location of ${name} is too long for this disk. Choose a shorter name or folder.`;
    default:
      return `Stowage could not ${action} ${path}: ${reason(error)}. Try again, or ${elsewhere}.${unchanged}`;
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\.$/, '');
  return String(error);
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 10 ? Math.round(megabytes) : Math.round(megabytes * 10) / 10} MB`;
}
