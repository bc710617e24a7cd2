import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { loadDocument, loadDocumentValue, type LoadResult } from './load';
import { FIRST_SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from './migrations';
import { allConnections } from './sample-documents.test-support';
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
  const current = (document: Record<string, unknown>) => {
    const { trail: _trail, ...rest } = document;
    return rest;
  };
  const cleanHistory: Migration[] = history.map((step) => ({ ...step, migrate: (document) => current(step.migrate(document)) }));

  it('migrates an old file, validates the result and reports where it came from', () => {
    const result = loaded(loadDocument(JSON.stringify(v1Document), { migrations: cleanHistory, currentVersion: 3 }));
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

// ---- The real history ------------------------------------------------------------------------

describe('MIGRATIONS', () => {
  it('is a gap-free chain from the first released format to the current one', () => {
    expect(FIRST_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    const froms = MIGRATIONS.map((migration) => migration.from);
    expect(froms).toEqual(Array.from({ length: MIGRATIONS.length }, (_, index) => FIRST_SCHEMA_VERSION + index));
    for (const migration of MIGRATIONS) expect(migration.description.trim(), `migration from ${migration.from}`).not.toBe('');
  });

  // tldraw-style: a migration without a real file of its old version does not get in.
  it.each(MIGRATIONS.map((migration) => [migration.from, migration] as const))(
    'from v%i has a fixture that loads to the expected current document',
    (from) => {
      const input = `v${from}.stowage`;
      const expected = `v${from}.migrated.stowage`;
      expect(existsSync(fixturePath(input)), `add shared/document/fixtures/${input}: a file saved by format version ${from}`).toBe(true);
      expect(existsSync(fixturePath(expected)), `add shared/document/fixtures/${expected}: how Stowage saves ${input} today`).toBe(true);
      const result = loaded(loadDocument(readFixture(input)));
      expect(result.migratedFrom).toBe(from);
      expect(serializeDocument(result.document)).toBe(readFixture(expected));
    },
  );

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

describe(`golden file fixtures/v${CURRENT_SCHEMA_VERSION}.stowage`, () => {
  // If this breaks, the change that broke it alters the file format: bump CURRENT_SCHEMA_VERSION,
  // add a migration, and keep this file as the fixture of that migration.
  const name = `v${CURRENT_SCHEMA_VERSION}.stowage`;
  const text = readFixture(name);

  it('loads without migration', () => {
    const result = loaded(loadDocument(text));
    expect(result.migratedFrom).toBeUndefined();
  });

  it('is exactly how Stowage saves it (canonical bytes)', () => {
    expect(serializeDocument(loaded(loadDocument(text)).document)).toBe(text);
  });

  it('holds every kind and every connection of the catalog', () => {
    const { document } = loaded(loadDocument(text));
    const kinds = new Set(document.nodes.map((node) => node.kind));
    const missingKinds = CATALOG.map((kind) => kind.id).filter((id) => !kinds.has(id));
    expect(missingKinds, 'add a node of each new kind to the golden file (new kinds do not change the format version)').toEqual([]);
    const kindOf = new Map(document.nodes.map((node) => [node.id, node.kind]));
    const pairs = new Set(document.edges.map((edge) => `${kindOf.get(edge.source)} → ${kindOf.get(edge.target)}`));
    const missingPairs = allConnections()
      .map((connection) => `${connection.sourceKind} → ${connection.targetKind}`)
      .filter((pair) => !pairs.has(pair));
    expect(missingPairs, 'add an edge for each new connection to the golden file').toEqual([]);
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
