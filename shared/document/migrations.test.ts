import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, defineKind, type KindMigration } from '../catalog';
import { APP_CATALOG } from './catalog-view';
import { catalogOf, testBox, testCard, testCatalog } from './catalog-view.test-support';
import { kindMigrationProblems, kindVersion } from './kind-migrations';
import { loadDocument, loadDocumentValue, type LoadOptions, type LoadResult } from './load';
import { migrationProblems, type MigrationCases } from './migration-coverage.test-support';
import { FIRST_SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from './migrations';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { serializeDocument } from './serialize';
import { stringMatching } from '../../test/matchers';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixturePath = (name: string) => join(FIXTURES, name);
const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

function loaded(result: LoadResult) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

// ---- The machinery, with an invented history --------------------------------------------------

/** An invented format history: v1 kept the title at the top level, v2 named `nodes` `items`, v3 is today's shape. */
const history: Migration[] = [
  {
    from: 2,
    description: 'Rename items to nodes.',
    migrate: ({ items, ...rest }) => ({ ...rest, nodes: items, trail: [...((rest.trail as number[]) ?? []), 2] }),
  },
  {
    from: 1,
    description: 'Move the title into metadata.',
    migrate: ({ title, ...rest }) => ({ ...rest, metadata: { title, description: '' }, trail: [1] }),
  },
];

/** The invented history as a real one would be: no bookkeeping keys in its output. */
function cleanInventedHistory(): Migration[] {
  return history.map((step) => ({
    ...step,
    migrate: (document) => {
      const { trail: _trail, ...rest } = step.migrate(document);
      return rest;
    },
  }));
}

const v1Document = {
  schemaVersion: 1,
  title: 'Old',
  items: [{ id: 'a', kind: 'internet', label: 'Users', position: { x: 0, y: 0 }, props: {} }],
  edges: [],
};

describe('migrate', () => {
  it('runs the steps in version order whatever the list order, bumping schemaVersion each time', () => {
    const outcome = migrate(v1Document, 1, history, 3);
    expect(outcome).toEqual({
      ok: true,
      applied: [1, 2],
      document: { schemaVersion: 3, metadata: { title: 'Old', description: '' }, nodes: v1Document.items, edges: [], trail: [1, 2] },
    });
  });

  it('starts at the file’s version', () => {
    const outcome = migrate({ schemaVersion: 2, metadata: {}, items: [] }, 2, history, 3);
    expect(outcome).toMatchObject({ ok: true, applied: [2], document: { schemaVersion: 3, nodes: [], trail: [2] } });
  });

  it('does nothing for a current document', () => {
    const document = { schemaVersion: 3 };
    expect(migrate(document, 3, history, 3)).toEqual({ ok: true, applied: [], document });
  });

  it('reports a gap in the history', () => {
    expect(migrate(v1Document, 1, [history[1]!], 3)).toEqual({ ok: false, message: 'No migration from format version 2 to 3.' });
  });

  it('sets schemaVersion even when a step forgets to', () => {
    const outcome = migrate({ schemaVersion: 1 }, 1, [{ from: 1, description: 'noop', migrate: (document) => ({ ...document }) }], 2);
    expect(outcome).toMatchObject({ ok: true, document: { schemaVersion: 2 } });
  });
});

describe('the loader with a migration history', () => {
  const options = { migrations: history, currentVersion: 3 };

  it('migrates an old file, validates the result and reports where it came from', () => {
    const result = loaded(loadDocument(JSON.stringify(v1Document), { migrations: cleanInventedHistory(), currentVersion: 3 }));
    expect(result.migratedFrom).toBe(1);
    expect(result.document.metadata).toEqual({ title: 'Old', description: '' });
    expect(result.document.nodes.map((node) => node.id)).toEqual(['a']);
    expect(result.document.schemaVersion).toBe(3);
  });

  it('validates what the migrations produce', () => {
    const result = loadDocument(JSON.stringify(v1Document), options);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: stringMatching(/trail/) } });
  });

  it('says when a file is too old to upgrade', () => {
    const result = loadDocument(JSON.stringify(v1Document), { migrations: [history[0]!], currentVersion: 3 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version', message: 'Stowage cannot upgrade this file: No migration from format version 1 to 2.' },
    });
  });

  it('refuses files newer than the current version', () => {
    expect(loadDocument(JSON.stringify({ ...v1Document, schemaVersion: 4 }), options)).toMatchObject({
      ok: false,
      error: { code: 'newer-version' },
    });
  });

  it('turns a migration that throws into an error, never an exception', () => {
    const broken: Migration[] = [
      {
        from: 1,
        description: 'broken',
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    const result = loadDocumentValue({ schemaVersion: 1 }, { migrations: broken, currentVersion: 2 });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: stringMatching(/boom/) } });
  });
});

