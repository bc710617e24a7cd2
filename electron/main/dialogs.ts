import type { BrowserWindow, Dialog, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { access } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { FILE_EXTENSION } from '../../shared/document/schema';
import type { UnsavedChangesChoice } from '../../shared/host/contract';
import { C0_CONTROLS } from '../../shared/text/unsafe-characters';

/**
 * Native dialogs behind a small interface, so the IPC handlers can be tested with scripted
 * answers. Every dialog is sheet-attached to the main window (modal to it on Windows/Linux).
 */

export type SaveFormat = typeof FILE_EXTENSION | 'svg' | 'png' | 'json' | 'drawio';

export interface Dialogs {
  /** The document the user picked, or null if they cancelled. */
  chooseDocumentToOpen(): Promise<string | null>;
  /** Where to save, with the format's extension ensured; null if cancelled. */
  chooseSaveLocation(request: { suggestedName: string; format: SaveFormat }): Promise<string | null>;
  /** The folder to create an exported folder named `folderName` in; null if cancelled. */
  chooseExportParentFolder(request: { folderName: string }): Promise<string | null>;
  /** The folder the user keeps their own templates in; null if cancelled. */
  chooseTemplatesFolder(): Promise<string | null>;
  confirmUnsavedChanges(documentName: string): Promise<UnsavedChangesChoice>;
}

const FILTERS: Readonly<Record<SaveFormat, { name: string; extensions: string[] }>> = {
  [FILE_EXTENSION]: { name: 'Stowage diagram', extensions: [FILE_EXTENSION] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  png: { name: 'PNG image', extensions: ['png'] },
  json: { name: 'JSON', extensions: ['json'] },
  drawio: { name: 'draw.io diagram', extensions: ['drawio'] },
};

/** Button order Save, Don't Save, Cancel — the platform conventions on macOS, Windows and GNOME. */
const UNSAVED_CHANGES_BUTTONS: readonly UnsavedChangesChoice[] = ['save', 'discard', 'cancel'];

export function unsavedChangesMessageBox(documentName: string): MessageBoxOptions {
  const name = documentName.trim() || 'Untitled';
  return {
    type: 'warning',
    title: 'Unsaved changes',
    message: `Do you want to save the changes you made to “${name}”?`,
    detail: 'Your changes will be lost if you don’t save them.',
    buttons: ['Save', 'Don’t Save', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    // Windows would otherwise turn the buttons into "command links".
    noLink: true,
  };
}

export function unsavedChangesChoice(response: number): UnsavedChangesChoice {
  return UNSAVED_CHANGES_BUTTONS[response] ?? 'cancel';
}

/** "diagram" → "diagram.stowage"; names that already have an extension are kept as typed. */
export function withDefaultExtension(path: string, format: SaveFormat): string {
  return extname(path) === '' ? `${path}.${format}` : path;
}

/** What Windows refuses in a file name, besides the separators `basename` removes. */
const REFUSED_BY_WINDOWS = new RegExp(`[<>:"|?*${C0_CONTROLS}]`, 'g');

/** A file name suggestion made safe for the save dialog: no folders, no characters Windows refuses. */
export function sanitizeSuggestedName(name: string, format: SaveFormat): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(REFUSED_BY_WINDOWS, '-').replace(/^\.+/, '').trim();
  return withDefaultExtension(cleaned === '' ? 'Untitled' : cleaned, format);
}

export function exportParentFolderDialog(folderName: string, defaultPath: string): OpenDialogOptions {
  return {
    title: 'Export CDK app',
    buttonLabel: 'Export Here',
    // Shown by macOS only; elsewhere the title has to do.
    message: `Choose where to create the folder “${folderName}”.`,
    defaultPath,
    properties: ['openDirectory', 'createDirectory'],
  };
}

export function templatesFolderDialog(defaultPath: string): OpenDialogOptions {
  return {
    title: 'Choose your templates folder',
    buttonLabel: 'Use This Folder',
    message: 'The .stowage files in this folder appear in the start screen’s gallery.',
    defaultPath,
    properties: ['openDirectory', 'createDirectory'],
  };
}

export interface NativeDialogOptions {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  getWindow: () => BrowserWindow | null;
  /** Where dialogs start before the user has opened or saved anything (Documents). */
  defaultFolder: () => string;
  exists?: (path: string) => Promise<boolean>;
}

export function createNativeDialogs(options: NativeDialogOptions): Dialogs {
  const exists =
    options.exists ??
    ((path: string) =>
      access(path).then(
        () => true,
        () => false,
      ));
  // Dialogs open where the user last opened or saved a file, like every document app.
  let lastFolder: string | null = null;
  const folder = () => lastFolder ?? options.defaultFolder();
  // Exports go to their own place (a projects or code folder), remembered separately.
  let lastExportParent: string | null = null;

  async function showMessageBox(messageBox: MessageBoxOptions): Promise<number> {
    const window = options.getWindow();
    const { response } = window ? await options.dialog.showMessageBox(window, messageBox) : await options.dialog.showMessageBox(messageBox);
    return response;
  }

  return {
    async chooseDocumentToOpen() {
      const window = options.getWindow();
      const dialogOptions = {
        title: 'Open Diagram',
        defaultPath: folder(),
        filters: [FILTERS[FILE_EXTENSION], { name: 'All files', extensions: ['*'] }],
        properties: ['openFile' as const],
      };
      const result = window
        ? await options.dialog.showOpenDialog(window, dialogOptions)
        : await options.dialog.showOpenDialog(dialogOptions);
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      lastFolder = dirname(path);
      return path;
    },

    async chooseSaveLocation({ suggestedName, format }) {
      const window = options.getWindow();
      const dialogOptions: SaveDialogOptions = {
        title: format === FILE_EXTENSION ? 'Save Diagram' : `Export ${FILTERS[format].name}`,
        defaultPath: join(folder(), sanitizeSuggestedName(suggestedName, format)),
        filters: [FILTERS[format]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = window
        ? await options.dialog.showSaveDialog(window, dialogOptions)
        : await options.dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return null;
      const path = withDefaultExtension(result.filePath, format);
      // Some Linux dialogs do not add the extension; the dialog's overwrite check then covered
      // "diagram", not the "diagram.stowage" we are about to write, so ask again ourselves.
      if (path !== result.filePath && (await exists(path))) {
        const response = await showMessageBox({
          type: 'warning',
          message: `“${basename(path)}” already exists. Do you want to replace it?`,
          detail: `A file with this name already exists in ${dirname(path)}. Replacing it overwrites its contents.`,
          buttons: ['Replace', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          noLink: true,
        });
        if (response !== 0) return null;
      }
      if (format === FILE_EXTENSION) lastFolder = dirname(path);
      return path;
    },

    async chooseExportParentFolder({ folderName }) {
      const window = options.getWindow();
      const dialogOptions = exportParentFolderDialog(folderName, lastExportParent ?? folder());
      const result = window
        ? await options.dialog.showOpenDialog(window, dialogOptions)
        : await options.dialog.showOpenDialog(dialogOptions);
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      lastExportParent = path;
      return path;
    },

    async chooseTemplatesFolder() {
      const window = options.getWindow();
      const dialogOptions = templatesFolderDialog(folder());
      const result = window
        ? await options.dialog.showOpenDialog(window, dialogOptions)
        : await options.dialog.showOpenDialog(dialogOptions);
      return (result.canceled ? undefined : result.filePaths[0]) ?? null;
    },

    async confirmUnsavedChanges(documentName) {
      return unsavedChangesChoice(await showMessageBox(unsavedChangesMessageBox(documentName)));
    },
  };
}
