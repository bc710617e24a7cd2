import { z } from 'zod';

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
  let current = withoutUnknownTopKeys(schema, value, unknownKeys);
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
    current = withoutKeys(current, unrecognized);
  }
  return { success: false, issues: [], unknownKeys };
}

/**
 * The value without the keys an object schema does not have at its top level, found by a
 * look at its shape: zod would report them as one issue and parse twice, which for props with
 * a thousand unknown keys costs a thousand times more than this.
 */
function withoutUnknownTopKeys(schema: z.ZodType, value: unknown, unknownKeys: UnknownKey[]): unknown {
  if (!(schema instanceof z.ZodObject) || !(schema.def.catchall instanceof z.ZodNever)) return value; // strict objects only
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const shape = schema.shape as Record<string, unknown>;
  const keys = Object.keys(value);
  const unknown = keys.filter((key) => !Object.hasOwn(shape, key));
  if (unknown.length === 0) return value;
  for (const key of unknown) unknownKeys.push({ path: [], key });
  const record = value as Record<string, unknown>;
  // fromEntries defines properties rather than assigning them, so no key can reach a prototype.
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(shape, key)).map((key) => [key, record[key]]));
}

/** Which keys to drop at one place of the value, and where below it to look. */
interface Removal {
  drop: Set<string>;
  below: Map<string, Removal>;
}

/**
 * `value` without the keys the issues name, in one pass over their paths, copying only the
 * objects and arrays along them (thousands of nodes each with an unknown key cost one copy of
 * the nodes array, not one each).
 */
function withoutKeys(value: unknown, issues: readonly { path: readonly PropertyKey[]; keys: readonly string[] }[]): unknown {
  const root: Removal = { drop: new Set(), below: new Map() };
  for (const issue of issues) {
    let place = root;
    for (const segment of issue.path) {
      const key = String(segment);
      let next = place.below.get(key);
      if (!next) {
        next = { drop: new Set(), below: new Map() };
        place.below.set(key, next);
      }
      place = next;
    }
    for (const key of issue.keys) place.drop.add(key);
  }
  return remove(value, root);
}

function remove(value: unknown, removal: Removal): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (removal.below.size === 0) return value;
    const copy: unknown[] = [...(value as unknown[])];
    for (const [key, below] of removal.below) {
      const index = Number(key);
      if (Number.isInteger(index) && index >= 0 && index < copy.length) copy[index] = remove(copy[index], below);
    }
    return copy;
  }
  // fromEntries defines properties rather than assigning them, so no key can reach a prototype.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !removal.drop.has(key))
      .map(([key, item]) => {
        const below = removal.below.get(key);
        return [key, below ? remove(item, below) : item];
      }),
  );
}
