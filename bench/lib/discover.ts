import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule } from '../types';
import { UsageError } from './args';

export interface BenchEntry {
  /** File name without .bench.ts: what --only takes. */
  id: string;
  file: string;
}

/** Every bench/*.bench.ts, sorted by id, optionally narrowed to the ids in `only`. */
export async function discoverBenchmarks(directory: string, only: readonly string[] = []): Promise<BenchEntry[]> {
  const entries = (await readdir(directory))
    .filter((name) => name.endsWith('.bench.ts'))
    .sort()
    .map((name) => ({ id: name.slice(0, -'.bench.ts'.length), file: join(directory, name) }));
  if (only.length === 0) return entries;
  const unknown = only.filter((id) => !entries.some((entry) => entry.id === id));
  if (unknown.length > 0) {
    throw new UsageError(
      `No benchmark named ${unknown.map((id) => `"${id}"`).join(', ')}. Available: ${entries.map((entry) => entry.id).join(', ') || 'none'}.`,
    );
  }
  return entries.filter((entry) => only.includes(entry.id));
}

/** Imports a bench module and checks it has the shape bench/types.ts describes. */
export async function loadBenchmark(entry: BenchEntry): Promise<BenchModule> {
  const module = (await import(pathToFileURL(entry.file).href)) as Partial<BenchModule>;
  if (typeof module.title !== 'string' || typeof module.run !== 'function') {
    throw new Error(`${entry.file} must export \`title\` (string) and \`run(context)\` returning Promise<BenchResult[]>.`);
  }
  return { title: module.title, run: module.run };
}
