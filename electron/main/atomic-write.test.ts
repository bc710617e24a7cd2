import * as nodeFs from 'node:fs/promises';
import { lstat, readdir, readFile, stat, symlink, writeFile, chmod, mkdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  BackupError,
  ORPHAN_TEMPORARY_AGE_MS,
  removeOrphanTemporaries,
  temporaryFileTarget,
  temporaryPathFor,
  writeFileAtomic,
  type AtomicFileSystem,
} from './atomic-write';
import { errno, useTempFolder } from './fs.test-support';

const backupPathFor = (path: string) => `${path}.bak`;

describe('writeFileAtomic', () => {
  const tempFolder = useTempFolder();

  it('creates a new file and leaves nothing else behind', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFileAtomic(target, 'first', { backupPathFor });
    expect(await readFile(target, 'utf8')).toBe('first');
    expect(await readdir(folder)).toEqual(['diagram.stowage']);
  });

  it('keeps the previous bytes as a backup when replacing', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'version 1');
    await writeFileAtomic(target, 'version 2', { backupPathFor });
    await writeFileAtomic(target, 'version 3', { backupPathFor });
    expect(await readFile(target, 'utf8')).toBe('version 3');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('version 2');
    expect((await readdir(folder)).sort()).toEqual(['diagram.stowage', 'diagram.stowage.bak']);
  });

  it('keeps the last version that differs: an identical save leaves the backup alone', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'version 1');
    await writeFileAtomic(target, 'version 2', { backupPathFor });
    await writeFileAtomic(target, 'version 2', { backupPathFor });
    await writeFileAtomic(target, new TextEncoder().encode('version 2'), { backupPathFor });
    expect(await readFile(target, 'utf8')).toBe('version 2');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('version 1');
    // Same length, different bytes: a real change, backed up.
    await writeFileAtomic(target, 'version 3', { backupPathFor });
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('version 2');
  });

  it('does not replace a backup with an empty file', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(`${target}.bak`, 'last good version');
    await writeFile(target, '');
    await writeFileAtomic(target, 'new', { backupPathFor });
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('last good version');
  });

  it('writes binary data unchanged', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'export.png');
    const bytes = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7) % 256);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('leaves the original intact and removes the temporary file when the disk fills up mid-write', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'precious original');
    await writeFile(`${target}.bak`, 'older backup');
    const fullDisk: AtomicFileSystem = {
      ...nodeFs,
      open: async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        if (args[1] !== 'wx') return handle;
        return new Proxy(handle, {
          get(target, property, receiver) {
            if (property === 'writeFile') {
              return async (data: string) => {
                await target.write(data.slice(0, data.length / 2));
                throw errno('ENOSPC', 'no space left on device');
              };
            }
            const value: unknown = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    await expect(writeFileAtomic(target, 'x'.repeat(10_000), { backupPathFor, fs: fullDisk })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('precious original');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('older backup');
    expect((await readdir(folder)).sort()).toEqual(['diagram.stowage', 'diagram.stowage.bak']);
  });

  it('leaves the original intact when the final rename is refused', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'precious original');
    const refusingRename: AtomicFileSystem = {
      ...nodeFs,
      rename: async (from, to) => {
        if (String(to) === target) throw errno('EACCES', 'permission denied');
        return nodeFs.rename(from, to);
      },
    };
    await expect(writeFileAtomic(target, 'new', { backupPathFor, fs: refusingRename })).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(target, 'utf8')).toBe('precious original');
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('does not touch the document when its backup cannot be written', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'precious original');
    // A folder where the backup file should go makes the backup rename fail.
    await mkdir(`${target}.bak`);
    await writeFile(join(`${target}.bak`, 'keep'), '');
    const error = await writeFileAtomic(target, 'new', { backupPathFor }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupError);
    expect(await readFile(target, 'utf8')).toBe('precious original');
    expect((await readdir(folder)).sort()).toEqual(['diagram.stowage', 'diagram.stowage.bak']);
  });

  it('runs concurrent writes to one file one at a time, last one winning', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'start');
    let active = 0;
    let maxActive = 0;
    const tracking: AtomicFileSystem = {
      ...nodeFs,
      open: async (...args: Parameters<typeof nodeFs.open>) => {
        if (args[1] === 'wx' && !String(args[0]).includes('.bak.')) {
          active += 1;
          maxActive = Math.max(maxActive, active);
        }
        return nodeFs.open(...args);
      },
      rename: async (from, to) => {
        await new Promise((done) => setTimeout(done, 1));
        await nodeFs.rename(from, to);
        if (String(to) === target) active -= 1;
      },
    };
    const versions = Array.from({ length: 20 }, (_, index) => `version ${index} `.repeat(20_000));
    await Promise.all(versions.map((text) => writeFileAtomic(target, text, { backupPathFor, fs: tracking })));
    expect(maxActive).toBe(1);
    expect(await readFile(target, 'utf8')).toBe(versions[19]);
    expect(await readFile(`${target}.bak`, 'utf8')).toBe(versions[18]);
    expect((await readdir(folder)).sort()).toEqual(['diagram.stowage', 'diagram.stowage.bak']);
  });

  it('keeps writing after a failed write to the same file', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    const failingOnce: AtomicFileSystem = {
      ...nodeFs,
      rename: () => Promise.reject(errno('EIO')),
    };
    const failed = writeFileAtomic(target, 'a', { fs: failingOnce });
    const next = writeFileAtomic(target, 'b');
    await expect(failed).rejects.toMatchObject({ code: 'EIO' });
    await next;
    expect(await readFile(target, 'utf8')).toBe('b');
  });

  it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'private.stowage');
    await writeFile(target, 'secret');
    await chmod(target, 0o600);
    await writeFileAtomic(target, 'still secret');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('saves through a symbolic link to the file it points to', async () => {
    const folder = await tempFolder();
    const real = join(folder, 'real.stowage');
    const link = join(folder, 'link.stowage');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new', { backupPathFor });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
    expect(await readFile(`${real}.bak`, 'utf8')).toBe('old');
  });

  it('refuses to replace a folder', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, 'diagram.stowage'));
    await expect(writeFileAtomic(join(folder, 'diagram.stowage'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('retries a rename that Windows refuses while another program holds the file', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    let refusals = 2;
    const lockedBriefly: AtomicFileSystem = {
      ...nodeFs,
      rename: async (from, to) => {
        if (String(to) === target && refusals-- > 0) throw errno('EBUSY');
        return nodeFs.rename(from, to);
      },
    };
    await writeFileAtomic(target, 'saved', { fs: lockedBriefly, platform: 'win32' });
    expect(await readFile(target, 'utf8')).toBe('saved');
    await expect(
      writeFileAtomic(target, 'again', { fs: { ...lockedBriefly, rename: async () => Promise.reject(errno('EBUSY')) }, platform: 'linux' }),
    ).rejects.toMatchObject({
      code: 'EBUSY',
    });
  });

  it('names temporary files as hidden siblings that stay within file name limits', () => {
    const temporary = temporaryPathFor(join('/docs', `${'n'.repeat(400)}.stowage`));
    expect(temporary.startsWith(join('/docs', '.'))).toBe(true);
    expect(temporary.endsWith('.tmp')).toBe(true);
    expect(temporary.length - '/docs/'.length).toBeLessThan(255);
  });
});

