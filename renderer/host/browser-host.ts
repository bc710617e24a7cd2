import { z } from 'zod';
import { FILE_EXTENSION, LIMITS, MEDIA_TYPE } from '../../shared/document/schema';
import { decodeDocumentBytes } from '../../shared/document/decode';
import {
  FileRef,
  HOST_CHANNELS,
  isAllowedExternalUrl,
  MAX_OWN_TEMPLATE_CHARS,
  type HostApi,
  type HostRequest,
  type OpenResult,
  type SaveResult,
  type UnsavedChangesChoice,
} from '../../shared/host/contract';
import { formatWindowTitle } from '../../shared/host/window-title';
import {
  createBrowserFileAccess,
  type BrowserFileAccess,
  type FileType,
  type PermissionAwareHandle,
  type PickedFile,
} from './browser-files';
import { BrowserFolderExportError, folderZip, writeFolderThroughHandle, writeNotAllowedMessage } from './browser-folder-export';
import { BrowserDrafts, heartbeatPageLocks, webPageLocks, type PageLocks } from './browser-drafts';
import { indexedDbStore, safeLocalStorage, type KeyValueStore, type SmallStorage } from './browser-storage';
import { detectBrowserPlatform } from './platform';
import { BrowserTemplates, tooLargeForTemplate } from './browser-templates';

/**
 * The host for `npm run web`: the same HostApi as the desktop app, built on what a browser
 * offers. Browsers have no paths, so a FileRef's `path` is a token this host made up
 * ("browser-file:<id>/<name>") that maps to a FileSystemFileHandle where the browser has the
 * File System Access API; elsewhere, opening uses <input type=file> and saving downloads.
 *
 * Differences from the desktop host, by necessity:
 * - menuCommand, closeRequested and openFile are never emitted (the app shows its own menu bar).
 * - Closing the tab with unsaved changes shows the browser's own "Leave site?" prompt; see
 *   registerUnsavedChangesCheck. closeWindow does nothing: a page cannot close its own tab.
 * - Open Recent lists only files opened or saved through the File System Access API, since
 *   only those can be opened again without the user picking them.
 */

export interface BrowserHostOptions {
  /** The app's own Save / Don't Save / Cancel dialog (browsers have no native one). */
  confirmUnsavedChanges(documentName: string): Promise<UnsavedChangesChoice>;
}

export interface BrowserHostEnvironment {
  files: BrowserFileAccess;
  store: KeyValueStore;
  settings: SmallStorage;
  /** Which tabs are open, for telling a live tab's draft from one left behind. */
  locks: PageLocks;
  setTitle(title: string): void;
  openWindow(url: string): void;
  addBeforeUnloadListener(listener: (event: BeforeUnloadEvent) => void): void;
  platform: HostApi['platform'];
  now(): Date;
  newId(): string;
}

export const RECENT_FILES_KEY = 'stowage.recentFiles';
const MAX_RECENT_FILES = 10;
const TOKEN_PREFIX = 'browser-file:';

const FILE_TYPES = {
  [FILE_EXTENSION]: { description: 'Stowage diagram', mimeType: MEDIA_TYPE, extension: FILE_EXTENSION },
  svg: { description: 'SVG image', mimeType: 'image/svg+xml', extension: 'svg' },
  png: { description: 'PNG image', mimeType: 'image/png', extension: 'png' },
  json: { description: 'JSON', mimeType: 'application/json', extension: 'json' },
  // The media type draw.io registers for its files.
  drawio: { description: 'draw.io diagram', mimeType: 'application/vnd.jgraph.mxfile', extension: 'drawio' },
} as const satisfies Record<string, FileType>;

let unsavedChangesCheck: (() => boolean) | null = null;

/**
 * Lets the app decide whether leaving the page needs the browser's "unsaved changes" prompt.
 * Without a check, the `edited` flag of the last setWindowState decides, as on the desktop.
 * Returns a function that removes the check.
 */
export function registerUnsavedChangesCheck(check: () => boolean): () => void {
  unsavedChangesCheck = check;
  return () => {
    if (unsavedChangesCheck === check) unsavedChangesCheck = null;
  };
}

