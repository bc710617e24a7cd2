import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/document/schema';
import { HOST_CHANNELS, type HostMethod } from '../../shared/host/contract';
import type { BrowserFileAccess, FolderHandle, PermissionAwareHandle, PickedFile } from './browser-files';
import {
  base64ToBytes,
  createBrowserHost,
  RECENT_FILES_KEY,
  registerUnsavedChangesCheck,
  type BrowserHostEnvironment,
} from './browser-host';
import { webPageLocks } from './browser-drafts';
import { memoryStore, safeLocalStorage } from './browser-storage';
import { FakeLockBroker } from './fake-locks.test-support';
import { MemoryFile, MemoryFolder, writeMemoryFile } from './memory-folder.test-support';
import { objectContaining, stringContaining } from '../../test/matchers';

function fakeHandle(name: string, content = '{}'): PermissionAwareHandle & { written: string[] } {
  const written: string[] = [];
  return {
    kind: 'file',
    name,
    written,
    getFile: vi.fn(() => Promise.resolve(new File([content], name))),
    queryPermission: vi.fn(() => Promise.resolve('granted' as const)),
    requestPermission: vi.fn(() => Promise.resolve('granted' as const)),
  } as unknown as PermissionAwareHandle & { written: string[] };
}

function setup(overrides: Partial<BrowserFileAccess> = {}) {
  const storage = new Map<string, string>();
  const downloads: Array<{ name: string; blob: Blob }> = [];
  const written: Array<{ handle: PermissionAwareHandle; blob: Blob }> = [];
  let picked: PickedFile | null = null;
  let saveTarget: PermissionAwareHandle | null = null;
  let folder: FolderHandle | null = null;
  const unloadListeners: Array<(event: BeforeUnloadEvent) => void> = [];
  const files: BrowserFileAccess = {
    canSaveInPlace: () => true,
    pickFileToOpen: vi.fn(() => Promise.resolve(picked)),
    pickSaveTarget: vi.fn(() => Promise.resolve(saveTarget)),
    canPickFolder: () => true,
    pickFolder: vi.fn(() => Promise.resolve(folder)),
    ensurePermission: vi.fn(() => Promise.resolve(true)),
    write: vi.fn<BrowserFileAccess['write']>(async (handle, blob) => {
      written.push({ handle, blob });
      if ((handle as unknown) instanceof MemoryFile) await writeMemoryFile(handle, blob);
    }),
    download: vi.fn<BrowserFileAccess['download']>((name, blob) => {
      downloads.push({ name, blob });
    }),
    ...overrides,
  };
  let titles: string[] = [];
  const opened: string[] = [];
  let counter = 0;
  const locks = new FakeLockBroker();
  const tab = locks.tab();
  const environment: BrowserHostEnvironment = {
    files,
    store: memoryStore(),
    locks: webPageLocks(tab.locks),
    settings: safeLocalStorage(
      () =>
        ({
          getItem: (key: string) => storage.get(key) ?? null,
          setItem: (key: string, value: string) => void storage.set(key, value),
          removeItem: (key: string) => void storage.delete(key),
        }) as Storage,
    ),
    setTitle: (title) => {
      titles = [...titles, title];
    },
    openWindow: (url) => opened.push(url),
    addBeforeUnloadListener: (listener) => unloadListeners.push(listener),
    platform: 'linux',
    now: () => new Date('2025-05-06T07:08:09.000Z'),
    newId: () => `id${++counter}`,
  };
  const confirmUnsavedChanges = vi.fn(() => Promise.resolve('discard' as const));
  const host = createBrowserHost({ confirmUnsavedChanges }, environment);
  return {
    host,
    files,
    environment,
    locks,
    tab,
    storage,
    downloads,
    written,
    opened,
    titles: () => titles,
    confirmUnsavedChanges,
    pick: (file: PickedFile | null) => {
      picked = file;
    },
    saveTo: (handle: PermissionAwareHandle | null) => {
      saveTarget = handle;
    },
    pickFolder: (handle: FolderHandle | null) => {
      folder = handle;
    },
    unload: () => {
      const event = { preventDefault: vi.fn(), returnValue: undefined as unknown } as unknown as BeforeUnloadEvent & {
        preventDefault: ReturnType<typeof vi.fn>;
      };
      for (const listener of unloadListeners) listener(event);
      return event.preventDefault.mock.calls.length > 0;
    },
  };
}

