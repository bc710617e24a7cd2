import { CATALOG, findKind, kindsSelectedBy, resolveConnection, selects } from './index';
import type { KindDefinition, RelationId } from './types';

/**
 * Whether a connection dragged from one kind to another means anything, asked while the
 * user drags. Connections with a meaning are allowed even when this particular pair is
 * invalid on AWS (a Classic Load Balancer to a Fargate service): rules flag those with an
 * explanation. Only connections with no meaning at all are refused, with a reason that
 * lists what each side can connect to, straight from the catalog.
 */
export type ConnectionCheck = { ok: true; relation: RelationId; label: string; reversed: boolean } | { ok: false; reason: string };

export function checkConnection(fromKind: string, toKind: string): ConnectionCheck {
  const from = findKind(fromKind);
  const to = findKind(toKind);
  if (!from || !to) return { ok: false, reason: `Unknown component kind "${!from ? fromKind : toKind}".` };
  const resolved = resolveConnection(fromKind, toKind);
  if (resolved) {
    const { definition } = resolved.connection;
    return { ok: true, relation: definition.relation, label: definition.label, reversed: resolved.reversed };
  }
  const sides = from.id === to.id ? [from] : [from, to];
  return {
    ok: false,
    reason: [
      `${capitalize(withArticle(singular(from)))} cannot connect to ${withArticle(singular(to))}.`,
      ...sides.map(describeConnections),
    ].join(' '),
  };
}

/** "EFS file systems connect to: ECS services, ECS tasks and Kubernetes workloads (mounts); subnets (mount target)." */
export function describeConnections(kind: KindDefinition): string {
  const phrases: string[] = [];
  for (const definition of kind.connections) {
    phrases.push(`${listText(kindsSelectedBy(definition.to).map((id) => pluralOf(id)))} (${definition.label})`);
  }
  // Connections other kinds define towards this one, grouped by meaning.
  const incoming = new Map<string, { label: string; sources: string[] }>();
  for (const source of CATALOG) {
    if (source.id === kind.id) continue;
    for (const definition of source.connections) {
      if (!selects(definition.to, kind)) continue;
      const key = `${definition.relation}|${definition.label}`;
      const entry = incoming.get(key) ?? { label: definition.label, sources: [] };
      entry.sources.push(source.id);
      incoming.set(key, entry);
    }
  }
  for (const { label, sources } of incoming.values()) phrases.push(`${listText(sources.map((id) => pluralOf(id)))} (${label})`);
  const subject = capitalize(plural(kind));
  // "Service auto scaling" is a mass noun: it connects; subnets connect.
  const verb = plural(kind) === singular(kind) && !subject.endsWith('s') ? 'connects' : 'connect';
  if (phrases.length === 0)
    return kind.group ? `${subject} ${verb} to nothing; draw things inside them instead.` : `${subject} ${verb} to nothing.`;
  return `${subject} ${verb} to: ${phrases.join('; ')}.`;
}

/** Words that stay capitalized at the start of a kind name in a sentence (product and AWS names). */
const PROPER_FIRST_WORDS = new Set([
  'Application',
  'Network',
  'Classic',
  'Availability',
  'Fargate',
  'Docker',
  'Kubernetes',
  'Region',
  'Internet',
]);

/** The catalog label as it reads mid-sentence: "Subnet" → "subnet", "ECS service" stays. */
function singular(kind: KindDefinition): string {
  const label = kind.label.replace(/\s*\([^)]*\)\s*$/, '');
  const [first = ''] = label.split(' ');
  const keep = PROPER_FIRST_WORDS.has(first) || (first.length > 1 && first === first.toUpperCase());
  return keep ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The catalog label as a plural mid-sentence: "ECS services", "subnets", "service auto scaling" (a mass noun stays). */
export function plural(kind: KindDefinition): string {
  const name = singular(kind);
  if (/(s|scaling|users)$/.test(name)) return name;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

function pluralOf(kindId: string): string {
  const kind = findKind(kindId);
  return kind ? plural(kind) : kindId;
}

function withArticle(name: string): string {
  return `${/^[aeiouAEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
