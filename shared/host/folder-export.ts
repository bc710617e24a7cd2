import { isSafeRelativePath } from '../export/zip';
import { C0_CONTROLS } from '../text/unsafe-characters';

/**
 * Rules for exporting a folder of generated files (the CDK app), shared by the contract that
 * validates the request, the Electron main process that writes it and the browser host. The
 * exported folder is meant to be committed, zipped and opened on any system, so names must
 * work on Windows, macOS and Linux alike, and no two files may land on the same name on a
 * case-insensitive disk.
 */

export const MAX_FOLDER_NAME_LENGTH = 120;
/**
 * Paths inside the folder stay short enough that "<folder>/<path>" is still a valid ZIP entry
 * (isSafeRelativePath allows 512 characters), which is how the browser build delivers them.
 */
export const MAX_FOLDER_FILE_PATH_LENGTH = 512 - MAX_FOLDER_NAME_LENGTH - 1;
export const MAX_FOLDER_EXPORT_FILES = 2000;
/** Total characters of all files; a generated CDK app is well under 1 MB, a diagram SVG included. */
export const MAX_FOLDER_EXPORT_CHARS = 50 * 1024 * 1024;

/**
 * Files that operating systems drop into folders on their own (Finder when a folder is merely
 * viewed, Explorer thumbnails). A folder holding only these still counts as empty.
 */
export const OS_METADATA_FILES: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface FolderExportFile {
  /** Relative, forward slashes, portable names (see isPortableRelativePath). */
  path: string;
  content: string;
}

const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Control characters, and what Windows refuses in names (slashes are separators everywhere).
const UNPORTABLE_CHARACTER = new RegExp(String.raw`[${C0_CONTROLS}\u007f<>:"/\\|?*]`);
const UNPORTABLE_CHARACTERS = new RegExp(`${UNPORTABLE_CHARACTER.source}+`, 'g');

/** One file or folder name that every common file system accepts and keeps as written. */
export function isPortableName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !UNPORTABLE_CHARACTER.test(name) &&
    // Windows silently drops trailing dots and spaces, so "app." and "app" would collide.
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED_NAME.test(name)
  );
}

/** The name of the folder to create: one portable name, short enough to leave room for the files in it. */
export function isPortableFolderName(name: string): boolean {
  return name.length <= MAX_FOLDER_NAME_LENGTH && isPortableName(name);
}

/** A path inside the exported folder: safe (no escape) and portable in every segment. */
export function isPortableRelativePath(path: string): boolean {
  return path.length <= MAX_FOLDER_FILE_PATH_LENGTH && isSafeRelativePath(path) && path.split('/').every(isPortableName);
}

/**
 * Problems with the set of files as a whole, each naming the path it is about: the same name
 * twice (ignoring case, as macOS and Windows do), a path used both as a file and as a folder,
 * and too much content. Individual paths are checked by isPortableRelativePath.
 */
export function folderExportProblems(files: readonly FolderExportFile[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  const filesByKey = new Map<string, string>();
  const folders = new Map<string, string>();
  let totalChars = 0;
  files.forEach((file, index) => {
    totalChars += file.content.length;
    const key = file.path.toLowerCase();
    const earlier = filesByKey.get(key);
    if (earlier !== undefined) {
      problems.push({
        index,
        message: `“${file.path}” is listed twice${earlier === file.path ? '' : ` (as “${earlier}”; names differing only in case collide on macOS and Windows)`}.`,
      });
    } else {
      filesByKey.set(key, file.path);
    }
    const segments = file.path.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join('/');
      if (!folders.has(folder.toLowerCase())) folders.set(folder.toLowerCase(), folder);
    }
  });
  files.forEach((file, index) => {
    const folder = folders.get(file.path.toLowerCase());
    if (folder !== undefined) problems.push({ index, message: `“${file.path}” is a file, but “${folder}” is also needed as a folder.` });
  });
  if (totalChars > MAX_FOLDER_EXPORT_CHARS) {
    problems.push({
      index: -1,
      message: `The files hold ${totalChars} characters in total; at most ${MAX_FOLDER_EXPORT_CHARS} can be exported at once.`,
    });
  }
  return problems;
}

/**
 * A folder name made from any text (an app or diagram name): characters other systems refuse
 * become "-", trailing dots and spaces go, reserved device names get a suffix. Always valid
 * for isPortableFolderName.
 */
export function toPortableFolderName(text: string, fallback = 'stowage-app'): string {
  const name = text
    .normalize('NFC')
    .replace(UNPORTABLE_CHARACTERS, '-')
    .trim()
    .slice(0, MAX_FOLDER_NAME_LENGTH)
    // Cutting may have split an emoji's surrogate pair.
    .replace(/[\ud800-\udbff]$/, '')
    .replace(/[. ]+$/, '');
  const unreserved = WINDOWS_RESERVED_NAME.test(name) ? `${name}-app` : name;
  return isPortableFolderName(unreserved) ? unreserved : fallback;
}
