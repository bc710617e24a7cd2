import { MAX_OWN_TEMPLATE_CHARS, MAX_OWN_TEMPLATES, type OwnTemplates } from '../../shared/host/contract';
import type { KeyValueStore } from './browser-storage';

/**
 * A trainer's own templates in the browser: copies of the .stowage files they imported, kept in
 * IndexedDB (the page cannot read a folder again by itself), one entry per file name, so
 * importing a file of the same name again replaces the copy.
 */

const PREFIX = 'template:';

export interface StoredTemplate {
  name: string;
  text: string;
}

export function tooLargeForTemplate(name: string): string {
  return `“${name}” is too large for a template (templates are up to ${MAX_OWN_TEMPLATE_CHARS / (1024 * 1024)} MB). Open it as a diagram instead.`;
}

export class BrowserTemplates {
  constructor(private readonly store: KeyValueStore) {}

  async list(): Promise<OwnTemplates> {
    const names = (await this.store.keys())
      .filter((key) => key.startsWith(PREFIX))
      .map((key) => key.slice(PREFIX.length))
      .sort((a, b) => a.localeCompare(b));
    const files: StoredTemplate[] = [];
    const skipped: string[] = [];
    for (const name of names) {
      const stored = await this.store.get<StoredTemplate>(PREFIX + name);
      if (files.length < MAX_OWN_TEMPLATES && typeof stored?.text === 'string' && stored.text.length <= MAX_OWN_TEMPLATE_CHARS) {
        files.push({ name, text: stored.text });
      } else {
        skipped.push(name);
      }
    }
    return { folder: null, files, skipped: skipped.slice(0, 100) };
  }

  /** Keeps a copy; undefined when it is kept, else why not, in words for the user. */
  async add(name: string, text: string): Promise<string | undefined> {
    if (text.length > MAX_OWN_TEMPLATE_CHARS) return tooLargeForTemplate(name);
    const existing = (await this.store.keys()).filter((key) => key.startsWith(PREFIX));
    if (!existing.includes(PREFIX + name) && existing.length >= MAX_OWN_TEMPLATES) {
      return `The gallery holds up to ${MAX_OWN_TEMPLATES} of your own templates. Remove one before adding “${name}”.`;
    }
    await this.store.set(PREFIX + name, { name, text } satisfies StoredTemplate);
    return undefined;
  }

  async remove(name: string): Promise<void> {
    await this.store.delete(PREFIX + name);
  }
}