// ---- Kind migrations, with invented kinds ---------------------------------------------------

describe('kind migrations', () => {
  const boxAt = (stored: number | undefined, props: Record<string, unknown>) =>
    JSON.stringify({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      ...(stored === undefined ? {} : { kindVersions: { 'test-box': stored } }),
      metadata: { title: '', description: '' },
      nodes: [{ id: 'b', kind: 'test-box', label: 'b', position: { x: 0, y: 0 }, size: { width: 300, height: 200 }, props }],
      edges: [],
    });

  it('a kind’s version is its last step’s, or 1', () => {
    expect(kindVersion(testBox)).toBe(3);
    expect(kindVersion(testCard)).toBe(1);
  });

  it('run from the version the file recorded up to the kind’s, in order', () => {
    const ran: number[] = [];
    const result = loadDocument(boxAt(1, { size: 40, colour: 'BLUE' }), {
      catalog: testCatalog,
      onKindMigration: (_kind, step) => ran.push(step.version),
    });
    expect(ran).toEqual([2, 3]);
    expect(result).toMatchObject({ ok: true, document: { nodes: [{ props: { diameter: 40, colour: 'blue' } }] } });
    expect(result.ok && result.newer).toBe(undefined);
  });

  it('start at the recorded version, and treat a missing record as version 1', () => {
    const ran: number[] = [];
    const onKindMigration = (_kind: string, step: KindMigration) => ran.push(step.version);
    expect(loadDocument(boxAt(2, { diameter: 5, colour: 'RED' }), { catalog: testCatalog, onKindMigration }).ok).toBe(true);
    expect(ran).toEqual([3]);
    expect(loadDocument(boxAt(undefined, { size: 5 }), { catalog: testCatalog, onKindMigration }).ok).toBe(true);
    expect(ran).toEqual([3, 2, 3]);
  });

  it('do nothing for a file at the kind’s version', () => {
    const ran: number[] = [];
    const result = loadDocument(boxAt(3, { diameter: 7 }), { catalog: testCatalog, onKindMigration: (_k, step) => ran.push(step.version) });
    expect(ran).toEqual([]);
    expect(result).toMatchObject({ ok: true, document: { nodes: [{ props: { diameter: 7, colour: 'red' } }] } });
  });

  it('are validated: a step’s output that the kind refuses makes the file invalid', () => {
    const result = loadDocument(boxAt(1, { size: 0 }), { catalog: testCatalog });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: 'nodes[0].props.diameter' }] } });
  });

  it('a step that throws is an error, never an exception', () => {
    const throwing = catalogOf([
      defineKind({
        ...testBox,
        migrations: [
          {
            version: 2,
            description: 'broken',
            up: () => {
              throw new Error('boom');
            },
          },
        ],
      }),
    ]);
    expect(loadDocument(boxAt(1, {}), { catalog: throwing })).toMatchObject({ ok: false, error: { code: 'internal', message: /boom/ } });
  });

  it('a file with a newer kind version opens read-only', () => {
    const result = loadDocument(boxAt(4, { diameter: 7, shape: 'round' }), { catalog: testCatalog });
    expect(result).toMatchObject({
      ok: true,
      newer: {
        items: [
          { type: 'kind-version', kind: 'test-box', version: 4, known: 3 },
          { type: 'field', path: 'nodes[0].props.shape' },
        ],
      },
    });
  });

  it('the serializer records versions other than 1, and a reloaded file runs no step again', () => {
    const loaded = loadDocument(boxAt(1, { size: 40 }), { catalog: testCatalog });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const text = serializeDocument(loaded.document, testCatalog);
    expect(JSON.parse(text)).toMatchObject({ kindVersions: { 'test-box': 3 }, nodes: [{ props: { diameter: 40 } }] });
    const ran: number[] = [];
    expect(loadDocument(text, { catalog: testCatalog, onKindMigration: (_k, step) => ran.push(step.version) }).ok).toBe(true);
    expect(ran).toEqual([]);
  });

  it('histories are numbered 2, 3, … and described', () => {
    expect(kindMigrationProblems(testBox)).toEqual([]);
    expect(
      kindMigrationProblems({
        id: 'odd',
        migrations: [
          { version: 3, description: 'skips 2', up: (props) => props },
          { version: 4, description: ' ', up: (props) => props },
        ],
      }),
    ).toEqual([
      'odd: migration 1 produces version 3; expected 2.',
      'odd: migration 2 produces version 4; expected 3.',
      'odd: the migration to version 4 has no description.',
    ]);
  });
});

// ---- The walker that checks every migration is exercised -------------------------------------

