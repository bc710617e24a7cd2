import { describe, expect, it, vi } from 'vitest';
import { folderNotEmptyMessage, folderZip, writeFolderThroughHandle, zipEntriesFor, type WriteFile } from './browser-folder-export';
import { type MemoryFile, MemoryFolder, writeMemoryFile } from './memory-folder.test-support';

const cdkApp = [
  { path: '.gitignore', content: 'node_modules\n' },
  { path: 'README.md', content: '# Payments ✓ 🚀\n' },
  { path: 'bin/app.ts', content: 'new App();\n' },
  { path: 'lib/stacks/network-stack.ts', content: 'export class NetworkStack {}\n' },
  { path: 'lib/app-stack.ts', content: 'export class AppStack {}\n' },
];

function failingOn(failAt: number, error: unknown): WriteFile & { calls: () => number } {
  let calls = 0;
  return Object.assign(
    async (...args: Parameters<WriteFile>) => {
      calls += 1;
      if (calls === failAt) throw error;
      await writeMemoryFile(...args);
    },
    { calls: () => calls },
  );
}

describe('ZIP fallback', () => {
  it('puts every file under the folder name', () => {
    expect(zipEntriesFor('payments', cdkApp).map((entry) => entry.path)).toEqual([
      'payments/.gitignore',
      'payments/README.md',
      'payments/bin/app.ts',
      'payments/lib/stacks/network-stack.ts',
      'payments/lib/app-stack.ts',
    ]);
    expect(zipEntriesFor('payments', cdkApp)[1]!.content).toBe(cdkApp[1]!.content);
  });

  it('builds payments.zip as a ZIP archive holding those entries', async () => {
    const { fileName, blob } = folderZip('payments', cdkApp);
    expect(fileName).toBe('payments.zip');
    expect(blob.type).toBe('application/zip');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const text = new TextDecoder().decode(bytes);
    for (const entry of zipEntriesFor('payments', cdkApp)) expect(text).toContain(entry.path);
  });
});

describe('writeFolderThroughHandle', () => {
  it('creates the folder with every file and subfolder', async () => {
    const parent = new MemoryFolder('code');
    await writeFolderThroughHandle(parent, 'payments', cdkApp, writeMemoryFile);
    expect(parent.tree()).toEqual([
      'payments/',
      'payments/.gitignore',
      'payments/README.md',
      'payments/bin/',
      'payments/bin/app.ts',
      'payments/lib/',
      'payments/lib/app-stack.ts',
      'payments/lib/stacks/',
      'payments/lib/stacks/network-stack.ts',
    ]);
    for (const file of cdkApp) expect(parent.file(`payments/${file.path}`)).toBe(file.content);
  });

  it('refuses an existing folder with content and leaves it alone', async () => {
    const parent = new MemoryFolder('code');
    const existing = (await parent.getDirectoryHandle('payments', { create: true })) as MemoryFolder;
    const mine = (await existing.getFileHandle('.env', { create: true })) as unknown as MemoryFile;
    mine.content = 'SECRET=1';
    await expect(writeFolderThroughHandle(parent, 'payments', cdkApp, writeMemoryFile)).rejects.toThrow(
      folderNotEmptyMessage('payments', 'code'),
    );
    expect(folderNotEmptyMessage('payments', 'code')).toBe(
      'A folder named “payments” already exists in “code” and is not empty. Choose another place or remove it first.',
    );
    expect(parent.tree()).toEqual(['payments/', 'payments/.env']);
    expect(parent.file('payments/.env')).toBe('SECRET=1');
  });

  it('uses an existing folder that is empty or holds only OS metadata files', async () => {
    const parent = new MemoryFolder('code');
    await parent.getDirectoryHandle('empty', { create: true });
    await writeFolderThroughHandle(parent, 'empty', cdkApp, writeMemoryFile);
    expect(parent.file('empty/bin/app.ts')).toBe('new App();\n');

    const viewed = (await parent.getDirectoryHandle('viewed', { create: true })) as MemoryFolder;
    await viewed.getFileHandle('.DS_Store', { create: true });
    await writeFolderThroughHandle(parent, 'viewed', cdkApp, writeMemoryFile);
    expect(viewed.tree()).toContain('.DS_Store');
    await expect(writeFolderThroughHandle(parent, 'viewed', cdkApp, writeMemoryFile)).rejects.toThrow(/is not empty/);
  });

  it('writes straight into an empty picked folder that already has the name', async () => {
    const picked = new MemoryFolder('payments');
    await writeFolderThroughHandle(picked, 'payments', cdkApp, writeMemoryFile);
    expect(picked.tree()).toContain('bin/app.ts');
    expect(picked.tree()).not.toContain('payments/');

    const used = new MemoryFolder('payments');
    await used.getFileHandle('old.txt', { create: true });
    await writeFolderThroughHandle(used, 'payments', cdkApp, writeMemoryFile);
    expect(used.tree()).toContain('payments/bin/app.ts');
  });

  it('refuses a file where the folder should be', async () => {
    const parent = new MemoryFolder('code');
    await parent.getFileHandle('payments', { create: true });
    await expect(writeFolderThroughHandle(parent, 'payments', cdkApp, writeMemoryFile)).rejects.toThrow(
      'A file named “payments” already exists in “code”. Choose another place or remove it first.',
    );
  });

  it('removes everything it created when a write fails midway', async () => {
    const parent = new MemoryFolder('code');
    const write = failingOn(4, new DOMException('full', 'QuotaExceededError'));
    await expect(writeFolderThroughHandle(parent, 'payments', cdkApp, write)).rejects.toThrow(
      'There is not enough disk space to export “payments” to “code”. Free some space and try again, or choose another folder. Nothing from this export was left behind.',
    );
    expect(write.calls()).toBe(4);
    expect(parent.tree()).toEqual([]);
  });

  it('keeps an existing empty folder and its metadata files when cleaning up', async () => {
    const parent = new MemoryFolder('code');
    const existing = (await parent.getDirectoryHandle('payments', { create: true })) as MemoryFolder;
    await existing.getFileHandle('Thumbs.db', { create: true });
    await expect(
      writeFolderThroughHandle(parent, 'payments', cdkApp, failingOn(5, new DOMException('denied', 'NotAllowedError'))),
    ).rejects.toThrow(/^The browser did not allow Stowage to write in “code”\..* Nothing from this export was left behind\.$/);
    expect(parent.tree()).toEqual(['payments/', 'payments/Thumbs.db']);
  });

  it('says what it could not remove', async () => {
    const parent = new MemoryFolder('code');
    const write: WriteFile = async (handle, data) => {
      await writeMemoryFile(handle, data);
      const payments = parent.entries.get('payments') as MemoryFolder;
      payments.removeEntry.mockRejectedValue(new DOMException('locked', 'NoModificationAllowedError'));
      throw new Error('Disk went away');
    };
    await expect(writeFolderThroughHandle(parent, 'payments', cdkApp, write)).rejects.toThrow(
      'Stowage could not export “payments” to “code”: Disk went away. Try again, or choose another folder. Stowage could not remove everything it had written; delete the folder “payments” in “code” by hand.',
    );
  });

  it('reports a failure to create the folder', async () => {
    const parent = new MemoryFolder('code');
    vi.spyOn(parent, 'getDirectoryHandle').mockImplementation((_name, options) =>
      Promise.reject(new DOMException('nope', options?.create ? 'NotAllowedError' : 'NotFoundError')),
    );
    await expect(writeFolderThroughHandle(parent, 'payments', cdkApp, writeMemoryFile)).rejects.toThrow(
      /^The browser did not allow Stowage to write in “code”/,
    );
  });
});
