import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What the generators of registries (the catalog list, the CDK exporter registry) share: they
 * read the modules of one folder, pick the exported values of one sort, and write a TypeScript
 * module that imports them by name, so that a new file in the folder is picked up by
 * `npm run generate` and no hand-kept list has to name it.
 */

export interface ExportedValue<T> {
  /** Import path from the generated module, without extension: `./kinds/alb`. */
  module: string;
  /** Exported name: `alb`. */
  name: string;
  value: T;
}

/** The TypeScript files of `folder` (recursively), tests and test support left out, in a stable order. */
export function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.ts$/.test(entry.name) && !/\.(test|test-support|generated)\.ts$/.test(entry.name)) files.push(path);
  }
  return files;
}

/** The exported values of the modules in `folder` that `accept` recognises, with where they come from. */
export async function exportedValues<T>(
  folder: string,
  importBase: string,
  accept: (value: unknown) => value is T,
): Promise<ExportedValue<T>[]> {
  const found: ExportedValue<T>[] = [];
  for (const file of sourceFiles(folder)) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const module = `${importBase}/${file.slice(folder.length + 1).replace(/\.ts$/, '')}`;
    for (const [name, value] of Object.entries(exports)) if (accept(value)) found.push({ module, name, value });
  }
  return found;
}

/** `import { a, b } from './x';` lines, one per module, in module order. */
export function importLines(values: readonly ExportedValue<unknown>[], extra: readonly string[] = []): string[] {
  const byModule = new Map<string, string[]>();
  for (const { module, name } of values) byModule.set(module, [...(byModule.get(module) ?? []), name]);
  const lines = [...extra];
  for (const [module, names] of [...byModule].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`import { ${[...new Set(names)].sort().join(', ')} } from '${module}';`);
  }
  return lines;
}