describe('migrationProblems, on an invented history', () => {
  const oldFile = (title: string) => JSON.stringify({ schemaVersion: 1, title, items: [], edges: [] });
  const invented = {
    migrations: cleanInventedHistory(),
    currentVersion: 3,
    catalog: testCatalog,
    kinds: testCatalog.kinds,
  };
  const expectedV1 = serializeDocument({ schemaVersion: 3 as 1, metadata: { title: 'Old', description: '' }, nodes: [], edges: [] });
  const complete: MigrationCases = {
    format: {
      1: { input: oldFile('Old'), expected: expectedV1 },
      2: {
        input: JSON.stringify({ schemaVersion: 2, metadata: { title: 'Old', description: '' }, items: [], edges: [] }),
        expected: expectedV1,
      },
    },
    kinds: {
      'test-box': {
        2: { before: { size: 40, colour: 'BLUE' }, after: { diameter: 40, colour: 'BLUE' } },
        3: { before: { diameter: 40, colour: 'BLUE' }, after: { diameter: 40, colour: 'blue' } },
      },
    },
  };

  it('finds nothing wrong when every step has a case that it passes and that runs', () => {
    expect(migrationProblems(invented, complete)).toEqual([]);
  });

  it('reports a step without a case, and a case without a step', () => {
    const { 3: _dropped, ...boxCases } = complete.kinds['test-box']!;
    const problems = migrationProblems(invented, {
      format: { 1: complete.format[1]! },
      kinds: { 'test-box': { ...boxCases, 9: { before: {}, after: {} } } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'format 2 → 3 has no test case',
        'test-box v3 has no test case',
        'the test case for test-box v9 has no migration',
      ]),
    );
  });

  it('reports a step whose output differs from its case', () => {
    const wrong = structuredClone<{
      format: MigrationCases['format'];
      kinds: Record<string, Record<number, { before: Record<string, unknown>; after: Record<string, unknown> }>>;
    }>(complete);
    wrong.kinds['test-box']![3]!.after = { diameter: 40, colour: 'BLUE' };
    expect(migrationProblems(invented, wrong)).toEqual([
      'test-box v3 turns {"diameter":40,"colour":"BLUE"} into {"diameter":40,"colour":"blue"}, not {"diameter":40,"colour":"BLUE"}',
    ]);
  });

  it('reports steps the loader did not run', () => {
    // A loader that migrates without telling: nothing it runs is seen.
    const forgetful = (text: string, options: LoadOptions) =>
      loadDocument(text, { ...options, migrations: cleanInventedHistory(), onKindMigration: () => undefined });
    const problems = migrationProblems(invented, complete, forgetful);
    expect(problems).toEqual(
      expect.arrayContaining([
        'format 1 → 2 did not run',
        'format 2 → 3 did not run',
        'test-box v2 did not run',
        'test-box v3 did not run',
      ]),
    );
  });
});

// ---- The real history ------------------------------------------------------------------------

/**
 * Test cases of the real kinds' migrations: per kind and version, props saved at the version
 * before and what that step turns them into. Add one with every new step (the walker below
 * fails until you do). Format migrations take their cases from fixtures/v<N>.stowage and
 * fixtures/v<N>.migrated.stowage.
 */
const KIND_MIGRATION_CASES: MigrationCases['kinds'] = {
  'ecr-repository': {
    2: { before: { repositoryName: 'shop' }, after: { repositoryName: 'shop', tag: 'latest' } },
  },
  'eks-fargate-profile': {
    2: {
      before: { selectors: [{ namespace: 'default', labels: 'app=web' }] },
      after: { selectors: [{ namespace: 'default', labels: 'app=web' }] },
    },
  },
};

function formatCases(): MigrationCases['format'] {
  const cases: Record<number, { input: string; expected: string }> = {};
  for (const migration of MIGRATIONS) {
    const input = fixturePath(`v${migration.from}.stowage`);
    const expected = fixturePath(`v${migration.from}.migrated.stowage`);
    if (existsSync(input) && existsSync(expected))
      cases[migration.from] = { input: readFileSync(input, 'utf8'), expected: readFileSync(expected, 'utf8') };
  }
  return cases;
}

