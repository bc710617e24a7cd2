import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftStore, WindowDrafts } from './drafts';
import { useTempFolder } from './fs.test-support';

const tempFolder = useTempFolder();
const clock = () => new Date('2025-01-02T03:04:05.000Z');

/** Ids in the order a test asks for them: page-1, page-2, … */
function sequentialIds(): () => string {
  let next = 0;
  return () => `page-${++next}`;
}

describe('DraftStore', () => {
  it('round-trips a draft, creating its folder on first write', async () => {
    const folder = join(await tempFolder(), 'recovery');
    const drafts = new DraftStore(folder, clock);
    expect(await drafts.read('a')).toBeNull();
    const file = { path: '/d/a.stowage', name: 'a.stowage' };
    await drafts.write('a', '{"schemaVersion":1}', file);
    expect(await drafts.read('a')).toEqual({ text: '{"schemaVersion":1}', file, savedAt: '2025-01-02T03:04:05.000Z' });
    await drafts.delete('a');
    expect(await drafts.read('a')).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps drafts apart by id', async () => {
    const drafts = new DraftStore(await tempFolder(), clock);
    await Promise.all([drafts.write('a', 'first window', null), drafts.write('b', 'second window', null)]);
    await drafts.delete('b');
    expect((await drafts.read('a'))?.text).toBe('first window');
    expect(await drafts.read('b')).toBeNull();
  });

  it('runs a read and a delete issued together in the order they were asked for', async () => {
    const drafts = new DraftStore(await tempFolder(), clock);
    await drafts.write('a', 'work', null);
    const [read] = await Promise.all([drafts.read('a'), drafts.delete('a')]);
    expect(read?.text).toBe('work');
    await drafts.write('a', 'work', null);
    const [, readAfterDelete] = await Promise.all([drafts.delete('a'), drafts.read('a')]);
    expect(readAfterDelete).toBeNull();
  });

  it('a read issued after a write sees that write', async () => {
    const drafts = new DraftStore(await tempFolder(), clock);
    const [, read] = await Promise.all([drafts.write('a', 'new', null), drafts.read('a')]);
    expect(read?.text).toBe('new');
  });

  it('clearing without a draft is fine', async () => {
    const drafts = new DraftStore(await tempFolder());
    await expect(drafts.delete('a')).resolves.toBeUndefined();
  });

  it('writes only the newest of drafts that arrive while one is being written', async () => {
    const drafts = new DraftStore(await tempFolder(), clock);
    const writes = Array.from({ length: 10 }, (_, index) => drafts.write('a', `text ${index}`, null));
    await Promise.all(writes);
    expect((await drafts.read('a'))?.text).toBe('text 9');
  });

  it('a delete supersedes a draft still waiting to be written', async () => {
    const drafts = new DraftStore(await tempFolder(), clock);
    const first = drafts.write('a', 'first', null);
    const second = drafts.write('a', 'second', null);
    await drafts.delete('a');
    await Promise.all([first, second]);
    expect(await drafts.read('a')).toBeNull();
  });

  it('treats a corrupt or foreign draft as no draft', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'a.json'), '{"text": 1}');
    await writeFile(join(folder, 'b.json'), '{"text": "x", "file": null, "savedAt": "now"');
    const drafts = new DraftStore(folder);
    expect(await drafts.read('a')).toBeNull();
    expect(await drafts.read('b')).toBeNull();
    expect(await drafts.list()).toEqual([]);
  });

  it('lists readable drafts newest first and ignores everything else in the folder', async () => {
    const folder = await tempFolder();
    let time = Date.parse('2025-01-01T00:00:00.000Z');
    const drafts = new DraftStore(folder, () => new Date((time += 1000)));
    await drafts.write('older', 'o', null);
    await drafts.write('newer', 'n', null);
    await writeFile(join(folder, '.newer.json.0123456789ab.tmp'), 'half a draft');
    await writeFile(join(folder, 'notes.txt'), 'not a draft');
    await writeFile(join(folder, 'bad id!.json'), JSON.stringify({ text: 'x', file: null, savedAt: '2030-01-01T00:00:00.000Z' }));
    expect((await drafts.list()).map((entry) => entry.id)).toEqual(['newer', 'older']);
  });

  it('refuses ids that are not draft ids', async () => {
    const drafts = new DraftStore(await tempFolder());
    await expect(drafts.write('../escape', 'x', null)).rejects.toThrow('Not a draft id');
    expect(await drafts.read('../escape')).toBeNull();
  });

  it('reports a failed write to the caller and keeps working', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, 'a.json'));
    const drafts = new DraftStore(folder);
    await expect(drafts.write('a', 'x', null)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(drafts.read('a')).resolves.toBeNull();
  });

  it('stores the draft as JSON', async () => {
    const folder = await tempFolder();
    await new DraftStore(folder, clock).write('a', 't', null);
    expect(JSON.parse(await readFile(join(folder, 'a.json'), 'utf8'))).toEqual({
      text: 't',
      file: null,
      savedAt: '2025-01-02T03:04:05.000Z',
    });
  });
});

