import * as nodeFs from 'node:fs/promises';
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFolderExportError, folderAlreadyExistsMessage, FolderExportError, FolderWriteError } from './folder-export-errors';
import { foldersToCreate, parentFolderFor, resolveInside, writeNewFolder, type FolderFileSystem } from './folder-export';
import { errno, useTempFolder } from './fs.test-support';

const cdkApp = [
  { path: '.gitignore', content: 'node_modules\n*.js\n' },
  { path: 'README.md', content: '# Payments\n\nÜnïcode ✓ 🚀\n' },
  { path: 'bin/app.ts', content: "import { App } from 'aws-cdk-lib';\n" },
  { path: 'cdk.json', content: '{"app":"npx tsx bin/app.ts"}\n' },
  { path: 'lib/stacks/network-stack.ts', content: 'export class NetworkStack {}\n' },
  { path: 'lib/app-stack.ts', content: 'export class AppStack {}\n' },
  { path: 'package.json', content: '{"name":"payments"}\n' },
];

/** Every file under `folder`, as forward-slash relative paths, sorted. */
async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => `${relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/')}${entry.isDirectory() ? '/' : ''}`)
    .sort();
}

/** A file system that fails the nth file write (counted over files opened for writing). */
function failingOnWrite(failAt: number, error: NodeJS.ErrnoException): FolderFileSystem & { writes: () => number } {
  let writes = 0;
  return {
    ...nodeFs,
    writes: () => writes,
    open: async (...args: Parameters<typeof nodeFs.open>) => {
      if (args[1] === 'wx') {
        writes += 1;
        if (writes === failAt) throw error;
      }
      return nodeFs.open(...args);
    },
  };
}