export function defaultBrowserEnvironment(): BrowserHostEnvironment {
  const settings = safeLocalStorage();
  return {
    files: createBrowserFileAccess(),
    store: indexedDbStore(),
    settings,
    locks: typeof navigator.locks?.request === 'function' ? webPageLocks(navigator.locks) : heartbeatPageLocks(settings, Date.now),
    setTitle: (title) => {
      document.title = title;
    },
    openWindow: (url) => {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    addBeforeUnloadListener: (listener) => window.addEventListener('beforeunload', listener),
    platform: detectBrowserPlatform(navigator),
    now: () => new Date(),
    newId: () =>
      typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
  };
}

/** "diagram" → "diagram.stowage"; keeps a name that already ends in the extension. */
function withExtension(name: string, extension: string): string {
  const trimmed = name.trim() || 'Untitled';
  return trimmed.toLowerCase().endsWith(`.${extension}`) ? trimmed : `${trimmed}.${extension}`;
}

/** The file name part of a browser token, for saving a file this host has no handle for. */
function nameFromPath(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || 'Untitled';
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 10 ? Math.round(megabytes) : Math.round(megabytes * 10) / 10} MB`;
}

function describeBrowserFileError(error: unknown, action: 'open' | 'save' | 'export', name: string): string {
  const kind = error instanceof DOMException ? error.name : '';
  if (kind === 'NotFoundError') return `“${name}” could not be found. It may have been moved, renamed or deleted.`;
  if (kind === 'NotAllowedError' || kind === 'SecurityError') {
    return `The browser did not allow Stowage to ${action} “${name}”. Allow access when the browser asks, or use ${action === 'open' ? 'Open…' : 'Save As…'} to choose the file again.`;
  }
  if (kind === 'QuotaExceededError') return `There is not enough disk space to ${action} “${name}”. Free some space and try again.`;
  if (kind === 'NoModificationAllowedError' || kind === 'InvalidStateError') {
    return `“${name}” is locked or was changed by another program. Try again, or use Save As… to save a copy.`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Stowage could not ${action} “${name}”: ${detail}`;
}