/** Every answer of the browser host must satisfy the same contract the desktop host is checked against. */
function expectValid<M extends HostMethod>(method: M, value: unknown) {
  const parsed = HOST_CHANNELS[method].response.safeParse(value);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return value;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('browser host: opening', () => {
  it('opens a picked file with a handle and lists it in Open Recent', async () => {
    const { host, pick } = setup();
    const handle = fakeHandle('a.stowage', '{"schemaVersion":1}');
    pick({ file: new File(['{"schemaVersion":1}'], 'a.stowage'), handle });
    const result = expectValid('openDocument', await host.openDocument({}));
    expect(result).toEqual({
      status: 'opened',
      file: { path: 'browser-file:id1/a.stowage', name: 'a.stowage' },
      text: '{"schemaVersion":1}',
    });
    expect(expectValid('listRecent', await host.listRecent({}))).toEqual([{ path: 'browser-file:id1/a.stowage', name: 'a.stowage' }]);
  });

  it('opens a file from <input type=file> without adding it to Open Recent', async () => {
    const { host, pick } = setup();
    pick({ file: new File(['{}'], 'b.stowage'), handle: null });
    expect(await host.openDocument({})).toMatchObject({ status: 'opened', file: { name: 'b.stowage' } });
    expect(await host.listRecent({})).toEqual([]);
  });

  it('reports a cancelled picker', async () => {
    const { host } = setup();
    expect(await host.openDocument({})).toEqual({ status: 'canceled' });
  });

  it('reads a trainer’s own template with the one decoder: UTF-16 with its BOM is added as text, bad bytes are refused', async () => {
    const { host, pick } = setup();
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('{}', (c) => [c.charCodeAt(0), 0]).flat()]);
    pick({ file: new File([utf16], 'lab.stowage'), handle: null });
    expect(await host.addOwnTemplates({})).toMatchObject({ status: 'added', templates: { files: [{ name: 'lab.stowage', text: '{}' }] } });
    pick({ file: new File([new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])], 'bad.stowage'), handle: null });
    expect(await host.addOwnTemplates({})).toEqual({ status: 'error', message: stringContaining('“bad.stowage” cannot be added.') });
  });

  it('refuses files over the document limit without reading them', async () => {
    const { host, pick } = setup();
    const text = vi.fn();
    pick({ file: { name: 'huge.stowage', size: LIMITS.maxFileBytes + 1, text } as unknown as File, handle: null });
    const result = expectValid('openDocument', await host.openDocument({}));
    expect(result).toEqual({
      status: 'error',
      message: stringContaining('“huge.stowage” is 20 MB, but Stowage opens diagrams of up to 20 MB'),
    });
    expect(text).not.toHaveBeenCalled();
  });

  it('reopens a recent file through its remembered handle, asking for permission', async () => {
    const { host, pick, files } = setup();
    const handle = fakeHandle('a.stowage', 'content');
    pick({ file: new File(['content'], 'a.stowage'), handle });
    const first = await host.openDocument({});
    if (first.status !== 'opened') throw new Error('expected open');
    expect(expectValid('openRecent', await host.openRecent({ path: first.file.path }))).toEqual({
      status: 'opened',
      file: first.file,
      text: 'content',
    });
    expect(files.ensurePermission).toHaveBeenCalledWith(handle, 'read');
  });

  it('explains and forgets a recent file it cannot reopen', async () => {
    const { host, storage } = setup();
    storage.set(RECENT_FILES_KEY, JSON.stringify([{ path: 'browser-file:old/x.stowage', name: 'x.stowage' }]));
    expect(await host.openRecent({ path: 'browser-file:old/x.stowage' })).toEqual({
      status: 'error',
      message: 'This browser cannot reopen “x.stowage” by itself. Use Open… to choose it again.',
    });
    expect(await host.listRecent({})).toEqual([]);
  });

  it('forgets a recent file that was deleted', async () => {
    const { host, pick } = setup();
    const handle = fakeHandle('gone.stowage');
    pick({ file: new File(['{}'], 'gone.stowage'), handle });
    const first = await host.openDocument({});
    if (first.status !== 'opened') throw new Error('expected open');
    vi.mocked(handle).getFile.mockRejectedValue(new DOMException('gone', 'NotFoundError'));
    expect(await host.openRecent({ path: first.file.path })).toEqual({
      status: 'error',
      message: stringContaining('could not be found'),
    });
    expect(await host.listRecent({})).toEqual([]);
  });

  it('reports refused permission for a recent file', async () => {
    const { host, pick, files } = setup();
    pick({ file: new File(['{}'], 'a.stowage'), handle: fakeHandle('a.stowage') });
    const first = await host.openDocument({});
    if (first.status !== 'opened') throw new Error('expected open');
    vi.mocked(files.ensurePermission).mockResolvedValue(false);
    expect(await host.openRecent({ path: first.file.path })).toMatchObject({
      status: 'error',
      message: stringContaining('did not allow'),
    });
  });

  it('ignores a corrupt recent list', async () => {
    const { host, storage } = setup();
    storage.set(RECENT_FILES_KEY, '{not json');
    expect(await host.listRecent({})).toEqual([]);
  });
});