describe('WindowDrafts', () => {
  it('offers nothing on a first start', async () => {
    const window = new WindowDrafts(new DraftStore(await tempFolder(), clock), sequentialIds());
    expect(await window.begin()).toBeNull();
  });

  it('a page that starts gets its predecessor’s draft offered back, not overwritten', async () => {
    const store = new DraftStore(await tempFolder(), clock);
    const window = new WindowDrafts(store, sequentialIds());
    await window.begin();
    const file = { path: '/d/a.stowage', name: 'a.stowage' };
    await window.write('unsaved work', file);
    // The page crashes and is reloaded: the new page starts and writes its own draft.
    expect(await window.begin()).toEqual({ id: 'page-1', file, savedAt: '2025-01-02T03:04:05.000Z' });
    await window.write('new page', null);
    expect((await window.read('page-1'))?.text).toBe('unsaved work');
    expect((await store.read('page-2'))?.text).toBe('new page');
  });

  it('opening a file at start-up (which clears the page’s own draft) never deletes the draft being offered', async () => {
    const store = new DraftStore(await tempFolder(), clock);
    await store.write('crashed', 'work from the last run', null);
    const window = new WindowDrafts(store, sequentialIds());
    // The renderer starts and, opened by a file, clears its draft at the same moment.
    const [offered] = await Promise.all([window.begin(), window.clear()]);
    expect(offered?.id).toBe('crashed');
    expect((await window.read('crashed'))?.text).toBe('work from the last run');
  });

  it('clears only the page’s own draft', async () => {
    const store = new DraftStore(await tempFolder(), clock);
    await store.write('other', 'someone else’s work', null);
    const window = new WindowDrafts(store, sequentialIds());
    await window.begin();
    await window.write('mine', null);
    await window.clear();
    expect(await store.read('page-1')).toBeNull();
    expect((await store.read('other'))?.text).toBe('someone else’s work');
  });

  it('reads and discards only the draft it claimed', async () => {
    const store = new DraftStore(await tempFolder(), clock);
    let time = Date.parse('2025-01-01T00:00:00.000Z');
    const timed = new DraftStore(store.folder, () => new Date((time += 1000)));
    await timed.write('older', 'older work', null);
    await timed.write('newer', 'newer work', null);
    const window = new WindowDrafts(store, sequentialIds());
    expect((await window.begin())?.id).toBe('newer');
    expect(await window.read('older')).toBeNull();
    await window.discard('older');
    expect((await store.read('older'))?.text).toBe('older work');
    await window.discard('newer');
    expect(await store.read('newer')).toBeNull();
    // Claims end with the page: the next page is offered the remaining draft.
    expect((await window.begin())?.id).toBe('older');
  });

  it('offers the single draft of earlier versions (recovery/draft.json)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'draft.json'), JSON.stringify({ text: 'legacy', file: null, savedAt: '2024-12-31T00:00:00.000Z' }));
    const window = new WindowDrafts(new DraftStore(folder, clock), sequentialIds());
    expect((await window.begin())?.id).toBe('draft');
    expect((await window.read('draft'))?.text).toBe('legacy');
  });
});
