import type { z } from 'zod';

/** A key the schema does not know, found in the value: a newer Stowage wrote it, or a hand edit did. */
export interface UnknownKey {
  /** Path of the object that holds it. */
  path: PropertyKey[];
  key: string;
}

export type KnownParse<T> =
  { success: true; data: T; unknownKeys: UnknownKey[] } | { success: false; issues: z.core.$ZodIssue[]; unknownKeys: UnknownKey[] };

/**
 * Parses `value` with a strict schema, but reports keys the schema does not know apart from
 * other problems instead of failing on them: they are left out of `data` and listed in
 * `unknownKeys`. This is how a file from a newer Stowage can be read (and shown read-only)
 * by an older one, while a value of the wrong type is still an error. The value is not
 * changed; the copy without the unknown keys shares everything off their paths.
 */
export function parseKnown<S extends z.ZodType>(schema: S, value: unknown): KnownParse<z.output<S>> {
  const unknownKeys: UnknownKey[] = [];
  let current = value;
  // Stripping keys never creates new unknown keys, so the second pass only repeats the first's
  // other findings; a third would mean a schema reports keys it cannot have been given.
  for (let pass = 0; pass < 3; pass++) {
    const result = schema.safeParse(current);
    if (result.success) return { success: true, data: result.data, unknownKeys };
    const unrecognized = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    const others = result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
    for (const issue of unrecognized) {
      for (const key of issue.keys) unknownKeys.push({ path: [...issue.path], key });
    }
    if (others.length > 0 || unrecognized.length === 0) return { success: false, issues: others, unknownKeys };
    for (const issue of unrecognized) current = withoutKeys(current, issue.path, issue.keys);
  }
  return { success: false, issues: [], unknownKeys };
}

/** `value` with `keys` removed from the object at `path`, copying only the objects along the path. */
function withoutKeys(value: unknown, path: readonly PropertyKey[], keys: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (path.length === 0) {
    if (Array.isArray(value)) return value;
    const drop = new Set(keys);
    return Object.fromEntries(Object.entries(value).filter(([key]) => !drop.has(key)));
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= value.length) return value;
    const copy: unknown[] = [...(value as unknown[])];
    copy[index] = withoutKeys(value[index], rest, keys);
    return copy;
  }
  const record = value as Record<string, unknown>;
  const key = String(head);
  if (!Object.hasOwn(record, key)) return value;
  // fromEntries defines properties rather than assigning them, so no key can reach a prototype.
  return Object.fromEntries(Object.entries(record).map(([name, item]) => [name, name === key ? withoutKeys(item, rest, keys) : item]));
}
