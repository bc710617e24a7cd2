import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * shared/ runs unchanged in Node (CLI, tests), Electron main and the browser, so it may only
 * import other shared/ modules and a few pure packages. shared/tsconfig.json already removes
 * DOM and Node globals; this test closes the remaining door: imports of packages.
 */
const ALLOWED_PACKAGES = new Set(['zod', 'elkjs/lib/elk.bundled.js', 'elkjs/lib/elk-api']);
const sharedRoot = import.meta.dirname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry) && !/\.test\.ts$|\.test-support\.ts$/.test(entry) ? [path] : [];
  });
}

describe('shared/ stays pure', () => {
  const files = sourceFiles(sharedRoot);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(sharedRoot, file), file]))('%s imports only shared modules and allowed packages', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = join(file, '..', specifier);
        expect(relative(sharedRoot, target).startsWith('..'), `${specifier} leaves shared/`).toBe(false);
      } else {
        expect(ALLOWED_PACKAGES.has(specifier), `${specifier} is not an allowed package in shared/`).toBe(true);
      }
    }
  });
});
