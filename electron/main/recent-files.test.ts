import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempFolder } from './fs.test-support';
import { MAX_RECENT_FILES, RecentFiles } from './recent-files';

const everythingExists = () => Promise.resolve(true);

describe('RecentFiles', () => {
  const tempFolder = useTempFolder();

  async function store(options: Partial<Parameters<typeof RecentFiles.load>[0]> = {}) {
    const folder = await tempFolder();
    const storePath = join(folder, 'recent-files.json');
    return { storePath, recent: await RecentFiles.load({ storePath, exists: everythingExists, platform: 'linux', ...options }) };
  }

  it('lists the most recent first and moves a reopened file to the top without duplicating it', async () => {
    const { recent } = await store();
    await recent.add('/d/a.stowage');
    await recent.add('/d/b.stowage');
    await recent.add('/d/c.stowage');
    await recent.add('/d/a.stowage');
    expect(await recent.list()).toEqual([
      { path: '/d/a.stowage', name: 'a.stowage' },
      { path: '/d/c.stowage', name: 'c.stowage' },
      { path: '/d/b.stowage', name: 'b.stowage' },
    ]);
  });

  it('treats different spellings of one path as one entry', async () => {
    const { recent } = await store();
    await recent.add('/d/a.stowage');
    await recent.add('/d/x/../a.stowage');
    expect(recent.paths).toEqual(['/d/x/../a.stowage']);
    expect(recent.has('/d/./a.stowage')).toBe(true);
  });

  it(`keeps at most ${MAX_RECENT_FILES}`, async () => {
    const { recent } = await store();
    for (let index = 0; index < 15; index += 1) await recent.add(`/d/${index}.stowage`);
    expect(recent.paths).toHaveLength(MAX_RECENT_FILES);
    expect(recent.paths[0]).toBe('/d/14.stowage');
    expect(recent.has('/d/4.stowage')).toBe(false);
  });

  it('persists across restarts', async () => {
    const { storePath, recent } = await store();
    await recent.add('/d/a.stowage');
    await recent.add('/d/b.stowage');
    const reloaded = await RecentFiles.load({ storePath, exists: everythingExists });
    expect(reloaded.paths).toEqual(['/d/b.stowage', '/d/a.stowage']);
    expect(JSON.parse(await readFile(storePath, 'utf8'))).toEqual({ version: 1, files: ['/d/b.stowage', '/d/a.stowage'] });
  });

  it('starts empty from a corrupt or foreign store', async () => {
    const folder = await tempFolder();
    const storePath = join(folder, 'recent-files.json');
    await writeFile(storePath, '{"version": 1, "files": [42]');
    expect((await RecentFiles.load({ storePath })).paths).toEqual([]);
    await writeFile(storePath, JSON.stringify({ version: 1, files: ['relative.stowage', '/ok.stowage', '/ok.stowage'] }));
    expect((await RecentFiles.load({ storePath })).paths).toEqual(['/ok.stowage']);
  });

  it('hides missing files without forgetting them, and forgets removed ones', async () => {
    const present = new Set(['/d/a.stowage']);
    const { recent } = await store({ exists: (path) => Promise.resolve(present.has(path)) });
    await recent.add('/d/a.stowage');
    await recent.add('/d/unplugged.stowage');
    expect((await recent.list()).map((file) => file.name)).toEqual(['a.stowage']);
    present.add('/d/unplugged.stowage');
    expect((await recent.list()).map((file) => file.name)).toEqual(['unplugged.stowage', 'a.stowage']);
    await recent.remove('/d/unplugged.stowage');
    expect(recent.paths).toEqual(['/d/a.stowage']);
  });

  it('mirrors changes to the operating system and to listeners', async () => {
    const onAdded = vi.fn();
    const onCleared = vi.fn();
    const { recent } = await store({ onAdded, onCleared });
    const changed = vi.fn();
    recent.onChange(changed);
    await recent.add('/d/a.stowage');
    await recent.clear();
    expect(onAdded).toHaveBeenCalledWith('/d/a.stowage');
    expect(onCleared).toHaveBeenCalledOnce();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(await recent.list()).toEqual([]);
  });

  it('ignores relative paths', async () => {
    const { recent } = await store();
    await recent.add('a.stowage');
    expect(recent.paths).toEqual([]);
  });
});
