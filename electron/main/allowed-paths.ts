import { isAbsolute, resolve } from 'node:path';

/**
 * The files this session may read or overwrite on the renderer's behalf: only those the user
 * chose in a native dialog, picked from Open Recent, or that the operating system asked us to
 * open. A renderer compromised by a malicious diagram can therefore never name an arbitrary
 * path (~/.ssh/id_rsa, a system file) and have the main process read or replace it.
 */
export class AllowedPaths {
  readonly #keys = new Set<string>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  allow(path: string): void {
    const key = pathKey(path, this.platform);
    if (key !== null) this.#keys.add(key);
  }

  has(path: string): boolean {
    const key = pathKey(path, this.platform);
    return key !== null && this.#keys.has(key);
  }
}

/**
 * One spelling per file: absolute and normalized ("a/../b" cannot sneak past), and case-folded
 * on Windows, whose file systems ignore case. macOS volumes may be case-sensitive, so no folding
 * there: a different spelling there may be a different file. Relative paths and paths with NUL
 * bytes have no key and are never allowed.
 */
export function pathKey(path: string, platform: NodeJS.Platform = process.platform): string | null {
  if (path.includes('\0') || !isAbsolute(path)) return null;
  const normalized = resolve(path);
  return platform === 'win32' ? normalized.toLowerCase() : normalized;
}