describe('browser host: saving', () => {
  it('saves in place to the handle a document was opened from', async () => {
    const { host, pick, written, downloads } = setup();
    const handle = fakeHandle('a.stowage');
    pick({ file: new File(['{}'], 'a.stowage'), handle });
    const opened = await host.openDocument({});
    if (opened.status !== 'opened') throw new Error('expected open');
    expect(expectValid('saveDocument', await host.saveDocument({ path: opened.file.path, text: 'v2' }))).toEqual({
      status: 'saved',
      file: opened.file,
    });
    expect(written).toHaveLength(1);
    expect(await written[0]!.blob.text()).toBe('v2');
    expect(written[0]!.blob.type).toBe('application/vnd.stowage+json');
    expect(downloads).toEqual([]);
  });

  it('downloads when there is no handle or in-place saving is off', async () => {
    const { host, downloads } = setup({ canSaveInPlace: () => false });
    const result = await host.saveDocument({ path: 'browser-file:id9/plan.stowage', text: 'text' });
    expect(result).toEqual({ status: 'saved', file: { path: 'browser-file:id9/plan.stowage', name: 'plan.stowage' } });
    expect(downloads.map((download) => download.name)).toEqual(['plan.stowage']);
    expect(await downloads[0]!.blob.text()).toBe('text');
  });

  it('reports a refused write permission', async () => {
    const { host, pick, files } = setup();
    pick({ file: new File(['{}'], 'a.stowage'), handle: fakeHandle('a.stowage') });
    const opened = await host.openDocument({});
    if (opened.status !== 'opened') throw new Error('expected open');
    vi.mocked(files.ensurePermission).mockResolvedValue(false);
    expect(await host.saveDocument({ path: opened.file.path, text: 'x' })).toMatchObject({
      status: 'error',
      message: stringContaining('did not allow Stowage to save “a.stowage”'),
    });
  });

  it('reports a failed write with advice', async () => {
    const { host, pick } = setup({ write: vi.fn(async () => Promise.reject(new DOMException('full', 'QuotaExceededError'))) });
    pick({ file: new File(['{}'], 'a.stowage'), handle: fakeHandle('a.stowage') });
    const opened = await host.openDocument({});
    if (opened.status !== 'opened') throw new Error('expected open');
    expect(await host.saveDocument({ path: opened.file.path, text: 'x' })).toEqual({
      status: 'error',
      message: 'There is not enough disk space to save “a.stowage”. Free some space and try again.',
    });
  });

  it('saves as through the save picker and remembers the new file', async () => {
    const { host, saveTo, files } = setup();
    saveTo(fakeHandle('chosen.stowage'));
    const result = expectValid('saveDocumentAs', await host.saveDocumentAs({ suggestedName: 'Untitled', text: '{}' }));
    expect(result).toEqual({ status: 'saved', file: { path: 'browser-file:id1/chosen.stowage', name: 'chosen.stowage' } });
    expect(files.pickSaveTarget).toHaveBeenCalledWith('Untitled.stowage', objectContaining({ extension: 'stowage' }));
    expect(await host.listRecent({})).toEqual([{ path: 'browser-file:id1/chosen.stowage', name: 'chosen.stowage' }]);
  });

  it('reports a cancelled save picker', async () => {
    const { host } = setup();
    expect(await host.saveDocumentAs({ suggestedName: 'x', text: '' })).toEqual({ status: 'canceled' });
  });

  it('saves as by downloading when the save picker is unavailable', async () => {
    const { host, downloads } = setup({ canSaveInPlace: () => false });
    const result = expectValid('saveDocumentAs', await host.saveDocumentAs({ suggestedName: 'plan', text: '{}' }));
    expect(result).toEqual({ status: 'saved', file: { path: 'browser-file:id1/plan.stowage', name: 'plan.stowage' } });
    expect(downloads.map((download) => download.name)).toEqual(['plan.stowage']);
  });
});

