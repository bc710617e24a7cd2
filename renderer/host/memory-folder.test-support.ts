import { vi } from 'vitest';
import type { FolderHandle, PermissionAwareHandle } from './browser-files';
import { promiseOf } from '../../test/promises';

/**
 * An in-memory stand-in for File System Access directory handles, with the browser's answers:
 * NotFoundError for a missing entry, TypeMismatchError for a file where a folder is asked for
 * (and the reverse), InvalidModificationError when removing a folder that is not empty, and
 * TypeError for names that are not a single entry name. Test-only helper.
 */

export class MemoryFile {
  readonly kind = 'file';
  content = '';
  constructor(readonly name: string) {}
}

export class MemoryFolder implements FolderHandle {
  readonly kind = 'directory';
  readonly entries = new Map<string, MemoryFolder | MemoryFile>();
  readonly removeEntry = vi.fn((name: string, options?: { recursive?: boolean }) =>
    promiseOf(() => {
      const entry = this.entries.get(name);
      if (!entry) throw new DOMException(`${name} not found`, 'NotFoundError');
      if (entry instanceof MemoryFolder && entry.entries.size > 0 && !options?.recursive)
        throw new DOMException(`${name} is not empty`, 'InvalidModificationError');
      this.entries.delete(name);
    }),
  );

  constructor(readonly name: string) {}

  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FolderHandle> {
    return promiseOf(() => {
      checkName(name);
      const entry = this.entries.get(name);
      if (entry instanceof MemoryFolder) return entry;
      if (entry) throw new DOMException(`${name} is a file`, 'TypeMismatchError');
      if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      const folder = new MemoryFolder(name);
      this.entries.set(name, folder);
      return folder;
    });
  }

  getFileHandle(name: string, options?: { create?: boolean }): Promise<PermissionAwareHandle> {
    return promiseOf(() => {
      checkName(name);
      let entry = this.entries.get(name);
      if (entry instanceof MemoryFolder) throw new DOMException(`${name} is a folder`, 'TypeMismatchError');
      if (!entry) {
        if (!options?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
        entry = new MemoryFile(name);
        this.entries.set(name, entry);
      }
      return entry as unknown as PermissionAwareHandle;
    });
  }

  /** The names of the entries as they are now, one by one, as the browser's async iterator hands them out. */
  keys(): AsyncIterable<string> {
    const names = [...this.entries.keys()][Symbol.iterator]();
    return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(names.next()) }) };
  }

  /** Every entry below this folder as sorted relative paths, folders ending in "/". */
  tree(prefix = ''): string[] {
    return [...this.entries.values()]
      .flatMap((entry) =>
        entry instanceof MemoryFolder ? [`${prefix}${entry.name}/`, ...entry.tree(`${prefix}${entry.name}/`)] : [`${prefix}${entry.name}`],
      )
      .sort();
  }

  file(path: string): string | undefined {
    const [head, ...rest] = path.split('/');
    const entry = this.entries.get(head!);
    if (rest.length === 0) return entry instanceof MemoryFile ? entry.content : undefined;
    return entry instanceof MemoryFolder ? entry.file(rest.join('/')) : undefined;
  }
}

function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name)) throw new TypeError(`Name is not allowed: ${name}`);
}

/** Writes a blob into a MemoryFile the way createWritable does: all at once, on close. */
export async function writeMemoryFile(handle: PermissionAwareHandle, data: Blob): Promise<void> {
  (handle as unknown as MemoryFile).content = await data.text();
}
