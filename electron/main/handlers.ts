import { FILE_EXTENSION } from '../../shared/document/schema';
import type { HostRequest } from '../../shared/host/contract';
import type { AllowedPaths } from './allowed-paths';
import type { Dialogs } from './dialogs';
import { errorResult, type DocumentService } from './document-service';
import type { WindowDrafts } from './drafts';
import type { HostHandlers } from './ipc';
import type { RecentFiles } from './recent-files';
import type { TemplatesFolder } from './templates-folder';

/**
 * What each host method does in the desktop app. Plain functions over injected services, so
 * tests drive them with scripted dialogs and a temp folder; ipc.ts has already validated every
 * request by the time it gets here.
 */

export interface WindowControl {
  setState(state: HostRequest<'setWindowState'>): void;
  /** The renderer has settled unsaved changes; really close now. */
  close(): void;
}

export interface HostHandlerDependencies {
  dialogs: Dialogs;
  allowed: AllowedPaths;
  recent: RecentFiles;
  templates: TemplatesFolder;
  drafts: WindowDrafts;
  documents: DocumentService;
  window: WindowControl;
  /** Opens an allowed documentation link in the system browser (openExternalSafely). */
  openLink(url: string): Promise<boolean>;
}

export const NOT_CHOSEN_BY_USER =
  'Stowage can only save over a file you opened or saved in this window. Use Save As… to choose where to save.';
export const NOT_RECENT = 'That file is not in Open Recent any more. Use Open… to choose it.';

export function createHostHandlers(deps: HostHandlerDependencies): HostHandlers {
  return {
    async openDocument() {
      const path = await deps.dialogs.chooseDocumentToOpen();
      if (path === null) return { status: 'canceled' };
      return deps.documents.open(path);
    },

    async openRecent({ path }) {
      if (!deps.allowed.has(path) && !deps.recent.has(path)) return errorResult(NOT_RECENT);
      return deps.documents.open(path);
    },

    async saveDocument({ path, text }) {
      if (!deps.allowed.has(path)) return errorResult(NOT_CHOSEN_BY_USER);
      return deps.documents.save(path, text);
    },

    async saveDocumentAs({ suggestedName, text }) {
      const path = await deps.dialogs.chooseSaveLocation({ suggestedName, format: FILE_EXTENSION });
      if (path === null) return { status: 'canceled' };
      return deps.documents.save(path, text);
    },

    async exportFile({ suggestedName, format, data, encoding }) {
      const bytes = encoding === 'base64' ? decodeBase64(data) : data;
      if (bytes === null) return errorResult('The exported image data was damaged before it could be saved. Please export again.');
      const path = await deps.dialogs.chooseSaveLocation({ suggestedName, format });
      if (path === null) return { status: 'canceled' };
      return deps.documents.export(path, bytes);
    },

    async exportFolder({ suggestedName, files }) {
      const parent = await deps.dialogs.chooseExportParentFolder({ folderName: suggestedName });
      if (parent === null) return { status: 'canceled' };
      return deps.documents.exportFolder(parent, suggestedName, files);
    },

    async listRecent() {
      return deps.recent.list();
    },

    async clearRecent() {
      await deps.recent.clear();
      return null;
    },

    async listOwnTemplates() {
      return deps.templates.list();
    },

    async addOwnTemplates() {
      const folder = await deps.dialogs.chooseTemplatesFolder();
      if (folder === null) return { status: 'canceled' };
      await deps.templates.choose(folder);
      return { status: 'added', templates: await deps.templates.list() };
    },

    // The desktop's templates are the folder's files, which stay the trainer's to delete: only the folder is forgotten.
    async removeOwnTemplate({ name }) {
      if (name === null) await deps.templates.choose(null);
      return deps.templates.list();
    },

    async beginDrafts() {
      return deps.drafts.begin();
    },

    async writeDraft({ text, file }) {
      // The draft's file is offered back after a restart and then becomes saveable again, so
      // only a file this session may save to is recorded; anything else is kept as untitled.
      await deps.drafts.write(text, file !== null && deps.allowed.has(file.path) ? file : null);
      return null;
    },

    async readDraft({ id }) {
      const draft = await deps.drafts.read(id);
      if (draft?.file) deps.allowed.allow(draft.file.path);
      return draft;
    },

    async discardDraft({ id }) {
      await deps.drafts.discard(id);
      return null;
    },

    async clearDraft() {
      await deps.drafts.clear();
      return null;
    },

    async confirmUnsavedChanges({ documentName }) {
      return deps.dialogs.confirmUnsavedChanges(documentName);
    },

    setWindowState(state) {
      deps.window.setState(state);
      return Promise.resolve(null);
    },

    closeWindow() {
      deps.window.close();
      return Promise.resolve(null);
    },

    async openExternal({ url }) {
      return deps.openLink(url);
    },
  };
}

/** Strict base64: Buffer.from silently skips invalid characters, which would write a corrupt image. */
export function decodeBase64(data: string): Uint8Array | null {
  const compact = data.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}
