import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  folderExportProblems,
  isPortableFolderName,
  isPortableName,
  isPortableRelativePath,
  MAX_FOLDER_FILE_PATH_LENGTH,
  toPortableFolderName,
} from './folder-export';

const cdkApp = [
  { path: '.gitignore', content: 'node_modules\n' },
  { path: 'README.md', content: '# app\n' },
  { path: 'bin/app.ts', content: 'new App();\n' },
  { path: 'lib/app-stack.ts', content: 'export class AppStack {}\n' },
];

describe('portable names', () => {
  it('accepts ordinary file and folder names', () => {
    for (const name of ['app', 'my-app', 'README.md', '.gitignore', 'Ünïcode app', 'app.v2', 'a b'])
      expect(isPortableName(name), name).toBe(true);
  });

  it('refuses names some system cannot hold or would change', () => {
    for (const name of [
      '',
      '.',
      '..',
      'a/b',
      'a\\b',
      'a:b',
      'a*b',
      'a?b',
      'a"b',
      'a<b',
      'a>b',
      'a|b',
      'a\u0000b',
      'tab\tname',
      'app.',
      'app ',
      'CON',
      'nul.txt',
      'Com1',
      'LPT9.md',
      'x'.repeat(256),
    ]) {
      expect(isPortableName(name), JSON.stringify(name)).toBe(false);
    }
    expect(isPortableName('console')).toBe(true);
  });

  it('keeps folder names to 120 characters', () => {
    expect(isPortableFolderName('x'.repeat(120))).toBe(true);
    expect(isPortableFolderName('x'.repeat(121))).toBe(false);
  });

  it('accepts relative paths of portable names only', () => {
    expect(isPortableRelativePath('lib/app-stack.ts')).toBe(true);
    const longest = `${'x'.repeat(9)}/`.repeat(39) + 'x';
    expect(longest).toHaveLength(MAX_FOLDER_FILE_PATH_LENGTH);
    expect(isPortableRelativePath(longest)).toBe(true);
    expect(isPortableRelativePath(`${longest}x`)).toBe(false);
    for (const path of ['../x', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', '', 'a//b', './a', 'lib/', 'lib/a:b', 'lib/con', 'lib/x. /y']) {
      expect(isPortableRelativePath(path), path).toBe(false);
    }
  });
});

describe('toPortableFolderName', () => {
  it('turns any text into a portable folder name', () => {
    expect(toPortableFolderName('Payments: prod / eu')).toBe('Payments- prod - eu');
    expect(toPortableFolderName('  app...  ')).toBe('app');
    expect(toPortableFolderName('con')).toBe('con-app');
    expect(toPortableFolderName('...')).toBe('stowage-app');
    expect(toPortableFolderName('', 'cdk-app')).toBe('cdk-app');
    expect(toPortableFolderName('🚀'.repeat(100))).toHaveLength(120);
  });

  it('always produces a name the contract accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(isPortableFolderName(toPortableFolderName(text))).toBe(true);
      }),
    );
  });
});

describe('folderExportProblems', () => {
  it('finds no problems in a CDK app', () => {
    expect(folderExportProblems(cdkApp)).toEqual([]);
  });

  it('refuses the same path twice, also when only the case differs', () => {
    expect(folderExportProblems([...cdkApp, { path: 'README.md', content: '' }])).toEqual([
      { index: 4, message: '“README.md” is listed twice.' },
    ]);
    expect(folderExportProblems([...cdkApp, { path: 'readme.md', content: '' }])[0]!.message).toMatch(
      /“readme\.md” is listed twice \(as “README\.md”/,
    );
  });

  it('refuses a path used both as a file and as a folder', () => {
    expect(folderExportProblems([...cdkApp, { path: 'LIB', content: '' }])).toEqual([
      { index: 4, message: '“LIB” is a file, but “lib” is also needed as a folder.' },
    ]);
  });
});
