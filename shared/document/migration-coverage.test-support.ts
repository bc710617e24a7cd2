import { isDeepStrictEqual } from 'node:util';
import type { KindDefinition, KindMigration } from '../catalog';
import type { CatalogView } from './catalog-view';
import { loadDocument, type LoadOptions, type LoadResult } from './load';
import type { Migration } from './migrations';
import { serializeDocument } from './serialize';

/**
 * Walks every registered migration, of the file format and of each kind, and reports the
 * ones without a test case, the ones whose output differs from their case, and the ones the
 * loader did not run when it opened the cases' files (tldraw checks its migrations the same
 * way). An empty result means every step of the history is exercised.
 */

export interface MigrationHistory {
  migrations: readonly Migration[];
  currentVersion: number;
  catalog: CatalogView;
  kinds: readonly KindDefinition[];
}

export interface MigrationCases {
  /** Per format version: a file saved by it, and how Stowage saves that file after opening it today. */
  format: Readonly<Record<number, { input: string; expected: string }>>;
  /** Per kind id and kind version: props saved at the version before, and what that one step turns them into. */
  kinds: Readonly<Record<string, Readonly<Record<number, { before: Record<string, unknown>; after: Record<string, unknown> }>>>>;
}

type Loader = (text: string, options: LoadOptions) => LoadResult;

export function migrationProblems(history: MigrationHistory, cases: MigrationCases, load: Loader = loadDocument): string[] {
  const problems: string[] = [];
  const options = { migrations: history.migrations, currentVersion: history.currentVersion, catalog: history.catalog };

  // Every format step has a case, every case a step, and opening the case's file runs the step.
  const formatSteps = new Set(history.migrations.map((step) => step.from));
  for (const from of formatSteps) if (!(from in cases.format)) problems.push(`format ${from} → ${from + 1} has no test case`);
  for (const from of Object.keys(cases.format).map(Number)) {
    if (!formatSteps.has(from)) problems.push(`the test case for format ${from} has no migration`);
  }
  const ranFormat = new Set<number>();
  const counting = history.migrations.map((step) => ({
    ...step,
    migrate: (document: Record<string, unknown>) => {
      ranFormat.add(step.from);
      return step.migrate(document);
    },
  }));
  for (const [from, { input, expected }] of Object.entries(cases.format)) {
    const result = load(input, { ...options, migrations: counting });
    if (!result.ok) problems.push(`the format ${from} case does not load: ${result.error.message}`);
    else if (serializeDocument(result.document, history.catalog) !== expected)
      problems.push(`the format ${from} case loads differently than expected`);
  }
  for (const from of formatSteps) if (!ranFormat.has(from)) problems.push(`format ${from} → ${from + 1} did not run`);

  // Every kind step has a case, gives the case's output, and runs when a file of the version before is opened.
  const kindSteps = new Map<string, KindMigration>();
  for (const kind of history.kinds) for (const step of kind.migrations ?? []) kindSteps.set(`${kind.id} v${step.version}`, step);
  for (const name of kindSteps.keys()) {
    const [kindId, version] = splitName(name);
    if (!cases.kinds[kindId]?.[version]) problems.push(`${name} has no test case`);
  }
  for (const [kindId, versions] of Object.entries(cases.kinds)) {
    for (const [version, { before, after }] of Object.entries(versions)) {
      const step = kindSteps.get(`${kindId} v${version}`);
      if (!step) {
        problems.push(`the test case for ${kindId} v${version} has no migration`);
        continue;
      }
      const output = step.up(structuredClone(before));
      if (!isDeepStrictEqual(output, after)) {
        problems.push(`${kindId} v${version} turns ${JSON.stringify(before)} into ${JSON.stringify(output)}, not ${JSON.stringify(after)}`);
      }
    }
  }
  const ran = new Set<string>();
  const onKindMigration = (kindId: string, step: KindMigration) => ran.add(`${kindId} v${step.version}`);
  // One file per stored version: a node of each kind whose next step has a case, saved at that version.
  const byStoredVersion = new Map<number, { kindId: string; props: Record<string, unknown> }[]>();
  for (const [kindId, versions] of Object.entries(cases.kinds)) {
    for (const [version, { before }] of Object.entries(versions)) {
      const stored = Number(version) - 1;
      byStoredVersion.set(stored, [...(byStoredVersion.get(stored) ?? []), { kindId, props: before }]);
    }
  }
  for (const [stored, nodes] of byStoredVersion) {
    const file = JSON.stringify({
      schemaVersion: history.currentVersion,
      kindVersions: Object.fromEntries(nodes.map(({ kindId }) => [kindId, stored])),
      metadata: { title: `Kinds saved at version ${stored}`, description: '' },
      nodes: nodes.map(({ kindId, props }, index) => ({
        id: `n${index}`,
        kind: kindId,
        label: kindId,
        position: { x: index * 300, y: 0 },
        props,
      })),
      edges: [],
    });
    const result = load(file, { ...options, onKindMigration });
    if (!result.ok) problems.push(`a file of kinds at version ${stored} does not load: ${result.error.message}`);
    else if (result.newer) problems.push(`a file of kinds at version ${stored} opens read-only: ${JSON.stringify(result.newer.items)}`);
  }
  for (const name of kindSteps.keys()) if (!ran.has(name)) problems.push(`${name} did not run`);
  return problems;
}

function splitName(name: string): [string, number] {
  const at = name.lastIndexOf(' v');
  return [name.slice(0, at), Number(name.slice(at + 2))];
}
