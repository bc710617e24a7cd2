import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AllowedPaths } from './allowed-paths';
import type { Dialogs } from './dialogs';
import { DocumentService } from './document-service';
import { DraftStore, WindowDrafts } from './drafts';
import { HOST_CHANNELS } from '../../shared/host/contract';
import { useTempFolder } from './fs.test-support';
import { createHostHandlers, decodeBase64, NOT_CHOSEN_BY_USER, NOT_RECENT, type HostHandlerDependencies } from './handlers';
import { RecentFiles } from './recent-files';
import { TemplatesFolder } from './templates-folder';
import { stringContaining } from '../../test/matchers';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('host handlers', () => {
  const tempFolder = useTempFolder();

  async function setup() {
    const folder = await tempFolder();
    const userData = join(folder, 'userData');
    const documents = join(folder, 'documents');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(documents);
    const answers = {
      open: null as string | null,
      save: null as string | null,
      exportParent: null as string | null,
      templatesFolder: null as string | null,
      unsaved: 'cancel' as const,
    };
    const dialogs = {
      chooseDocumentToOpen: vi.fn(() => Promise.resolve(answers.open)),
      chooseSaveLocation: vi.fn(() => Promise.resolve(answers.save)),
      chooseExportParentFolder: vi.fn(() => Promise.resolve(answers.exportParent)),
      chooseTemplatesFolder: vi.fn(() => Promise.resolve(answers.templatesFolder)),
      confirmUnsavedChanges: vi.fn(() => Promise.resolve(answers.unsaved)),
    } satisfies Dialogs;
    const allowed = new AllowedPaths();
    const recent = await RecentFiles.load({ storePath: join(userData, 'recent-files.json') });
    const templates = await TemplatesFolder.load(join(userData, 'templates-folder.json'));
    const draftStore = new DraftStore(join(userData, 'recovery'));
    const drafts = new WindowDrafts(draftStore);
    const onDocumentFile = vi.fn();
    const window = { setState: vi.fn(), close: vi.fn() };
    const openLink = vi.fn(() => Promise.resolve(true));
    const deps: HostHandlerDependencies = {
      dialogs,
      allowed,
      recent,
      templates,
      drafts,
      documents: new DocumentService({ allowed, recent, onDocumentFile }),
      window,
      openLink,
    };
    return {
      handlers: createHostHandlers(deps),
      answers,
      documents,
      recent,
      window,
      onDocumentFile,
      dialogs,
      openLink,
      draftStore,
      allowed,
    };
  }

  it('reads own templates from the folder chosen in the dialog, and forgets the folder when asked', async () => {
    const { handlers, answers, documents } = await setup();
    await writeFile(join(documents, 'lab.stowage'), 'LAB');
    expect(await handlers.addOwnTemplates({})).toEqual({ status: 'canceled' });
    answers.templatesFolder = documents;
    expect(await handlers.addOwnTemplates({})).toEqual({
      status: 'added',
      templates: { folder: documents, files: [{ name: 'lab.stowage', text: 'LAB' }], skipped: [] },
    });
    expect((await handlers.listOwnTemplates({})).files).toHaveLength(1);
    expect(await handlers.removeOwnTemplate({ name: 'lab.stowage' })).toMatchObject({ folder: documents });
    expect(await handlers.removeOwnTemplate({ name: null })).toEqual({ folder: null, files: [], skipped: [] });
  });

  it('opens the document chosen in the dialog, remembers it and allows saving back to it', async () => {
    const { handlers, answers, documents, recent, onDocumentFile } = await setup();
    const path = join(documents, 'a.stowage');
    await writeFile(path, '{"schemaVersion":1}');
    answers.open = path;
    expect(await handlers.openDocument({})).toEqual({ status: 'opened', file: { path, name: 'a.stowage' }, text: '{"schemaVersion":1}' });
    expect(recent.paths).toEqual([path]);
    expect(onDocumentFile).toHaveBeenCalledWith({ path, name: 'a.stowage' });
    expect(await handlers.saveDocument({ path, text: 'v2' })).toEqual({ status: 'saved', file: { path, name: 'a.stowage' } });
    expect(await readFile(path, 'utf8')).toBe('v2');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('{"schemaVersion":1}');
  });

  it('reports a cancelled dialog', async () => {
    const { handlers } = await setup();
    expect(await handlers.openDocument({})).toEqual({ status: 'canceled' });
    expect(await handlers.saveDocumentAs({ suggestedName: 'x', text: '' })).toEqual({ status: 'canceled' });
    expect(await handlers.exportFile({ suggestedName: 'x', format: 'svg', data: '<svg/>', encoding: 'utf8' })).toEqual({
      status: 'canceled',
    });
  });

  it('refuses to save over a path the user never chose', async () => {
    const { handlers, documents } = await setup();
    const victim = join(documents, 'not-chosen.txt');
    await writeFile(victim, 'important');
    expect(await handlers.saveDocument({ path: victim, text: 'overwritten' })).toEqual({ status: 'error', message: NOT_CHOSEN_BY_USER });
    expect(await readFile(victim, 'utf8')).toBe('important');
  });

  it('refuses to open a path that is neither recent nor chosen', async () => {
    const { handlers, documents } = await setup();
    const secret = join(documents, 'id_rsa');
    await writeFile(secret, 'secret');
    expect(await handlers.openRecent({ path: secret })).toEqual({ status: 'error', message: NOT_RECENT });
  });

  it('opens a recent file from a previous session and then allows saving it', async () => {
    const { handlers, documents, recent } = await setup();
    const path = join(documents, 'old.stowage');
    await writeFile(path, 'old');
    await recent.add(path);
    expect(await handlers.openRecent({ path })).toMatchObject({ status: 'opened', text: 'old' });
    expect(await handlers.saveDocument({ path, text: 'new' })).toMatchObject({ status: 'saved' });
  });

  it('forgets a recent file that was deleted, with a message naming it', async () => {
    const { handlers, documents, recent } = await setup();
    const path = join(documents, 'gone.stowage');
    await recent.add(path);
    const result = await handlers.openRecent({ path });
    expect(result).toEqual({
      status: 'error',
      message: `“gone.stowage” could not be found in ${documents}. It may have been moved, renamed or deleted.`,
    });
    expect(recent.paths).toEqual([]);
  });

  it('saves as a new file and lists it first in Open Recent', async () => {
    const { handlers, answers, documents } = await setup();
    answers.save = join(documents, 'new.stowage');
    expect(await handlers.saveDocumentAs({ suggestedName: 'new', text: 'content' })).toEqual({
      status: 'saved',
      file: { path: answers.save, name: 'new.stowage' },
    });
    expect(await handlers.listRecent({})).toEqual([{ path: answers.save, name: 'new.stowage' }]);
    await handlers.clearRecent({});
    expect(await handlers.listRecent({})).toEqual([]);
  });

  it('reports a failed save as an error result with advice', async () => {
    const { handlers, answers, documents } = await setup();
    answers.save = join(documents, 'missing-folder', 'x.stowage');
    const result = await handlers.saveDocumentAs({ suggestedName: 'x', text: 'content' });
    expect(result).toEqual({ status: 'error', message: stringContaining('no longer exists') });
  });

  it('exports text and base64 data without a backup and without allowing the export path as a document', async () => {
    const { handlers, answers, documents } = await setup();
    answers.save = join(documents, 'diagram.png');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(
      await handlers.exportFile({ suggestedName: 'diagram', format: 'png', data: png.toString('base64'), encoding: 'base64' }),
    ).toMatchObject({ status: 'saved' });
    expect(await readFile(answers.save)).toEqual(png);
    expect(await handlers.exportFile({ suggestedName: 'diagram', format: 'png', data: 'not base64!', encoding: 'base64' })).toMatchObject({
      status: 'error',
    });
    expect(await readdir(documents)).toEqual(['diagram.png']);
    expect(await handlers.saveDocument({ path: answers.save, text: 'x' })).toEqual({ status: 'error', message: NOT_CHOSEN_BY_USER });
  });

  it('exports a folder into the chosen parent and reports the new folder', async () => {
    const { handlers, answers, documents, dialogs } = await setup();
    answers.exportParent = documents;
    const files = [
      { path: 'bin/app.ts', content: 'new App();\n' },
      { path: 'cdk.json', content: '{}\n' },
    ];
    const folder = join(documents, 'payments');
    expect(await handlers.exportFolder({ suggestedName: 'payments', files })).toEqual({
      status: 'saved',
      file: { path: folder, name: 'payments' },
    });
    expect(dialogs.chooseExportParentFolder).toHaveBeenCalledWith({ folderName: 'payments' });
    expect(await readFile(join(folder, 'bin', 'app.ts'), 'utf8')).toBe('new App();\n');
    // Neither the folder nor its files become documents this window may save over.
    expect(await handlers.saveDocument({ path: join(folder, 'cdk.json'), text: 'x' })).toEqual({
      status: 'error',
      message: NOT_CHOSEN_BY_USER,
    });
  });

  it('refuses to export into a folder that already has content, with the message the user needs', async () => {
    const { handlers, answers, documents } = await setup();
    answers.exportParent = documents;
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(documents, 'payments'));
    await writeFile(join(documents, 'payments', 'notes.txt'), 'mine');
    expect(await handlers.exportFolder({ suggestedName: 'payments', files: [{ path: 'notes.txt', content: 'generated' }] })).toEqual({
      status: 'error',
      message: `A folder named “payments” already exists in ${documents} and is not empty. Choose another place or remove it first.`,
    });
    expect(await readFile(join(documents, 'payments', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('exports into an empty folder the user made for it and picked, rather than nesting', async () => {
    const { handlers, answers, documents } = await setup();
    const { mkdir } = await import('node:fs/promises');
    answers.exportParent = join(documents, 'payments');
    await mkdir(answers.exportParent);
    expect(await handlers.exportFolder({ suggestedName: 'payments', files: [{ path: 'cdk.json', content: '{}' }] })).toEqual({
      status: 'saved',
      file: { path: answers.exportParent, name: 'payments' },
    });
    expect(await readdir(answers.exportParent)).toEqual(['cdk.json']);
  });

  it('reports a cancelled export folder dialog without writing', async () => {
    const { handlers, documents } = await setup();
    expect(await handlers.exportFolder({ suggestedName: 'payments', files: [{ path: 'a.ts', content: '' }] })).toEqual({
      status: 'canceled',
    });
    expect(await readdir(documents)).toEqual([]);
  });

  it('reports a failed folder export as an error result that fits the contract', async () => {
    const { handlers, answers, documents } = await setup();
    answers.exportParent = join(documents, 'deleted-meanwhile', 'x'.repeat(3000));
    const result = await handlers.exportFolder({ suggestedName: 'payments', files: [{ path: 'a.ts', content: '' }] });
    expect(result).toMatchObject({ status: 'error' });
    expect(HOST_CHANNELS.exportFolder.response.safeParse(result).success).toBe(true);
  });

  it('offers a draft back after a restart and re-allows its file', async () => {
    const { handlers, answers, documents, draftStore } = await setup();
    answers.save = join(documents, 'd.stowage');
    await handlers.beginDrafts({});
    const saved = await handlers.saveDocumentAs({ suggestedName: 'd', text: 'saved' });
    if (saved.status !== 'saved') throw new Error('expected a save');
    await handlers.writeDraft({ text: 'unsaved work', file: saved.file });

    // The app restarts: a new session whose allowlist knows nothing of d.stowage.
    const allowed = new AllowedPaths();
    const restarted = createHostHandlers({
      ...({} as HostHandlerDependencies),
      allowed,
      drafts: new WindowDrafts(draftStore),
    });
    const offered = await restarted.beginDrafts({});
    expect(offered).toMatchObject({ file: saved.file });
    expect(await restarted.readDraft({ id: offered!.id })).toMatchObject({ text: 'unsaved work', file: saved.file });
    expect(allowed.has(saved.file.path)).toBe(true);
    await restarted.discardDraft({ id: offered!.id });
    expect(await restarted.beginDrafts({})).toBeNull();
  });

  it('clearing the page’s own draft leaves the one it was offered', async () => {
    const { handlers, draftStore } = await setup();
    await draftStore.write('left-by-a-crash', 'work', null);
    const [offered] = await Promise.all([handlers.beginDrafts({}), handlers.clearDraft({})]);
    expect(offered?.id).toBe('left-by-a-crash');
    expect(await handlers.readDraft({ id: 'left-by-a-crash' })).toMatchObject({ text: 'work' });
  });

  it('drops a draft file reference the session never allowed', async () => {
    const { handlers, draftStore } = await setup();
    await handlers.beginDrafts({});
    await handlers.writeDraft({ text: 'x', file: { path: '/etc/passwd', name: 'passwd' } });
    const [own] = await draftStore.list();
    expect(own?.draft).toMatchObject({ text: 'x', file: null });
    expect(await handlers.saveDocument({ path: '/etc/passwd', text: 'x' })).toEqual({ status: 'error', message: NOT_CHOSEN_BY_USER });
  });

  it('reads and discards no draft it did not claim', async () => {
    const { handlers, draftStore } = await setup();
    await handlers.beginDrafts({});
    await draftStore.write('another-window', 'not yours', null);
    expect(await handlers.readDraft({ id: 'another-window' })).toBeNull();
    await handlers.discardDraft({ id: 'another-window' });
    expect(await draftStore.read('another-window')).toMatchObject({ text: 'not yours' });
  });

  it('passes window state, closing, confirmations and external links through', async () => {
    const { handlers, window, openLink, dialogs } = await setup();
    await handlers.setWindowState({ title: 'a.stowage', edited: true, enabledCommands: ['file.save'], commandLabels: [] });
    expect(window.setState).toHaveBeenCalledWith({ title: 'a.stowage', edited: true, enabledCommands: ['file.save'], commandLabels: [] });
    await handlers.closeWindow({});
    expect(window.close).toHaveBeenCalled();
    expect(await handlers.confirmUnsavedChanges({ documentName: 'a.stowage' })).toBe('cancel');
    expect(dialogs.confirmUnsavedChanges).toHaveBeenCalledWith('a.stowage');
    expect(await handlers.openExternal({ url: 'https://docs.aws.amazon.com/' })).toBe(true);
    expect(openLink).toHaveBeenCalledWith('https://docs.aws.amazon.com/');
  });
});

describe('decodeBase64', () => {
  it('decodes strict base64 and refuses anything else', () => {
    expect(decodeBase64('AAEC')).toEqual(Buffer.from([0, 1, 2]));
    expect(decodeBase64('AAE=')).toEqual(Buffer.from([0, 1]));
    expect(decodeBase64('AAE')).toBeNull();
    expect(decodeBase64('AA$C')).toBeNull();
    expect(decodeBase64('')).toEqual(Buffer.alloc(0));
  });
});
