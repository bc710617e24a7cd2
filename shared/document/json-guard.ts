/**
 * Checks raw JSON text before it is parsed, so absurd nesting fails fast with a clear
 * message instead of exhausting the stack somewhere later. A linear scan that skips strings.
 */
export function jsonNestingDepth(text: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index++;
      else if (char === 0x22 /* " */) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) depth--;
  }
  return deepest;
}

export interface JsonKeyCounts {
  /** The most keys any one object has. */
  widest: number;
  /** How many different key names the text uses (as written, escapes included). */
  distinct: number;
}

/**
 * Counts the keys of raw JSON text before it is parsed: millions of keys cost JSON.parse and
 * the checks seconds (tens of seconds when the names all differ, as each makes a new object
 * shape), so the loader refuses such text up front. A linear scan that skips strings and takes
 * the string before each object colon as a key; it stops once either count passes its limit.
 */
export function countJsonKeys(text: string, limits: { perObject: number; distinct: number }): JsonKeyCounts {
  // One counter per open container: the keys so far of an object, or -1 for an array.
  const counts: number[] = [];
  const names = new Set<string>();
  let widest = 0;
  let stringStart = -1;
  let stringEnd = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x22 /* " */) {
      stringStart = index + 1;
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 0x5c /* \ */) index++;
        else if (inner === 0x22) break;
      }
      stringEnd = index;
    } else if (char === 0x3a /* : */) {
      const top = counts.length - 1;
      if (top < 0 || counts[top]! < 0) continue;
      const keys = ++counts[top]!;
      if (keys > widest) widest = keys;
      names.add(text.slice(stringStart, stringEnd));
      if (widest > limits.perObject || names.size > limits.distinct) break;
    } else if (char === 0x7b /* { */) counts.push(0);
    else if (char === 0x5b /* [ */) counts.push(-1);
    else if (char === 0x7d /* } */ || char === 0x5d /* ] */) counts.pop();
  }
  return { widest, distinct: names.size };
}

/** Keys that could reach an object's prototype if some code later copied the value with assignment. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export class ForbiddenKeyError extends Error {
  constructor(readonly key: string) {
    super(`The key "${key}" is not allowed in a Stowage file.`);
  }
}

/**
 * JSON.parse that refuses prototype-related keys anywhere in the value. JSON.parse defines
 * every key as an own property (a "__proto__" key never sets a prototype), so the value is
 * parsed plainly and then walked once: a reviver, called for every value, is ten times slower.
 */
export function parseJsonSafely(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const problem = findJsonValueProblem(value, Infinity);
  if (problem?.problem === 'forbidden-key') throw new ForbiddenKeyError(problem.key);
  return value;
}

/**
 * The checks loadDocument makes on text, for a value parsed elsewhere (a recovery draft, a
 * clipboard payload): nesting depth, keys per object and prototype-related keys. Iterative, so a hostile
 * value cannot exhaust the stack; a value that contains itself counts as too deep.
 */
export function findJsonValueProblem(
  value: unknown,
  maxDepth: number,
  maxKeys = Infinity,
): { problem: 'too-deep' } | { problem: 'too-wide' } | { problem: 'forbidden-key'; key: string } | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return { problem: 'too-deep' };
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > maxKeys) return { problem: 'too-wide' };
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return { problem: 'forbidden-key', key };
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

/** Size of `text` in UTF-8 bytes, the unit file size limits are stated in. Stops counting past `stopAt`. */
export function utf8ByteLength(text: string, stopAt = Infinity): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAt; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
