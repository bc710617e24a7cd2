import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createNativeDialogs,
  sanitizeSuggestedName,
  unsavedChangesChoice,
  unsavedChangesMessageBox,
  withDefaultExtension,
  type NativeDialogOptions,
} from './dialogs';

function fakeDialog(overrides: Partial<NativeDialogOptions['dialog']> = {}): NativeDialogOptions['dialog'] {
  return {
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    ...overrides,
  };
}

describe('unsaved changes message box', () => {
  it('asks about the named document with Save, Don’t Save and Cancel', () => {
    const options = unsavedChangesMessageBox('diagram.stowage');
    expect(options.message).toBe('Do you want to save the changes you made to “diagram.stowage”?');
    expect(options.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(options.cancelId).toBe(2);
    expect(unsavedChangesMessageBox(' ').message).toContain('“Untitled”');
  });

  it('maps buttons to choices; Escape and anything unexpected cancel', () => {
    expect([0, 1, 2, 3, -1].map(unsavedChangesChoice)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });
});

describe('file names', () => {
  it('adds the extension only when there is none', () => {
    expect(withDefaultExtension('/d/diagram', 'stowage')).toBe('/d/diagram.stowage');
    expect(withDefaultExtension('/d/diagram.stowage', 'stowage')).toBe('/d/diagram.stowage');
    expect(withDefaultExtension('/d/diagram.v2.json', 'stowage')).toBe('/d/diagram.v2.json');
  });

  it('keeps suggested names to a plain file name', () => {
    expect(sanitizeSuggestedName('../../etc/passwd', 'stowage')).toBe('passwd.stowage');
    expect(sanitizeSuggestedName('C:\\Users\\a\\b.svg', 'svg')).toBe('b.svg');
    expect(sanitizeSuggestedName('what? a: "diagram"', 'png')).toBe('what- a- -diagram-.png');
    expect(sanitizeSuggestedName('...', 'stowage')).toBe('Untitled.stowage');
  });
});

describe('createNativeDialogs', () => {
  it('returns the chosen document and starts the next dialog in its folder', async () => {
    const dialog = fakeDialog({
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: false, filePaths: ['/work/designs/a.stowage'] })),
    });
    const dialogs = createNativeDialogs({
      dialog,
      getWindow: () => null,
      defaultFolder: () => '/home/ada/Documents',
      exists: () => Promise.resolve(false),
    });
    expect(await dialogs.chooseDocumentToOpen()).toBe('/work/designs/a.stowage');
    await dialogs.chooseSaveLocation({ suggestedName: 'b', format: 'stowage' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join('/work/designs', 'b.stowage') }));
  });

  it('treats a cancelled dialog as null', async () => {
    const dialogs = createNativeDialogs({ dialog: fakeDialog(), getWindow: () => null, defaultFolder: () => '/docs' });
    expect(await dialogs.chooseDocumentToOpen()).toBeNull();
    expect(await dialogs.chooseSaveLocation({ suggestedName: 'x', format: 'svg' })).toBeNull();
  });

  it('asks before replacing a file the dialog did not warn about because it added no extension', async () => {
    const showMessageBox = vi.fn(() => Promise.resolve({ response: 1, checkboxChecked: false }));
    const dialog = fakeDialog({
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/docs/diagram' })),
      showMessageBox,
    });
    const dialogs = createNativeDialogs({
      dialog,
      getWindow: () => null,
      defaultFolder: () => '/docs',
      exists: (path) => Promise.resolve(path === '/docs/diagram.stowage'),
    });
    expect(await dialogs.chooseSaveLocation({ suggestedName: 'diagram', format: 'stowage' })).toBeNull();
    expect(showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: '“diagram.stowage” already exists. Do you want to replace it?' }),
    );
    showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await dialogs.chooseSaveLocation({ suggestedName: 'diagram', format: 'stowage' })).toBe('/docs/diagram.stowage');
  });

  it('asks for the folder to export into, with its own remembered location', async () => {
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: ['/home/ada/code'] }));
    const dialogs = createNativeDialogs({
      dialog: fakeDialog({ showOpenDialog }),
      getWindow: () => null,
      defaultFolder: () => '/home/ada/Documents',
    });
    expect(await dialogs.chooseExportParentFolder({ folderName: 'payments' })).toBe('/home/ada/code');
    expect(showOpenDialog).toHaveBeenLastCalledWith({
      title: 'Export CDK app',
      buttonLabel: 'Export Here',
      message: 'Choose where to create the folder “payments”.',
      defaultPath: '/home/ada/Documents',
      properties: ['openDirectory', 'createDirectory'],
    });
    await dialogs.chooseExportParentFolder({ folderName: 'payments' });
    expect(showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: '/home/ada/code' }));
    // Documents keep opening where documents were last opened.
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await dialogs.chooseDocumentToOpen();
    expect(showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: '/home/ada/Documents' }));
  });

  it('treats a cancelled export folder dialog as null', async () => {
    const dialogs = createNativeDialogs({ dialog: fakeDialog(), getWindow: () => null, defaultFolder: () => '/docs' });
    expect(await dialogs.chooseExportParentFolder({ folderName: 'x' })).toBeNull();
  });

  it('confirms unsaved changes through a message box', async () => {
    const dialogs = createNativeDialogs({
      dialog: fakeDialog({ showMessageBox: vi.fn(() => Promise.resolve({ response: 1, checkboxChecked: false })) }),
      getWindow: () => null,
      defaultFolder: () => '/docs',
    });
    expect(await dialogs.confirmUnsavedChanges('a.stowage')).toBe('discard');
  });
});
