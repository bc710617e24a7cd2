import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OWN_TEMPLATE_CHARS } from '../../shared/host/contract';
import { TemplatesFolder } from './templates-folder';

describe('TemplatesFolder', () => {
  it('lists the .stowage files of the chosen folder by name, remembers the folder and forgets it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stowage-templates-'));
    const folder = join(root, 'labs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'b.stowage'), 'B');
    writeFileSync(join(folder, 'a.stowage'), 'A');
    writeFileSync(join(folder, 'notes.txt'), 'not a template');
    mkdirSync(join(folder, 'old.stowage'));
    writeFileSync(join(folder, 'huge.stowage'), 'x'.repeat(MAX_OWN_TEMPLATE_CHARS + 1));
    const store = join(root, 'user-data', 'templates-folder.json');

    const templates = await TemplatesFolder.load(store);
    expect(await templates.list()).toEqual({ folder: null, files: [], skipped: [] });
    await templates.choose(folder);
    const expected = {
      folder,
      files: [
        { name: 'a.stowage', text: 'A' },
        { name: 'b.stowage', text: 'B' },
      ],
      skipped: ['huge.stowage', 'old.stowage'],
    };
    expect(await templates.list()).toEqual(expected);
    expect(await (await TemplatesFolder.load(store)).list()).toEqual(expected);

    await templates.choose(null);
    expect(await (await TemplatesFolder.load(store)).list()).toEqual({ folder: null, files: [], skipped: [] });
  });

  it('reads templates with the one decoder: a UTF-16 file with its BOM is listed as text, one of bad bytes is skipped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stowage-templates-'));
    const folder = join(root, 'labs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'utf16.stowage'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]));
    writeFileSync(join(folder, 'bad.stowage'), Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    const templates = await TemplatesFolder.load(join(root, 'templates-folder.json'));
    await templates.choose(folder);
    expect(await templates.list()).toEqual({ folder, files: [{ name: 'utf16.stowage', text: '{"a":1}' }], skipped: ['bad.stowage'] });
  });

  it('lists nothing from a folder that is gone, and starts with none from a corrupt store', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stowage-templates-'));
    const store = join(root, 'templates-folder.json');
    writeFileSync(store, '{ not json');
    const templates = await TemplatesFolder.load(store);
    expect((await templates.list()).folder).toBeNull();
    await templates.choose(join(root, 'missing'));
    expect(await templates.list()).toEqual({ folder: join(root, 'missing'), files: [], skipped: [] });
  });
});