describe('writeNewFolder', () => {
  const tempFolder = useTempFolder();

  it('creates the folder with every file and subfolder, and nothing else', async () => {
    const parent = await tempFolder();
    const folder = await writeNewFolder(parent, 'payments', cdkApp);
    expect(folder).toBe(join(parent, 'payments'));
    expect(await listTree(folder)).toEqual([
      '.gitignore',
      'README.md',
      'bin/',
      'bin/app.ts',
      'cdk.json',
      'lib/',
      'lib/app-stack.ts',
      'lib/stacks/',
      'lib/stacks/network-stack.ts',
      'package.json',
    ]);
    for (const file of cdkApp) expect(await readFile(join(folder, ...file.path.split('/')), 'utf8')).toBe(file.content);
    expect(await readdir(parent)).toEqual(['payments']);
  });

  it('writes many files with a few at a time', async () => {
    const parent = await tempFolder();
    const files = Array.from({ length: 60 }, (_, index) => ({
      path: `src/part-${index % 6}/file-${index}.ts`,
      content: `export const n = ${index};\n`,
    }));
    const folder = await writeNewFolder(parent, 'many', files, { concurrency: 8 });
    expect((await listTree(folder)).filter((path) => !path.endsWith('/'))).toHaveLength(60);
    expect(await readFile(join(folder, 'src', 'part-5', 'file-59.ts'), 'utf8')).toBe('export const n = 59;\n');
  });

  it('refuses an existing folder that has anything in it, and leaves it alone', async () => {
    const parent = await tempFolder();
    const existing = join(parent, 'payments');
    await mkdir(join(existing, 'lib'), { recursive: true });
    await writeFile(join(existing, 'lib', 'mine.ts'), 'my work');
    const attempt = writeNewFolder(parent, 'payments', cdkApp);
    await expect(attempt).rejects.toBeInstanceOf(FolderExportError);
    await expect(attempt).rejects.toThrow(folderAlreadyExistsMessage('payments', parent));
    expect(await listTree(existing)).toEqual(['lib/', 'lib/mine.ts']);
    expect(await readFile(join(existing, 'lib', 'mine.ts'), 'utf8')).toBe('my work');
  });

  it('refuses a folder holding only a hidden file', async () => {
    const parent = await tempFolder();
    await mkdir(join(parent, 'payments'));
    await writeFile(join(parent, 'payments', '.env'), 'SECRET=1');
    await expect(writeNewFolder(parent, 'payments', cdkApp)).rejects.toThrow(/already exists .* and is not empty/);
  });

  it('uses an existing empty folder, and one holding only OS metadata files', async () => {
    const parent = await tempFolder();
    await mkdir(join(parent, 'empty'));
    expect(await writeNewFolder(parent, 'empty', cdkApp)).toBe(join(parent, 'empty'));
    expect(await readFile(join(parent, 'empty', 'cdk.json'), 'utf8')).toBe(cdkApp[3]!.content);

    await mkdir(join(parent, 'viewed-in-finder'));
    await writeFile(join(parent, 'viewed-in-finder', '.DS_Store'), 'finder');
    await writeNewFolder(parent, 'viewed-in-finder', cdkApp);
    expect(await readFile(join(parent, 'viewed-in-finder', '.DS_Store'), 'utf8')).toBe('finder');
  });

  it('does not ignore a metadata file the export itself would write', async () => {
    const parent = await tempFolder();
    await mkdir(join(parent, 'app'));
    await writeFile(join(parent, 'app', 'desktop.ini'), 'mine');
    await expect(writeNewFolder(parent, 'app', [{ path: 'desktop.ini', content: 'generated' }])).rejects.toThrow(/is not empty/);
    expect(await readFile(join(parent, 'app', 'desktop.ini'), 'utf8')).toBe('mine');
  });

  it('refuses a file or a link where the folder should be', async () => {
    const parent = await tempFolder();
    await writeFile(join(parent, 'payments'), 'a file');
    await expect(writeNewFolder(parent, 'payments', cdkApp)).rejects.toThrow(
      `A file named “payments” already exists in ${parent}. Choose another place or remove it first.`,
    );
    const elsewhere = await tempFolder();
    await symlink(elsewhere, join(parent, 'linked'), 'dir');
    await expect(writeNewFolder(parent, 'linked', cdkApp)).rejects.toThrow(/is a link to another location/);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it.each([['../escape.ts'], ['lib/../../escape.ts'], ['/tmp/absolute.ts'], ['a\0b']])(
    'refuses the path %j before writing anything',
    async (path) => {
      const parent = await tempFolder();
      await expect(writeNewFolder(parent, 'app', [...cdkApp, { path, content: 'x' }])).rejects.toMatchObject({ code: 'EUNSAFEPATH' });
      expect(await readdir(parent)).toEqual([]);
    },
  );

  it.each([['..'], ['.'], ['a/b'], ['a\\b'], ['']])('refuses the folder name %j', async (name) => {
    const parent = await tempFolder();
    await expect(writeNewFolder(parent, name, cdkApp)).rejects.toMatchObject({ code: 'EBADNAME' });
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes everything it created when a write fails midway, and reports the file', async () => {
    const parent = await tempFolder();
    const fs = failingOnWrite(5, errno('ENOSPC', 'no space left on device'));
    const attempt = writeNewFolder(parent, 'payments', cdkApp, { fs, concurrency: 1 });
    await expect(attempt).rejects.toBeInstanceOf(FolderWriteError);
    await expect(attempt).rejects.toMatchObject({ leftBehind: [], cause: { code: 'ENOSPC' } });
    expect(fs.writes()).toBeGreaterThanOrEqual(5);
    expect(await readdir(parent)).toEqual([]);
  });

  it('keeps the existing empty folder (and what was in it) when cleaning up after a failure', async () => {
    const parent = await tempFolder();
    await mkdir(join(parent, 'payments'));
    await writeFile(join(parent, 'payments', 'Thumbs.db'), 'explorer');
    await expect(
      writeNewFolder(parent, 'payments', cdkApp, { fs: failingOnWrite(6, errno('EIO', 'i/o error')), concurrency: 3 }),
    ).rejects.toBeInstanceOf(FolderWriteError);
    expect(await listTree(join(parent, 'payments'))).toEqual(['Thumbs.db']);
  });

  it('cleans up after a failure while creating a subfolder', async () => {
    const parent = await tempFolder();
    const fs: FolderFileSystem = {
      ...nodeFs,
      mkdir: (async (path: string, options?: unknown) => {
        if (String(path).endsWith(`${sep}stacks`)) throw errno('EACCES', 'permission denied');
        return nodeFs.mkdir(path, options as never);
      }) as typeof nodeFs.mkdir,
    };
    const attempt = writeNewFolder(parent, 'payments', cdkApp, { fs });
    await expect(attempt).rejects.toMatchObject({ failedPath: join(parent, 'payments', 'lib', 'stacks'), leftBehind: [] });
    expect(await readdir(parent)).toEqual([]);
  });

  it('reports what it could not remove', async () => {
    const parent = await tempFolder();
    const fs: FolderFileSystem = {
      ...failingOnWrite(3, errno('ENOSPC')),
      unlink: async () => Promise.reject(errno('EPERM')),
    };
    const attempt = writeNewFolder(parent, 'payments', cdkApp, { fs, concurrency: 1 });
    const error = (await attempt.catch((caught: unknown) => caught)) as FolderWriteError;
    expect(error).toBeInstanceOf(FolderWriteError);
    // Two files were written before the failure; they and the folders holding them stay.
    expect(error.leftBehind).toEqual([
      join(parent, 'payments', '.gitignore'),
      join(parent, 'payments', 'README.md'),
      join(parent, 'payments'),
    ]);
    expect(describeFolderExportError(error, join(parent, 'payments'))).toContain(
      `delete the partly exported files in ${join(parent, 'payments')} by hand`,
    );
  });

  it('reports a parent folder it may not write to', async () => {
    const parent = await tempFolder();
    const fs: FolderFileSystem = {
      ...nodeFs,
      mkdir: async () => Promise.reject(errno('EPERM', 'operation not permitted')),
    };
    const error = await writeNewFolder(parent, 'payments', cdkApp, { fs }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failedPath: join(parent, 'payments'), leftBehind: [] });
    expect(describeFolderExportError(error, join(parent, 'payments'))).toMatch(/^Stowage does not have permission to write “payments” in /);
  });

  it('reports a real read-only parent folder, leaving it unchanged', async () => {
    if (process.getuid?.() === 0) return; // root ignores permissions
    const parent = await tempFolder();
    await chmod(parent, 0o555);
    try {
      const error = await writeNewFolder(parent, 'payments', cdkApp).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failedPath: join(parent, 'payments'), cause: { code: 'EACCES' } });
      expect(describeFolderExportError(error, join(parent, 'payments'))).toBe(
        `Stowage does not have permission to write “payments” in ${parent}. Choose a folder you can write to, or check its permissions. Nothing from this export was left behind.`,
      );
    } finally {
      await chmod(parent, 0o755);
    }
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('parentFolderFor', () => {
  const tempFolder = useTempFolder();

  it('treats a chosen empty folder of the same name as the place to export into', async () => {
    const code = await tempFolder();
    await mkdir(join(code, 'payments'));
    expect(await parentFolderFor(join(code, 'payments'), 'payments')).toBe(code);
    await writeFile(join(code, 'payments', '.DS_Store'), '');
    expect(await parentFolderFor(join(code, 'payments'), 'payments')).toBe(code);
  });

  it('otherwise creates the folder inside the chosen one', async () => {
    const code = await tempFolder();
    expect(await parentFolderFor(code, 'payments')).toBe(code);
    await mkdir(join(code, 'payments'));
    await writeFile(join(code, 'payments', 'old.txt'), '');
    expect(await parentFolderFor(join(code, 'payments'), 'payments')).toBe(join(code, 'payments'));
    const other = await tempFolder();
    await mkdir(join(other, 'Payments'));
    expect(await parentFolderFor(join(other, 'Payments'), 'payments')).toBe(join(other, 'Payments'));
  });
});

describe('resolveInside and foldersToCreate', () => {
  it('resolves targets inside the folder and lists the folders to make, parents first', () => {
    const root = join(sep, 'exports', 'app');
    const targets = resolveInside(root, cdkApp);
    expect(targets[4]).toBe(join(root, 'lib', 'stacks', 'network-stack.ts'));
    expect(foldersToCreate(root, targets)).toEqual([join(root, 'bin'), join(root, 'lib'), join(root, 'lib', 'stacks')]);
  });

  it('refuses a path that resolves to the folder itself or beside it, and duplicates', () => {
    const root = join(sep, 'exports', 'app');
    for (const path of ['.', '', '../app-evil/x', 'a/./x', 'a//x', 'a/', '/exports/app/x', 'a\\x']) {
      expect(() => resolveInside(root, [{ path, content: '' }]), path).toThrow(/not a plain path inside the folder/);
    }
    expect(() =>
      resolveInside(root, [
        { path: 'a/x', content: '' },
        { path: 'a/x', content: '' },
      ]),
    ).toThrow(/twice/);
    expect(() =>
      resolveInside(root, [
        { path: 'README.md', content: '' },
        { path: 'readme.md', content: '' },
      ]),
    ).toThrow(/twice/);
  });
});

describe('describeFolderExportError', () => {
  const folder = join(sep, 'home', 'ada', 'code', 'payments');
  const parent = join(sep, 'home', 'ada', 'code');

  it.each([
    [
      'ENOSPC',
      `There is not enough disk space to export “payments” to ${parent}. Free some space and try again, or choose another folder. Nothing from this export was left behind.`,
    ],
    [
      'EROFS',
      `${parent} is on a read-only disk, so “payments” cannot be exported there. Choose another folder. Nothing from this export was left behind.`,
    ],
    [
      'ENAMETOOLONG',
      'The path of “lib/app-stack.ts” would be too long for this disk. Choose a folder with a shorter path. Nothing from this export was left behind.',
    ],
    [
      'ENOENT',
      `The folder ${folder} was moved or deleted while Stowage was exporting into it. Export again. Nothing from this export was left behind.`,
    ],
    [
      'EBUSY',
      `Stowage could not write “lib/app-stack.ts” while exporting “payments” to ${parent}: EBUSY: EBUSY. Try again, or choose another folder. Nothing from this export was left behind.`,
    ],
  ])('explains %s', (code, message) => {
    expect(describeFolderExportError(new FolderWriteError(folder, join(folder, 'lib', 'app-stack.ts'), errno(code), []), folder)).toBe(
      message,
    );
  });

  it('says when the chosen folder is gone, and when the new folder could not be removed', () => {
    expect(describeFolderExportError(new FolderWriteError(folder, folder, errno('ENOENT'), []), folder)).toBe(
      `The folder ${parent} no longer exists. Choose another folder. Nothing from this export was left behind.`,
    );
    expect(describeFolderExportError(new FolderWriteError(folder, join(folder, 'a'), errno('EIO'), [folder]), folder)).toMatch(
      new RegExp(`delete ${folder.replace(/[/\\]/g, '.')} by hand\\.$`),
    );
  });

  it('passes refusals through unchanged', () => {
    expect(describeFolderExportError(new FolderExportError('Refused.', 'ENOTEMPTY'), folder)).toBe('Refused.');
  });
});
