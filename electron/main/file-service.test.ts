import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/document/schema';
import { BackupError } from './atomic-write';
import { describeFileError } from './file-errors';
import { backupPathFor, readDocumentFile, saveDocumentFile, writeExportFile } from './file-service';
import { errno, useTempFolder } from './fs.test-support';

describe('readDocumentFile', () => {
  const tempFolder = useTempFolder();

  it('reads UTF-8 text and drops a byte order mark', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'diagram.stowage');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"名前":"ü"}')]));
    expect(await readDocumentFile(path)).toBe('{"名前":"ü"}');
  });

  it('refuses a file over the document limit with a message naming the file and the limit', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'huge.stowage');
    await writeFile(path, '');
    // A sparse file: as large as claimed without writing 21 MB.
    await truncate(path, LIMITS.maxFileBytes + 1024 * 1024);
    const error = await readDocumentFile(path).catch((caught: unknown) => caught);
    const message = describeFileError(error, 'open', path);
    expect(message).toContain('“huge.stowage” is 21 MB');
    expect(message).toContain('up to 20 MB');
  });

  it('accepts a file exactly at the limit', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'edge.stowage');
    await writeFile(path, 'a'.repeat(64));
    expect(await readDocumentFile(path, 64)).toHaveLength(64);
    await expect(readDocumentFile(path, 63)).rejects.toMatchObject({ code: 'ETOOLARGE' });
  });

  it('refuses binary files', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'image.stowage');
    await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]));
    const error = await readDocumentFile(path).catch((caught: unknown) => caught);
    expect(describeFileError(error, 'open', path)).toContain('is not valid UTF-8 text');
  });

  it('opens UTF-16 with a byte order mark and refuses invalid UTF-8', async () => {
    const folder = await tempFolder();
    const utf16 = join(folder, 'utf16.stowage');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"é"}', 'utf16le')]));
    expect(await readDocumentFile(utf16)).toBe('{"a":"é"}');
    const bad = join(folder, 'bad.stowage');
    await writeFile(bad, Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
    const error = await readDocumentFile(bad).catch((caught: unknown) => caught);
    expect(describeFileError(error, 'open', bad)).toContain('is not valid UTF-8 text (at byte 2)');
  });

  it('explains missing files and folders', async () => {
    const folder = await tempFolder();
    const missing = join(folder, 'gone.stowage');
    const missingError = await readDocumentFile(missing).catch((caught: unknown) => caught);
    expect(describeFileError(missingError, 'open', missing)).toBe(
      `“gone.stowage” could not be found in ${folder}. It may have been moved, renamed or deleted.`,
    );
    await mkdir(join(folder, 'folder.stowage'));
    const folderError = await readDocumentFile(join(folder, 'folder.stowage')).catch((caught: unknown) => caught);
    expect(describeFileError(folderError, 'open', join(folder, 'folder.stowage'))).toContain('is a folder');
  });
});

describe('saveDocumentFile and writeExportFile', () => {
  const tempFolder = useTempFolder();

  it('keeps the previous document as <name>.bak and exports without a backup', async () => {
    const folder = await tempFolder();
    const document = join(folder, 'diagram.stowage');
    await saveDocumentFile(document, 'one');
    await saveDocumentFile(document, 'two');
    expect(await readFile(backupPathFor(document), 'utf8')).toBe('one');
    const exported = join(folder, 'diagram.svg');
    await writeExportFile(exported, '<svg/>');
    await writeExportFile(exported, '<svg></svg>');
    expect(await readFile(exported, 'utf8')).toBe('<svg></svg>');
    await expect(readFile(`${exported}.bak`)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('describeFileError', () => {
  const path = '/home/ada/designs/diagram.stowage';

  it.each([
    ['EACCES', 'does not have permission to write “diagram.stowage” in /home/ada/designs'],
    ['EPERM', 'Save As…'],
    ['ENOSPC', 'not enough disk space'],
    ['EROFS', 'read-only disk'],
    ['ENOENT', 'The folder /home/ada/designs no longer exists'],
    ['EBUSY', 'in use by another program'],
    ['EIO', 'Stowage could not save /home/ada/designs/diagram.stowage: EIO'],
  ])('explains %s when saving', (code, expected) => {
    expect(describeFileError(errno(code), 'save', path)).toContain(expected);
  });

  it('reassures that a failed save left the file unchanged', () => {
    expect(describeFileError(errno('ENOSPC'), 'save', path)).toContain('Your file on disk is unchanged.');
    expect(describeFileError(errno('ENOSPC'), 'export', path)).not.toContain('unchanged');
  });

  it('names the backup when the backup could not be written', () => {
    const message = describeFileError(new BackupError(`${path}.bak`, errno('EACCES', 'permission denied')), 'save', path);
    expect(message).toContain(`${path}.bak`);
    expect(message).toContain('did not save over the file');
  });

  it('explains read permission problems', () => {
    expect(describeFileError(errno('EACCES'), 'open', path)).toContain('does not have permission to read “diagram.stowage”');
  });
});
