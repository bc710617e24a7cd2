import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from './contract';
import { MAX_FOLDER_EXPORT_CHARS, MAX_FOLDER_EXPORT_FILES, toPortableFolderName } from './folder-export';

const request = HOST_CHANNELS.exportFolder.request;
const cdkApp = [
  { path: '.gitignore', content: 'node_modules\n' },
  { path: 'README.md', content: '# app\n' },
  { path: 'bin/app.ts', content: 'new App();\n' },
  { path: 'lib/app-stack.ts', content: 'export class AppStack {}\n' },
];

function issues(value: unknown): string[] {
  const parsed = request.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('exportFolder request schema', () => {
  it('is served on file:export-folder and answers with a save result', () => {
    expect(HOST_CHANNELS.exportFolder.channel).toBe('file:export-folder');
    expect(
      HOST_CHANNELS.exportFolder.response.safeParse({ status: 'saved', file: { path: '/home/ada/code/payments', name: 'payments' } })
        .success,
    ).toBe(true);
  });

  it('accepts a CDK app', () => {
    expect(issues({ suggestedName: 'payments-app', files: cdkApp })).toEqual([]);
  });

  it('accepts every name toPortableFolderName makes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(issues({ suggestedName: toPortableFolderName(text), files: cdkApp })).toEqual([]);
      }),
    );
  });

  it.each([
    ['a path separator', 'a/b'],
    ['a backslash', 'a\\b'],
    ['a parent reference', '..'],
    ['nothing', ''],
    ['121 characters', 'x'.repeat(121)],
  ])('refuses a folder name with %s', (_name, suggestedName) => {
    const found = issues({ suggestedName, files: cdkApp });
    expect(found.length).toBeGreaterThan(0);
    for (const issue of found) expect(issue).toMatch(/^suggestedName: /);
  });

  it.each(['../outside.ts', '/etc/passwd', 'lib/../../x', 'C:/Windows/x', 'lib\\x.ts', 'lib//x.ts', './x', 'lib/'])(
    'refuses the path %s',
    (path) => {
      expect(issues({ suggestedName: 'app', files: [...cdkApp, { path, content: 'x' }] })).toEqual([
        expect.stringMatching(/^files\.4\.path: must be a relative path inside the folder/),
      ]);
    },
  );

  it('refuses duplicates and file/folder clashes, naming the path', () => {
    expect(issues({ suggestedName: 'app', files: [...cdkApp, { path: 'bin/APP.ts', content: '' }] })).toEqual([
      expect.stringMatching(/^files\.4\.path: “bin\/APP\.ts” is listed twice/),
    ]);
  });

  it('refuses no files, too many files and too much content', () => {
    expect(issues({ suggestedName: 'app', files: [] })).toHaveLength(1);
    const many = Array.from({ length: MAX_FOLDER_EXPORT_FILES + 1 }, (_, index) => ({ path: `f${index}.txt`, content: '' }));
    expect(issues({ suggestedName: 'app', files: many })).toEqual([expect.stringMatching(/^files: /)]);
    const half = 'x'.repeat(MAX_FOLDER_EXPORT_CHARS / 2 + 1);
    expect(
      issues({
        suggestedName: 'app',
        files: [
          { path: 'a.txt', content: half },
          { path: 'b.txt', content: half },
        ],
      }),
    ).toEqual([expect.stringMatching(/^files: The files hold \d+ characters in total/)]);
  });

  it('refuses unknown fields and missing content', () => {
    expect(issues({ suggestedName: 'app', files: cdkApp, overwrite: true })).toHaveLength(1);
    expect(issues({ suggestedName: 'app', files: [{ path: 'a.txt' }] })).toHaveLength(1);
  });
});