describe('the real history', () => {
  it('every format and kind migration has a test case, passes it, and runs when its files are opened', () => {
    const problems = migrationProblems(
      { migrations: MIGRATIONS, currentVersion: CURRENT_SCHEMA_VERSION, catalog: APP_CATALOG, kinds: CATALOG },
      { format: formatCases(), kinds: KIND_MIGRATION_CASES },
    );
    expect(problems, 'add the missing cases: fixtures/v<N>(.migrated).stowage for the format, KIND_MIGRATION_CASES for kinds').toEqual([]);
  });

  it('format migrations are a gap-free chain from the first released format to the current one', () => {
    expect(FIRST_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    const froms = MIGRATIONS.map((migration) => migration.from);
    expect(froms).toEqual(Array.from({ length: MIGRATIONS.length }, (_, index) => FIRST_SCHEMA_VERSION + index));
    for (const migration of MIGRATIONS) expect(migration.description.trim(), `migration from ${migration.from}`).not.toBe('');
  });

  it('kind histories are numbered 2, 3, … and described', () => {
    expect(CATALOG.flatMap((kind) => kindMigrationProblems(kind))).toEqual([]);
  });

  it('keeps a fixture for every format version', () => {
    for (let version = FIRST_SCHEMA_VERSION; version <= CURRENT_SCHEMA_VERSION; version++) {
      expect(existsSync(fixturePath(`v${version}.stowage`)), `shared/document/fixtures/v${version}.stowage`).toBe(true);
    }
  });

  it('has no fixture files that no test reads', () => {
    const known = new Set(['v1-handwritten.stowage']);
    for (let version = FIRST_SCHEMA_VERSION; version <= CURRENT_SCHEMA_VERSION; version++) known.add(`v${version}.stowage`);
    for (const migration of MIGRATIONS) known.add(`v${migration.from}.migrated.stowage`);
    expect(readdirSync(FIXTURES).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe(`frozen file fixtures/v${CURRENT_SCHEMA_VERSION}.stowage`, () => {
  // Saved by the first Stowage of this format and never edited since: every later version must
  // open it as it is. If this breaks, the change that broke it alters the file format: bump
  // CURRENT_SCHEMA_VERSION (or the kind's version) and add a migration. Kinds and fields added
  // later need not appear in it; the generated every-kind sample (serialize.test.ts) covers them.
  const name = `v${CURRENT_SCHEMA_VERSION}.stowage`;
  const text = readFixture(name);

  it('loads without migration and without anything newer', () => {
    const result = loaded(loadDocument(text));
    expect(result.migratedFrom).toBeUndefined();
    expect(result.newer).toBeUndefined();
  });

  it('keeps every value through a save: the saved file loads to the same document', () => {
    const document = loaded(loadDocument(text)).document;
    const saved = serializeDocument(document);
    expect(loaded(loadDocument(saved)).document).toEqual(document);
    expect(serializeDocument(loaded(loadDocument(saved)).document)).toBe(saved);
  });

  it('states only what it means: each value it writes out is kept or equal to its default', () => {
    const original = JSON.parse(text) as { nodes: { id: string; props: Record<string, unknown> }[] };
    const document = loaded(loadDocument(text)).document;
    for (const node of original.nodes) {
      const now = document.nodes.find((candidate) => candidate.id === node.id)!;
      for (const [key, value] of Object.entries(node.props)) expect(now.props[key], `${node.id}.${key}`).toEqual(value);
    }
  });

  it('exercises nesting, sizes, handles, list props and non-ASCII text', () => {
    const { document } = loaded(loadDocument(text));
    const depth = (id: string | undefined): number =>
      id === undefined ? 0 : 1 + depth(document.nodes.find((node) => node.id === id)?.parentId);
    expect(Math.max(...document.nodes.map((node) => depth(node.id)))).toBeGreaterThanOrEqual(5);
    expect(document.nodes.filter((node) => node.size).length).toBeGreaterThan(10);
    expect(document.edges.some((edge) => edge.sourceHandle && edge.targetHandle)).toBe(true);
    expect(text).toMatch(/[\u0080-\uffff]/); // non-ASCII
    const scaling = document.nodes.find((node) => node.kind === 'service-auto-scaling')!;
    expect((scaling.props.policies as { type: string }[]).map((policy) => policy.type).sort()).toEqual([
      'scheduled',
      'step',
      'target-tracking',
    ]);
  });
});

describe('fixtures/v1-handwritten.stowage', () => {
  it('loads a minimal hand-written file: defaults filled in, parents first, group sizes from the catalog', () => {
    const { document } = loaded(loadDocument(readFixture('v1-handwritten.stowage')));
    expect(document.nodes.map((node) => node.id)).toEqual(['cluster', 'fargate', 'web', 'repo', 'lb']);
    const web = document.nodes.find((node) => node.id === 'web')!;
    expect(web.props).toMatchObject({ cpu: 512, memory: 1024, desiredCount: 2, launchType: '' });
    const route = document.edges.find((edge) => edge.id === 'route')!;
    expect(route.props).toEqual({
      listenerPort: 443,
      protocol: 'HTTPS',
      targetPort: 0,
      targetType: 'auto',
      pathPattern: '/*',
      healthCheckPath: '/',
    });
    expect(document.nodes.find((node) => node.id === 'cluster')!.size).toBeUndefined();
  });
});
