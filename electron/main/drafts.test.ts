import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftStore } from './drafts';
import { useTempFolder } from './fs.test-support';

describe('DraftStore', () => {
  const tempFolder = useTempFolder();
  const clock = () => new Date('2025-01-02T03:04:05.000Z');

  it('round-trips a draft, creating its folder on first write', async () => {
    const folder = join(await tempFolder(), 'recovery');
    const drafts = new DraftStore(join(folder, 'draft.json'), clock);
    expect(await drafts.read()).toBeNull();
    const file = { path: '/d/a.stowage', name: 'a.stowage' };
    await drafts.write('{"schemaVersion":1}', file);
    expect(await drafts.read()).toEqual({ text: '{"schemaVersion":1}', file, savedAt: '2025-01-02T03:04:05.000Z' });
    await drafts.clear();
    expect(await drafts.read()).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });

  it('clearing without a draft is fine', async () => {
    const drafts = new DraftStore(join(await tempFolder(), 'draft.json'));
    await expect(drafts.clear()).resolves.toBeUndefined();
  });

  it('writes only the newest of drafts that arrive while one is being written', async () => {
    const path = join(await tempFolder(), 'draft.json');
    const drafts = new DraftStore(path, clock);
    const writes = Array.from({ length: 10 }, (_, index) => drafts.write(`text ${index}`, null));
    await Promise.all(writes);
    expect((await drafts.read())?.text).toBe('text 9');
  });

  it('a clear supersedes a draft still waiting to be written', async () => {
    const path = join(await tempFolder(), 'draft.json');
    const drafts = new DraftStore(path, clock);
    const first = drafts.write('first', null);
    const second = drafts.write('second', null);
    await drafts.clear();
    await Promise.all([first, second]);
    expect(await drafts.read()).toBeNull();
  });

  it('treats a corrupt or foreign draft as no draft', async () => {
    const path = join(await tempFolder(), 'draft.json');
    await writeFile(path, '{"text": 1}');
    expect(await new DraftStore(path).read()).toBeNull();
    await writeFile(path, '{"text": "x", "file": null, "savedAt": "now"');
    expect(await new DraftStore(path).read()).toBeNull();
  });

  it('reports a failed write to the caller', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, 'draft.json'));
    const drafts = new DraftStore(join(folder, 'draft.json'));
    await expect(drafts.write('x', null)).rejects.toMatchObject({ code: 'EISDIR' });
    // The store keeps working after a failure.
    await expect(drafts.read()).resolves.toBeNull();
  });

  it('stores the draft as JSON', async () => {
    const path = join(await tempFolder(), 'draft.json');
    await new DraftStore(path, clock).write('t', null);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ text: 't', file: null, savedAt: '2025-01-02T03:04:05.000Z' });
  });
});