describe('browser host: exporting', () => {
  it('exports base64 PNG bytes and UTF-8 SVG text', async () => {
    const { host, downloads } = setup({ canSaveInPlace: () => false });
    const png = [0x89, 0x50, 0x4e, 0x47];
    expectValid(
      'exportFile',
      await host.exportFile({ suggestedName: 'diagram', format: 'png', data: btoa(String.fromCharCode(...png)), encoding: 'base64' }),
    );
    await host.exportFile({ suggestedName: 'diagram.svg', format: 'svg', data: '<svg/>', encoding: 'utf8' });
    expect(downloads.map((download) => [download.name, download.blob.type])).toEqual([
      ['diagram.png', 'image/png'],
      ['diagram.svg', 'image/svg+xml'],
    ]);
    expect([...new Uint8Array(await downloads[0]!.blob.arrayBuffer())]).toEqual(png);
    expect(await downloads[1]!.blob.text()).toBe('<svg/>');
  });

  it('does not add exports to Open Recent', async () => {
    const { host, saveTo } = setup();
    saveTo(fakeHandle('diagram.svg'));
    expect(await host.exportFile({ suggestedName: 'diagram', format: 'svg', data: '<svg/>', encoding: 'utf8' })).toMatchObject({
      status: 'saved',
    });
    expect(await host.listRecent({})).toEqual([]);
  });

  it('refuses damaged base64', async () => {
    const { host, downloads } = setup({ canSaveInPlace: () => false });
    expect(await host.exportFile({ suggestedName: 'd', format: 'png', data: '***', encoding: 'base64' })).toMatchObject({
      status: 'error',
    });
    expect(downloads).toEqual([]);
  });
});

describe('browser host: exporting a folder', () => {
  const files = [
    { path: 'bin/app.ts', content: 'new App();\n' },
    { path: 'cdk.json', content: '{}\n' },
  ];

  it('writes the folder into the picked folder', async () => {
    const { host, pickFolder, downloads } = setup();
    const parent = new MemoryFolder('code');
    pickFolder(parent);
    const result = expectValid('exportFolder', await host.exportFolder({ suggestedName: 'payments', files }));
    expect(result).toEqual({ status: 'saved', file: { path: 'payments', name: 'payments' } });
    expect(parent.tree()).toEqual(['payments/', 'payments/bin/', 'payments/bin/app.ts', 'payments/cdk.json']);
    expect(parent.file('payments/bin/app.ts')).toBe('new App();\n');
    expect(downloads).toEqual([]);
  });

  it('refuses a folder that already has content', async () => {
    const { host, pickFolder } = setup();
    const parent = new MemoryFolder('code');
    const existing = (await parent.getDirectoryHandle('payments', { create: true })) as MemoryFolder;
    await existing.getFileHandle('notes.txt', { create: true });
    pickFolder(parent);
    expect(expectValid('exportFolder', await host.exportFolder({ suggestedName: 'payments', files }))).toEqual({
      status: 'error',
      message: 'A folder named “payments” already exists in “code” and is not empty. Choose another place or remove it first.',
    });
    expect(parent.tree()).toEqual(['payments/', 'payments/notes.txt']);
  });

  it('reports a cancelled picker and refused permission', async () => {
    const { host, pickFolder, files: access } = setup();
    expect(await host.exportFolder({ suggestedName: 'payments', files })).toEqual({ status: 'canceled' });
    const parent = new MemoryFolder('code');
    pickFolder(parent);
    vi.mocked(access.ensurePermission).mockResolvedValue(false);
    expect(await host.exportFolder({ suggestedName: 'payments', files })).toMatchObject({
      status: 'error',
      message: stringContaining('did not allow Stowage to write in “code”'),
    });
    expect(access.ensurePermission).toHaveBeenCalledWith(parent, 'readwrite');
    expect(parent.tree()).toEqual([]);
  });

  it('downloads a ZIP named after the folder without the folder picker', async () => {
    const { host, downloads, files: access } = setup({ canPickFolder: () => false });
    const result = expectValid('exportFolder', await host.exportFolder({ suggestedName: 'payments', files }));
    expect(result).toEqual({ status: 'saved', file: { path: 'payments', name: 'payments.zip' } });
    expect(access.pickFolder).not.toHaveBeenCalled();
    expect(downloads.map((download) => [download.name, download.blob.type])).toEqual([['payments.zip', 'application/zip']]);
    const text = new TextDecoder().decode(await downloads[0]!.blob.arrayBuffer());
    expect(text).toContain('payments/bin/app.ts');
    expect(text).toContain('payments/cdk.json');
  });

  it('refuses requests the contract refuses, as the desktop app does', async () => {
    const { host, downloads, files: access } = setup({ canPickFolder: () => false });
    await expect(host.exportFolder({ suggestedName: 'payments', files: [{ path: '../../escape.sh', content: '' }] })).rejects.toThrow(
      /^exportFolder was refused: files\.0\.path: must be a relative path inside the folder/,
    );
    await expect(host.exportFolder({ suggestedName: 'a/b', files })).rejects.toThrow(/^exportFolder was refused: suggestedName/);
    expect(downloads).toEqual([]);
    expect(access.pickFolder).not.toHaveBeenCalled();
  });
});

