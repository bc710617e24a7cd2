import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { isSafeRelativePath, zipTextFiles } from './zip';

describe('zipTextFiles', () => {
  it('writes an archive that unzip reads back byte for byte', () => {
    const entries = [
      { path: 'app/package.json', content: '{"name":"app"}\n' },
      { path: 'app/lib/stack.ts', content: 'export const label = "Ünïcode ✓ 🚀";\n' },
    ];
    const directory = mkdtempSync(join(tmpdir(), 'stowage-zip-'));
    const archive = join(directory, 'app.zip');
    writeFileSync(archive, zipTextFiles(entries));
    // Python's zipfile is on every machine we build on; it checks CRCs while extracting.
    execFileSync('python3', [
      '-c',
      `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])`,
      archive,
      join(directory, 'out'),
    ]);
    for (const entry of entries) expect(readFileSync(join(directory, 'out', entry.path), 'utf8')).toBe(entry.content);
  });

  it('is deterministic', () => {
    const entries = [{ path: 'a.txt', content: 'a' }];
    expect(zipTextFiles(entries)).toEqual(zipTextFiles(entries));
  });

  it('refuses paths that could escape the folder', () => {
    for (const path of ['../x', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', '', 'a//b', './a']) {
      expect(isSafeRelativePath(path), path).toBe(false);
      expect(() => zipTextFiles([{ path, content: '' }])).toThrow();
    }
    expect(isSafeRelativePath('bin/app.ts')).toBe(true);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Uint8Array.from([...'123456789'].map((c) => c.charCodeAt(0))))).toBe(0xcbf43926);
  });
});