describe('removeOrphanTemporaries', () => {
  const tempFolder = useTempFolder();
  const now = Date.parse('2025-06-01T12:00:00.000Z');
  const old = new Date(now - ORPHAN_TEMPORARY_AGE_MS - 60_000);
  const recent = new Date(now - 60_000);

  async function file(folder: string, name: string, time: Date): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, 'x'.repeat(1024));
    await utimes(path, time, time);
    return path;
  }

  it('recognises exactly the temporary names writeFileAtomic makes', () => {
    const made = temporaryPathFor('/d/diagram.stowage');
    expect(temporaryFileTarget(made.slice(3))).toBe('diagram.stowage');
    expect(temporaryFileTarget(temporaryPathFor(`/d/${'n'.repeat(300)}`).slice(3))).toBe('n'.repeat(200));
    for (const name of [
      'diagram.stowage',
      '.diagram.stowage.swp',
      '.diagram.stowage.tmp',
      '.diagram.stowage.0123456789AB.tmp',
      '.x.0123456789a.tmp',
    ]) {
      expect(temporaryFileTarget(name)).toBeNull();
    }
  });

  it('deletes a save’s stale temporary files and nothing else', async () => {
    const folder = await tempFolder();
    const stale = await file(folder, '.diagram.stowage.0123456789ab.tmp', old);
    const staleBackup = await file(folder, '.diagram.stowage.bak.abcdefabcdef.tmp', old);
    const running = await file(folder, '.diagram.stowage.111111111111.tmp', recent);
    const otherDocument = await file(folder, '.other.stowage.222222222222.tmp', old);
    const notOurs = await file(folder, '.diagram.stowage.swp', old);
    await mkdir(join(folder, '.diagram.stowage.333333333333.tmp'));
    await symlink(notOurs, join(folder, '.diagram.stowage.444444444444.tmp'));

    const removed = await removeOrphanTemporaries(folder, { targets: ['diagram.stowage', 'diagram.stowage.bak'], now });
    expect(removed.sort()).toEqual([stale, staleBackup].sort());
    expect((await readdir(folder)).sort()).toEqual(
      [
        running,
        otherDocument,
        notOurs,
        join(folder, '.diagram.stowage.333333333333.tmp'),
        join(folder, '.diagram.stowage.444444444444.tmp'),
      ]
        .map((path) => path.slice(folder.length + 1))
        .sort(),
    );
  });

  it('in an app folder, deletes every stale temporary of ours', async () => {
    const folder = await tempFolder();
    const stale = await file(folder, '.recent-files.json.0123456789ab.tmp', old);
    await file(folder, 'recent-files.json', old);
    expect(await removeOrphanTemporaries(folder, { now })).toEqual([stale]);
  });

  it('a save killed before its rename leaves a temporary file that the next clean-up removes', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'diagram.stowage');
    await writeFile(target, 'saved before');
    const killedBeforeRename: AtomicFileSystem = {
      ...nodeFs,
      rename: () => new Promise<never>(() => undefined),
      unlink: () => new Promise<never>(() => undefined),
    };
    void writeFileAtomic(target, 'x'.repeat(100_000), { fs: killedBeforeRename });
    await vi.waitFor(async () => expect((await readdir(folder)).filter((name) => temporaryFileTarget(name) !== null)).toHaveLength(1));
    const [orphan] = (await readdir(folder)).filter((name) => temporaryFileTarget(name) !== null);
    expect(await removeOrphanTemporaries(folder, { targets: ['diagram.stowage'] })).toEqual([]);
    expect(await removeOrphanTemporaries(folder, { targets: ['diagram.stowage'], now: Date.now() + ORPHAN_TEMPORARY_AGE_MS + 1 })).toEqual([
      join(folder, orphan!),
    ]);
    expect(await readdir(folder)).toEqual(['diagram.stowage']);
  });

  it('a folder that is gone has nothing to clean', async () => {
    expect(await removeOrphanTemporaries(join(await tempFolder(), 'missing'))).toEqual([]);
  });
});
