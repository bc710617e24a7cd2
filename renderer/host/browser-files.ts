/**
 * The browser's ways of reaching files, behind one interface: the File System Access API
 * (Chromium browsers: real open and save-in-place through file handles) and the portable
 * fallback everywhere else (a hidden <input type=file> to open, a download to save).
 *
 * Tests drive the fallback: Playwright can answer an <input type=file> (setInputFiles or the
 * 'filechooser' event) and catch a download, but cannot answer showOpenFilePicker. Chromium
 * has the picker, so the fallback can be forced per page load with the URL query `?fs=legacy`,
 * or persistently with `localStorage.setItem('stowage.fileAccess', 'legacy')` (for example in
 * Playwright's `page.addInitScript`).
 */

/** Forces the <input>/download fallback even where the File System Access API exists. */
export const LEGACY_FILE_ACCESS_QUERY = 'fs=legacy';
export const LEGACY_FILE_ACCESS_STORAGE_KEY = 'stowage.fileAccess';

/** Permission calls of File System Access handles; TypeScript's DOM types do not include them yet. */
export interface PermissionCapable {
  queryPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

/** The File System Access API surface used here; TypeScript's DOM types do not include the pickers yet. */
export interface PermissionAwareHandle extends FileSystemFileHandle, PermissionCapable {}

/**
 * The parts of FileSystemDirectoryHandle a folder export uses. Declared here because the
 * async iteration (keys) is not in the DOM types this project compiles against, and so tests
 * can supply an in-memory folder.
 */
export interface FolderHandle extends PermissionCapable {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FolderHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<PermissionAwareHandle>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  keys(): AsyncIterable<string>;
}

interface FilePickerType {
  description: string;
  accept: Record<string, string[]>;
}

interface PickerWindow {
  showOpenFilePicker?(options: {
    types: FilePickerType[];
    excludeAcceptAllOption?: boolean;
    multiple?: boolean;
    id?: string;
  }): Promise<PermissionAwareHandle[]>;
  showSaveFilePicker?(options: { suggestedName: string; types: FilePickerType[]; id?: string }): Promise<PermissionAwareHandle>;
  showDirectoryPicker?(options: { id?: string; mode?: 'read' | 'readwrite'; startIn?: string }): Promise<FolderHandle>;
}

export interface FileType {
  description: string;
  mimeType: string;
  extension: string;
}

export interface PickedFile {
  file: File;
  /** Present when the file came through the File System Access API and can be saved back to. */
  handle: PermissionAwareHandle | null;
}

export interface BrowserFileAccess {
  /** Whether saves can write to a chosen file; false means saves download instead. */
  canSaveInPlace: () => boolean;
  pickFileToOpen: (type: FileType) => Promise<PickedFile | null>;
  /** A writable file chosen by the user, or null if they cancelled. Only when canSaveInPlace(). */
  pickSaveTarget: (suggestedName: string, type: FileType) => Promise<PermissionAwareHandle | null>;
  /** Whether folders can be picked and written to; false means folder exports download a ZIP. */
  canPickFolder: () => boolean;
  /** A folder chosen by the user for writing into, or null if they cancelled. Only when canPickFolder(). */
  pickFolder: () => Promise<FolderHandle | null>;
  /** Asks for (or confirms) permission to use a remembered handle; false if the user refuses. */
  ensurePermission: (handle: PermissionCapable, mode: 'read' | 'readwrite') => Promise<boolean>;
  write: (handle: PermissionAwareHandle, data: Blob) => Promise<void>;
  download: (fileName: string, data: Blob) => void;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function isLegacyFileAccessForced(windowLike: Pick<Window, 'location' | 'localStorage'> = window): boolean {
  if (windowLike.location.search.slice(1).split('&').includes(LEGACY_FILE_ACCESS_QUERY)) return true;
  try {
    return windowLike.localStorage.getItem(LEGACY_FILE_ACCESS_STORAGE_KEY) === 'legacy';
  } catch {
    return false;
  }
}

function pickerType(type: FileType): FilePickerType {
  return { description: type.description, accept: { [type.mimeType]: [`.${type.extension}`] } };
}

export function createBrowserFileAccess(): BrowserFileAccess {
  const pickers = window as unknown as PickerWindow;
  const modern = () => !isLegacyFileAccessForced();

  return {
    canSaveInPlace: () => modern() && typeof pickers.showSaveFilePicker === 'function',

    async pickFileToOpen(type) {
      if (modern() && typeof pickers.showOpenFilePicker === 'function') {
        try {
          const [handle] = await pickers.showOpenFilePicker({ types: [pickerType(type)], multiple: false, id: 'stowage-documents' });
          return handle ? { file: await handle.getFile(), handle } : null;
        } catch (error) {
          if (isAbort(error)) return null;
          throw error;
        }
      }
      const file = await pickWithInput(`.${type.extension},${type.mimeType},application/json`);
      return file ? { file, handle: null } : null;
    },

    async pickSaveTarget(suggestedName, type) {
      if (typeof pickers.showSaveFilePicker !== 'function') return null;
      try {
        return await pickers.showSaveFilePicker({
          suggestedName,
          types: [pickerType(type)],
          id: type.extension === 'stowage' ? 'stowage-documents' : 'stowage-exports',
        });
      } catch (error) {
        if (isAbort(error)) return null;
        throw error;
      }
    },

    canPickFolder: () => modern() && typeof pickers.showDirectoryPicker === 'function',

    async pickFolder() {
      if (typeof pickers.showDirectoryPicker !== 'function') return null;
      try {
        return await pickers.showDirectoryPicker({ id: 'stowage-folder-exports', mode: 'readwrite' });
      } catch (error) {
        if (isAbort(error)) return null;
        throw error;
      }
    },

    async ensurePermission(handle, mode) {
      if (!handle.queryPermission || !handle.requestPermission) return true;
      if ((await handle.queryPermission({ mode })) === 'granted') return true;
      try {
        return (await handle.requestPermission({ mode })) === 'granted';
      } catch {
        // Asking needs a user gesture; without one the answer is no.
        return false;
      }
    },

    async write(handle, data) {
      // The writable stream writes to a swap file that replaces the file only on close(), so
      // an interrupted save leaves the previous version in place.
      const writable = await handle.createWritable();
      try {
        await writable.write(data);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },

    download(fileName, data) {
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started by now; the URL only needs to outlive this task.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

/** Opens the browser's file chooser through a hidden <input type=file>; null if cancelled. */
function pickWithInput(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    // Fired by current browsers when the chooser is dismissed; older ones leave the promise
    // pending, which is harmless: nothing waits on it but this open.
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}
