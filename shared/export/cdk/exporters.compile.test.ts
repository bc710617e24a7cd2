import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The exporter registry is `Record<KindId, KindExporter | NotExported>`: this compiles a tiny
 * project whose fixture catalog adds a throwaway kind to the real one, and shows the compiler
 * rejects the registry until the kind has an entry, and accepts it once it has.
 */
const shared = resolve(import.meta.dirname, '../..');
// Inside the checkout, so the fixture resolves zod from its node_modules.
const cache = resolve(shared, '../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const directory = mkdtempSync(join(cache, 'stowage-registry-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function registryWith(entry: string): string {
  const file = join(directory, `registry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(
    file,
    `import { z } from 'zod';
import { CATALOG } from ${JSON.stringify(join(shared, 'catalog/catalog'))};
import { defineKind, type KindDefinition } from ${JSON.stringify(join(shared, 'catalog/types'))};
import { CDK_EXPORTERS, type KindExporter, type NotExported } from ${JSON.stringify(join(shared, 'export/cdk/exporters'))};

const trialKind = defineKind({
  id: 'trial-kind',
  traits: {},
  label: 'Trial',
  category: 'ecs',
  order: 990,
  description: 'A kind added by a test.',
  defaultLabel: 'trial',
  icon: 'resource/AmazonElasticContainerServiceService',
  appearance: { color: '#000000' },
  props: z.strictObject({}),
  size: { width: 220, height: 56 },
  connections: [],
  docsUrl: 'https://example.com',
  learn: { what: 'A kind added by a test.', when: 'Only in tests.' },
});

const FIXTURE_CATALOG = [...CATALOG, trialKind] as const satisfies readonly KindDefinition[];
type FixtureKindId = (typeof FIXTURE_CATALOG)[number]['id'];

export const registry = {
  ...CDK_EXPORTERS,
  ${entry}
} satisfies Record<FixtureKindId, KindExporter | NotExported>;
`,
  );
  return file;
}

function compile(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2023.d.ts'],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the CDK exporter registry', () => {
  it('does not compile while a kind of the catalog has no entry', () => {
    const errors = compile(registryWith(''));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Property '"?trial-kind"?' is missing/);
  }, 60_000);

  it('compiles once the kind has an entry, even one that exports nothing', () => {
    expect(compile(registryWith(`'trial-kind': { notExported: 'A trial kind has nothing to deploy.' },`))).toEqual([]);
  }, 60_000);
});
