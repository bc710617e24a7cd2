import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { decodeDocumentBytes } from '../../shared/document/decode';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { FILE_EXTENSION } from '../../shared/document/schema';
import { MAX_OWN_TEMPLATE_CHARS, MAX_OWN_TEMPLATES, type OwnTemplates } from '../../shared/host/contract';
import { writeFileAtomic } from './atomic-write';

/**
 * The folder a trainer keeps their own templates in: chosen once in a native dialog, remembered
 * in userData, and read again each time the start screen lists templates, so files the trainer
 * adds to or edits in the folder show up without choosing it again.
 */

const StoredFolder = z.object({ version: z.literal(1), folder: z.string().min(1).max(4096).nullable() });

export class TemplatesFolder {
  private constructor(
    private readonly storePath: string,
    private folder: string | null,
  ) {}

  /** An unreadable or corrupt store means no folder yet, rather than failing start-up. */
  static async load(storePath: string): Promise<TemplatesFolder> {
    const folder = await readFile(storePath, 'utf8')
      .then((text) => StoredFolder.safeParse(JSON.parse(text)))
      .then((parsed) => (parsed.success ? parsed.data.folder : null))
      .catch(() => null);
    return new TemplatesFolder(storePath, folder);
  }

  async choose(folder: string | null): Promise<void> {
    this.folder = folder;
    try {
      await mkdir(dirname(this.storePath), { recursive: true });
      await writeFileAtomic(this.storePath, `${JSON.stringify({ version: 1, folder }, null, 2)}\n`);
    } catch (error) {
      // A convenience: this session keeps the folder even when it cannot be remembered.
      console.warn(`Stowage could not remember the templates folder in ${this.storePath}:`, error);
    }
  }

  /** The .stowage files of the folder, by name; a missing folder lists none (an unplugged disk comes back later). */
  async list(): Promise<OwnTemplates> {
    const folder = this.folder;
    if (folder === null) return { folder: null, files: [], skipped: [] };
    const names = await readdir(folder).catch(() => [] as string[]);
    const files: OwnTemplates['files'] = [];
    const skipped: string[] = [];
    for (const name of names.filter((entry) => entry.toLowerCase().endsWith(`.${FILE_EXTENSION}`)).sort((a, b) => a.localeCompare(b))) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      // Sized before reading: bytes are never fewer than the UTF-16 units they decode to.
      if (!info?.isFile() || info.size > MAX_OWN_TEMPLATE_CHARS || files.length >= MAX_OWN_TEMPLATES || name.length > 255) {
        skipped.push(name.slice(0, 1024));
        continue;
      }
      // The one decoder every host reads diagrams with (BOMs, UTF-16; bad bytes refused, not replaced).
      const bytes = await readFile(path).catch(() => null);
      const decoded = bytes === null ? null : decodeDocumentBytes(bytes);
      if (!decoded?.ok || decoded.text.length > MAX_OWN_TEMPLATE_CHARS) skipped.push(name);
      else files.push({ name, text: decoded.text });
    }
    return { folder, files, skipped: skipped.slice(0, 100) };
  }
}
