import { describe, expect, it } from 'vitest';
import { MAX_OWN_TEMPLATE_CHARS, MAX_OWN_TEMPLATES } from '../../shared/host/contract';
import { memoryStore } from './browser-storage';
import { BrowserTemplates } from './browser-templates';

describe('BrowserTemplates', () => {
  it('keeps imported files by name, sorted, replacing a file of the same name, and forgets a removed one', async () => {
    const templates = new BrowserTemplates(memoryStore());
    expect(await templates.add('lab-b.stowage', 'b')).toBeUndefined();
    expect(await templates.add('lab-a.stowage', 'a')).toBeUndefined();
    expect(await templates.add('lab-b.stowage', 'b2')).toBeUndefined();
    expect(await templates.list()).toEqual({
      folder: null,
      files: [
        { name: 'lab-a.stowage', text: 'a' },
        { name: 'lab-b.stowage', text: 'b2' },
      ],
      skipped: [],
    });
    await templates.remove('lab-a.stowage');
    expect((await templates.list()).files.map((file) => file.name)).toEqual(['lab-b.stowage']);
  });

  it('refuses a file too large for a template and one more than the gallery holds, saying what to do', async () => {
    const templates = new BrowserTemplates(memoryStore());
    expect(await templates.add('huge.stowage', 'x'.repeat(MAX_OWN_TEMPLATE_CHARS + 1))).toMatch(/too large for a template/);
    for (let index = 0; index < MAX_OWN_TEMPLATES; index++) await templates.add(`t${index}.stowage`, '{}');
    expect(await templates.add('one-more.stowage', '{}')).toMatch(/Remove one before adding “one-more.stowage”/);
    expect(await templates.add('t0.stowage', '{"again":1}')).toBeUndefined();
  });
});