describe('browser host: drafts, recent list, window, links', () => {
  it('offers a draft left by a closed tab to the next one', async () => {
    const { host, environment, locks, tab } = setup();
    expect(expectValid('beginDrafts', await host.beginDrafts({}))).toBeNull();
    await host.writeDraft({ text: 'work', file: null });
    tab.close();

    const next = createBrowserHost({ confirmUnsavedChanges: vi.fn() }, { ...environment, locks: webPageLocks(locks.tab().locks) });
    const offered = expectValid('beginDrafts', await next.beginDrafts({}));
    expect(offered).toEqual({ id: 'id1', file: null, savedAt: '2025-05-06T07:08:09.000Z' });
    expect(expectValid('readDraft', await next.readDraft({ id: 'id1' }))).toEqual({
      text: 'work',
      file: null,
      savedAt: '2025-05-06T07:08:09.000Z',
    });
    await next.discardDraft({ id: 'id1' });
    await next.clearDraft({});
    expect(await environment.store.keys()).toEqual([]);
  });

  it('keeps at most ten recent files, most recent first, and clears them', async () => {
    const { host, pick } = setup();
    for (let index = 0; index < 12; index += 1) {
      pick({ file: new File(['{}'], `${index}.stowage`), handle: fakeHandle(`${index}.stowage`) });
      await host.openDocument({});
    }
    const recent = await host.listRecent({});
    expect(recent).toHaveLength(10);
    expect(recent[0]!.name).toBe('11.stowage');
    await host.clearRecent({});
    expect(await host.listRecent({})).toEqual([]);
  });

  it('titles the tab with the document and an unsaved marker', async () => {
    const { host, titles } = setup();
    await host.setWindowState({ title: 'a.stowage', edited: true, enabledCommands: [], commandLabels: [] });
    await host.setWindowState({ title: 'a.stowage', edited: false, enabledCommands: [], commandLabels: [] });
    expect(titles()).toEqual(['• a.stowage — Stowage', 'a.stowage — Stowage']);
  });

  it('asks the browser to confirm leaving only while there are unsaved changes', async () => {
    const { host, unload } = setup();
    expect(unload()).toBe(false);
    await host.setWindowState({ title: 'a', edited: true, enabledCommands: [], commandLabels: [] });
    expect(unload()).toBe(true);
    const unregister = registerUnsavedChangesCheck(() => false);
    expect(unload()).toBe(false);
    unregister();
    expect(unload()).toBe(true);
  });

  it('delegates the unsaved changes question to the app', async () => {
    const { host, confirmUnsavedChanges } = setup();
    expect(await host.confirmUnsavedChanges({ documentName: 'a.stowage' })).toBe('discard');
    expect(confirmUnsavedChanges).toHaveBeenCalledWith('a.stowage');
  });

  it('opens only allowed documentation links', async () => {
    const { host, opened } = setup();
    expect(await host.openExternal({ url: 'https://docs.aws.amazon.com/eks/' })).toBe(true);
    expect(await host.openExternal({ url: 'javascript:alert(1)' })).toBe(false);
    expect(await host.openExternal({ url: 'https://evil.example/' })).toBe(false);
    expect(opened).toEqual(['https://docs.aws.amazon.com/eks/']);
  });

  it('is a browser host that never emits events and cannot close the tab', async () => {
    const { host } = setup();
    expect(host.kind).toBe('browser');
    expect(host.platform).toBe('linux');
    const unsubscribe = host.on('menuCommand', () => undefined);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    expect(await host.closeWindow({})).toBeNull();
  });

  it('implements every contract method', () => {
    const { host } = setup();
    for (const method of Object.keys(HOST_CHANNELS)) expect(typeof (host as unknown as Record<string, unknown>)[method]).toBe('function');
  });
});

describe('base64ToBytes', () => {
  it('decodes strict base64 only', () => {
    expect([...base64ToBytes('AAEC')]).toEqual([0, 1, 2]);
    expect(() => base64ToBytes('A')).toThrow();
    expect(() => base64ToBytes('AA-_')).toThrow();
  });
});
