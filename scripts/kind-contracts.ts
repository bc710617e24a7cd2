import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CATALOG, kindsSelectedBy, type KindDefinition, type KindSelector } from '../shared/catalog';
import { kindVersion } from '../shared/document/kind-migrations';

/**
 * What each kind promises the files written with it: the shape and defaults of its props, the
 * kinds it may hold and the connections it may make (with their props), recorded per kind
 * version in shared/catalog/kind-contracts.generated.json by `npm run schema`.
 *
 * An older Stowage reads a newer file well only if everything that changed since is either
 * new (fields with defaults: it sees an unknown field and opens the file read-only) or
 * announced by a newer kind version (it then reads the kind leniently, read-only). A change
 * of anything else at the same version would make older versions refuse newer files as
 * damaged, or read them wrongly (a changed default, since defaults are not written). The
 * generator refuses such a change until the kind takes a migration (shared/catalog/types.ts,
 * KindMigration); scripts/kind-contracts.test.ts fails on it.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const KIND_CONTRACTS_PATH = join(root, 'shared/catalog/kind-contracts.generated.json');

type Json = Record<string, unknown>;

export interface KindContract {
  version: number;
  props: Json;
  contains: string[];
  /** "relation → target kind": the edge props' schema, or null for a relation without props. */
  connections: Record<string, Json | null>;
}

/**
 * Keys that explain rather than constrain what a file holds: they may change at any time.
 * `entry` (shared/catalog/entry-checks.ts) narrows what may be typed in, never what loads, so
 * files written after it changes stay readable by older versions.
 */
const EXPLANATORY = new Set(['title', 'description', 'examples', 'ui', 'unit', 'options', 'optionLabels', 'entry', '$schema']);

function constraints(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(constraints);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => !EXPLANATORY.has(key))
      .sort()
      .map((key) => [key, constraints((value as Json)[key])]),
  );
}

function schemaOf(schema: z.ZodType): Json {
  return constraints(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' })) as Json;
}

/** The kinds a selector picks, by id: what a file may hold, which is what older versions read. */
function idsOf(selector: KindSelector): string[] {
  return selector.flatMap((match): readonly string[] => (typeof match === 'string' ? [match] : kindsSelectedBy([match])));
}

export function kindContract(kind: KindDefinition): KindContract {
  const connections: Record<string, Json | null> = {};
  for (const connection of kind.connections) {
    for (const target of idsOf(connection.to)) {
      connections[`${connection.relation} → ${target}`] = connection.props ? schemaOf(connection.props) : null;
    }
  }
  return {
    version: kindVersion(kind),
    props: schemaOf(kind.props),
    contains: [...idsOf(kind.group?.contains ?? [])].sort(),
    connections: Object.fromEntries(Object.entries(connections).sort(([a], [b]) => a.localeCompare(b))),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why `next` may not replace `previous` at the same version: what changed other than new
 * properties with defaults. Empty when the change is only such additions (or none).
 */
function objectChanges(where: string, previous: Json, next: Json): string[] {
  const problems: string[] = [];
  const { properties: before = {}, ...restBefore } = previous as { properties?: Record<string, unknown> };
  const { properties: after = {}, ...restAfter } = next as { properties?: Record<string, unknown> };
  if (!same(restBefore, restAfter)) problems.push(`${where} changed shape`);
  for (const [key, schema] of Object.entries(before)) {
    if (!(key in after)) problems.push(`${where}.${key} was removed`);
    else if (!same(schema, after[key])) problems.push(`${where}.${key} changed`);
  }
  for (const [key, schema] of Object.entries(after)) {
    if (!(key in before) && !(schema !== null && typeof schema === 'object' && 'default' in schema)) {
      problems.push(`${where}.${key} was added without a default`);
    }
  }
  return problems;
}

// As schemaOf writes a strict object without properties (keys sorted).
const EMPTY_PROPS: Json = { additionalProperties: false, properties: {}, type: 'object' };

/**
 * What changed between two contracts of a kind at one version that older versions could not
 * read. Children and connections gained towards a kind older versions do not know (`known`
 * lists the kinds they do) are no such change: a file that uses them holds a kind those versions
 * do not know, which they open read-only anyway.
 */
export function contractChanges(previous: KindContract, next: KindContract, known: ReadonlySet<string>): string[] {
  const problems = objectChanges('props', previous.props, next.props);
  const heldBefore = new Set(previous.contains);
  const gainedKnown = next.contains.filter((kind) => !heldBefore.has(kind) && known.has(kind));
  if (previous.contains.some((kind) => !next.contains.includes(kind)) || gainedKnown.length > 0) {
    problems.push('the kinds it may contain changed');
  }
  const relations = new Set([...Object.keys(previous.connections), ...Object.keys(next.connections)]);
  for (const relation of relations) {
    const target = relation.slice(relation.indexOf(' → ') + ' → '.length);
    if (!(relation in previous.connections)) {
      if (known.has(target)) problems.push(`the connection ${relation} was added`);
    } else if (!(relation in next.connections)) problems.push(`the connection ${relation} was removed`);
    else
      problems.push(
        ...objectChanges(`${relation} props`, previous.connections[relation] ?? EMPTY_PROPS, next.connections[relation] ?? EMPTY_PROPS),
      );
  }
  return problems;
}

/** The contracts to record for `kinds` after `previous`, and what stands in the way. */
export function updateContracts(
  previous: Readonly<Record<string, KindContract>>,
  kinds: readonly KindDefinition[] = CATALOG,
): { contracts: Record<string, KindContract>; problems: string[] } {
  const contracts: Record<string, KindContract> = {};
  const problems: string[] = [];
  for (const kind of [...kinds].sort((a, b) => a.id.localeCompare(b.id))) {
    const next = kindContract(kind);
    const old = previous[kind.id];
    contracts[kind.id] = next;
    if (!old) continue;
    if (next.version < old.version) problems.push(`${kind.id}: its version went down from ${old.version} to ${next.version}.`);
    else if (next.version === old.version) {
      const changes = contractChanges(old, next, new Set(Object.keys(previous)));
      if (changes.length > 0) {
        problems.push(
          `${kind.id}: ${changes.join('; ')}. Older versions of Stowage would refuse or misread files written after this change: add a migration to the kind (its version becomes ${old.version + 1}), see shared/catalog/types.ts KindMigration.`,
        );
      }
    }
  }
  for (const kindId of Object.keys(previous)) {
    if (!kinds.some((kind) => kind.id === kindId)) {
      problems.push(`${kindId}: the kind was removed; files that use it need a format migration (shared/document/migrations.ts).`);
    }
  }
  return { contracts, problems };
}

export function contractsSource(contracts: Readonly<Record<string, KindContract>>): string {
  return `${JSON.stringify(contracts, null, 2)}\n`;
}