export function createBrowserHost(options: BrowserHostOptions, environment: BrowserHostEnvironment = defaultBrowserEnvironment()): HostApi {
  const { files, store, settings } = environment;
  const drafts = new BrowserDrafts(
    store,
    environment.locks,
    () => environment.newId(),
    () => environment.now(),
  );
  /** Handles of this visit; remembered ones are also in IndexedDB under handleKey(path). */
  const handles = new Map<string, PermissionAwareHandle>();
  const templates = new BrowserTemplates(store);
  let edited = false;

  const handleKey = (path: string) => `handle:${path}`;
  const newPath = (name: string) => `${TOKEN_PREFIX}${environment.newId()}/${name}`;

  environment.addBeforeUnloadListener((event) => {
    if (!(unsavedChangesCheck ? unsavedChangesCheck() : edited)) return;
    // Both forms: preventDefault is the standard, returnValue what older browsers look for.
    event.preventDefault();
    event.returnValue = '';
  });

  function readRecent(): FileRef[] {
    try {
      const parsed = z.array(FileRef).safeParse(JSON.parse(settings.read(RECENT_FILES_KEY) ?? '[]'));
      return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
    } catch {
      return [];
    }
  }

  function writeRecent(list: FileRef[]): void {
    settings.write(RECENT_FILES_KEY, JSON.stringify(list.slice(0, MAX_RECENT_FILES)));
  }

  async function remember(file: FileRef, handle: PermissionAwareHandle): Promise<void> {
    handles.set(file.path, handle);
    writeRecent([file, ...readRecent().filter((entry) => entry.path !== file.path)]);
    // Handles are structured-cloneable into IndexedDB in the browsers that have them.
    await store.set(handleKey(file.path), handle).catch(() => undefined);
  }

  async function forget(path: string): Promise<void> {
    handles.delete(path);
    writeRecent(readRecent().filter((entry) => entry.path !== path));
    await store.delete(handleKey(path)).catch(() => undefined);
  }

  async function handleFor(path: string): Promise<PermissionAwareHandle | null> {
    const known = handles.get(path);
    if (known) return known;
    const stored = await store.get<PermissionAwareHandle>(handleKey(path)).catch(() => undefined);
    if (stored && typeof stored.getFile === 'function') {
      handles.set(path, stored);
      return stored;
    }
    return null;
  }

  /** The file's text, or an error result if it is over the document size limit (checked before reading). */
  async function readBounded(file: File, fileRef: FileRef): Promise<OpenResult> {
    if (file.size > LIMITS.maxFileBytes) {
      return {
        status: 'error',
        message:
          `“${fileRef.name}” is ${formatMegabytes(file.size)}, but Stowage opens diagrams of up to ${formatMegabytes(LIMITS.maxFileBytes)}. ` +
          'Check that this is a Stowage diagram (.stowage).',
      };
    }
    // The one decoder of shared/, as the CLI and the desktop app use (file.text() would turn bad bytes into U+FFFD).
    const decoded = decodeDocumentBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return { status: 'error', message: `“${fileRef.name}” cannot be opened. ${decoded.message}` };
    return { status: 'opened', file: fileRef, text: decoded.text };
  }

  /** Saves to a handle if there is one and in-place saving is on; otherwise downloads. */
  async function writeOut(handle: PermissionAwareHandle | null, fileName: string, blob: Blob): Promise<'written' | 'denied'> {
    if (handle && files.canSaveInPlace()) {
      if (!(await files.ensurePermission(handle, 'readwrite'))) return 'denied';
      await files.write(handle, blob);
    } else {
      files.download(fileName, blob);
    }
    return 'written';
  }

  async function saveAs(suggestedName: string, type: FileType, blob: Blob, rememberAsDocument: boolean): Promise<SaveResult> {
    const fileName = withExtension(suggestedName, type.extension);
    try {
      if (!files.canSaveInPlace()) {
        files.download(fileName, blob);
        return { status: 'saved', file: { path: newPath(fileName), name: fileName } };
      }
      const handle = await files.pickSaveTarget(fileName, type);
      if (!handle) return { status: 'canceled' };
      await files.write(handle, blob);
      const file = { path: newPath(handle.name), name: handle.name };
      if (rememberAsDocument) await remember(file, handle);
      return { status: 'saved', file };
    } catch (error) {
      return { status: 'error', message: describeBrowserFileError(error, rememberAsDocument ? 'save' : 'export', fileName) };
    }
  }

  const documentBlob = (text: string) => new Blob([text], { type: MEDIA_TYPE });

  /** The picker for one .stowage file: the file, a cancel, or why the picker failed. */
  async function pickStowageFile(): Promise<PickedFile | { status: 'canceled' } | { status: 'error'; message: string }> {
    try {
      return (await files.pickFileToOpen(FILE_TYPES[FILE_EXTENSION])) ?? { status: 'canceled' };
    } catch (error) {
      return { status: 'error', message: describeBrowserFileError(error, 'open', 'the file') };
    }
  }

  const methods: Omit<HostApi, 'on' | 'kind' | 'platform'> = {
    async openDocument() {
      const picked = await pickStowageFile();
      if (!('file' in picked)) return picked;
      const name = picked.file.name;
      try {
        const file = { path: newPath(name), name };
        const result = await readBounded(picked.file, file);
        if (result.status === 'opened' && picked.handle) await remember(file, picked.handle);
        return result;
      } catch (error) {
        return { status: 'error', message: describeBrowserFileError(error, 'open', name) };
      }
    },

    async listOwnTemplates() {
      return templates.list();
    },

    async addOwnTemplates() {
      const picked = await pickStowageFile();
      if (!('file' in picked)) return picked;
      const name = picked.file.name;
      try {
        // Sized before it is read: a file of more bytes than a template holds is never loaded whole.
        if (picked.file.size > MAX_OWN_TEMPLATE_CHARS) return { status: 'error', message: tooLargeForTemplate(name) };
        const decoded = decodeDocumentBytes(new Uint8Array(await picked.file.arrayBuffer()));
        if (!decoded.ok) return { status: 'error', message: `“${name}” cannot be added. ${decoded.message}` };
        const refused = await templates.add(name, decoded.text);
        if (refused) return { status: 'error', message: refused };
        return { status: 'added', templates: await templates.list() };
      } catch (error) {
        return { status: 'error', message: describeBrowserFileError(error, 'open', name) };
      }
    },

    async removeOwnTemplate({ name }) {
      if (name !== null) await templates.remove(name);
      return templates.list();
    },

    async openRecent({ path }) {
      const name = readRecent().find((entry) => entry.path === path)?.name ?? nameFromPath(path);
      const handle = await handleFor(path);
      if (!handle) {
        await forget(path);
        return { status: 'error', message: `This browser cannot reopen “${name}” by itself. Use Open… to choose it again.` };
      }
      try {
        if (!(await files.ensurePermission(handle, 'read'))) {
          return {
            status: 'error',
            message: `The browser did not allow Stowage to open “${name}”. Allow access when asked, or use Open… to choose it again.`,
          };
        }
        const file = { path, name };
        const result = await readBounded(await handle.getFile(), file);
        if (result.status === 'opened') await remember(file, handle);
        return result;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'NotFoundError') await forget(path);
        return { status: 'error', message: describeBrowserFileError(error, 'open', name) };
      }
    },

    async saveDocument({ path, text }) {
      const handle = await handleFor(path);
      const name = handle?.name ?? nameFromPath(path);
      try {
        if ((await writeOut(handle, name, documentBlob(text))) === 'denied') {
          return {
            status: 'error',
            message: `The browser did not allow Stowage to save “${name}”. Allow access when asked, or use Save As….`,
          };
        }
        return { status: 'saved', file: { path, name } };
      } catch (error) {
        return { status: 'error', message: describeBrowserFileError(error, 'save', name) };
      }
    },

    async saveDocumentAs({ suggestedName, text }) {
      return saveAs(suggestedName, FILE_TYPES[FILE_EXTENSION], documentBlob(text), true);
    },

    async exportFile({ suggestedName, format, data, encoding }) {
      const type = FILE_TYPES[format];
      let blob: Blob;
      try {
        blob = new Blob([encoding === 'base64' ? base64ToBytes(data) : data], { type: type.mimeType });
      } catch {
        return { status: 'error', message: 'The exported image data was damaged before it could be saved. Please export again.' };
      }
      return saveAs(suggestedName, type, blob, false);
    },

    async exportFolder(request) {
      // The desktop app checks this at the IPC boundary; here nothing else would.
      const parsed = HOST_CHANNELS.exportFolder.request.safeParse(request);
      if (!parsed.success) {
        throw new Error(
          `exportFolder was refused: ${parsed.error.issues
            .slice(0, 5)
            .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
            .join('; ')}`,
        );
      }
      const { suggestedName, files: entries } = parsed.data;
      if (!files.canPickFolder()) {
        try {
          const zip = folderZip(suggestedName, entries);
          files.download(zip.fileName, zip.blob);
          return { status: 'saved', file: { path: suggestedName, name: zip.fileName } };
        } catch (error) {
          return { status: 'error', message: describeBrowserFileError(error, 'export', `${suggestedName}.zip`) };
        }
      }
      let parent;
      try {
        parent = await files.pickFolder();
      } catch (error) {
        return { status: 'error', message: describeBrowserFileError(error, 'export', suggestedName) };
      }
      if (!parent) return { status: 'canceled' };
      if (!(await files.ensurePermission(parent, 'readwrite'))) {
        return { status: 'error', message: writeNotAllowedMessage(parent.name) };
      }
      try {
        await writeFolderThroughHandle(parent, suggestedName, entries, (handle, blob) => files.write(handle, blob));
        return { status: 'saved', file: { path: suggestedName, name: suggestedName } };
      } catch (error) {
        return {
          status: 'error',
          message: error instanceof BrowserFolderExportError ? error.message : describeBrowserFileError(error, 'export', suggestedName),
        };
      }
    },

    listRecent() {
      return Promise.resolve(readRecent());
    },

    async clearRecent() {
      const paths = readRecent().map((entry) => entry.path);
      settings.remove(RECENT_FILES_KEY);
      await Promise.all(paths.map((path) => store.delete(handleKey(path)).catch(() => undefined)));
      return null;
    },

    async beginDrafts() {
      return drafts.begin();
    },

    async writeDraft({ text, file }) {
      await drafts.write(text, file);
      return null;
    },

    async readDraft({ id }) {
      return drafts.readClaimed(id);
    },

    async discardDraft({ id }) {
      await drafts.discard(id);
      return null;
    },

    async clearDraft() {
      await drafts.clear();
      return null;
    },

    async confirmUnsavedChanges({ documentName }) {
      return options.confirmUnsavedChanges(documentName);
    },

    setWindowState(state: HostRequest<'setWindowState'>) {
      edited = state.edited;
      environment.setTitle(formatWindowTitle(state.title, state.edited));
      return Promise.resolve(null);
    },

    closeWindow() {
      return Promise.resolve(null);
    },

    openExternal({ url }) {
      if (!isAllowedExternalUrl(url)) return Promise.resolve(false);
      environment.openWindow(url);
      return Promise.resolve(true);
    },
  };

  return {
    ...methods,
    // The browser never sends host events: no native menu, no window close to intercept, no
    // OS file association. Subscribing is allowed so the app needs no special case.
    on: () => () => undefined,
    kind: 'browser',
    platform: environment.platform,
  };
}

/** Strict base64 → bytes; throws on anything that is not base64. */
export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const compact = data.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new Error('Invalid base64 data');
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
