import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { loadDocument, loadDocumentValue, type LoadErrorCode, type LoadResult } from './load';
import { understoodPart } from './newer-content';
import { everyKindDocument, nestedDocument } from './sample-documents.test-support';
import { serializeDocument } from './serialize';

/**
 * Property-based tests of the one entry point for untrusted files. The loader must never
 * throw, never pollute Object.prototype, never hit its internal-error fallback (that would be
 * a bug in a check), and whatever it accepts must survive a save and reload unchanged (or,
 * for a file from a newer version, keep its source and give the rules a part that loads clean).
 */

const KNOWN_CODES: ReadonlySet<LoadErrorCode> = new Set([
  'too-large',
  'too-deep',
  'too-wide',
  'not-text',
  'not-json',
  'forbidden-key',
  'not-a-document',
  'newer-version',
  'unsupported-version',
  'invalid',
]);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const runs = (count: number) => ({ numRuns: count });

function checkResult(result: LoadResult, source?: string): void {
  if (result.ok && result.newer) {
    // Read-only: Save As writes the file back as it was, and the rules and exporters get a
    // part that this version accepts as entirely its own.
    if (source !== undefined) expect(result.newer.source).toBe(source);
    expect(result.newer.items.length).toBeGreaterThan(0);
    const understood = loadDocument(serializeDocument(understoodPart(result.document, result.newer)));
    expect(understood.ok && understood.newer, understood.ok ? JSON.stringify(understood.newer?.items) : understood.error.message).toBe(
      undefined,
    );
  } else if (result.ok) {
    const text = serializeDocument(result.document);
    const again = loadDocument(text);
    expect(again.ok, again.ok ? '' : again.error.message).toBe(true);
    if (!again.ok) return;
    expect(serializeDocument(again.document)).toBe(text);
    expect(again.document).toEqual(JSON.parse(JSON.stringify(result.document)));
  } else {
    expect(KNOWN_CODES.has(result.error.code), `${result.error.code}: ${result.error.message}`).toBe(true);
    expect(result.error.message.trim().length).toBeGreaterThan(0);
    for (const issue of result.error.issues) expect(issue.message.trim().length).toBeGreaterThan(0);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
}

function loadText(text: string): LoadResult {
  let result: LoadResult | undefined;
  expect(() => {
    result = loadDocument(text);
  }).not.toThrow();
  return result!;
}

// ---- Mutations of valid documents ----------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** Every object and array inside `value`, with its depth, in a stable order. */
function containers(value: Json, depth = 0, out: { node: Container; depth: number }[] = []): { node: Container; depth: number }[] {
  if (value === null || typeof value !== 'object') return out;
  out.push({ node: value, depth });
  for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, depth + 1, out);
  return out;
}

function keysOf(container: Container): (string | number)[] {
  return Array.isArray(container) ? container.map((_, index) => index) : Object.keys(container);
}

function setOwn(container: Container, key: string | number, value: Json): void {
  if (Array.isArray(container)) container[Number(key)] = value;
  // defineProperty so that "__proto__" becomes a real key, as JSON.parse would make it.
  else Object.defineProperty(container, key, { value, enumerable: true, configurable: true, writable: true });
}

const kindIds = CATALOG.map((kind) => kind.id);
const kindsAndAFutureOne = [...kindIds, 'apprunner-service'];

type Mutation =
  | { type: 'delete'; at: number; key: number }
  | { type: 'replace'; at: number; key: number; value: Json }
  | { type: 'forbidden'; at: number; key: string }
  | { type: 'deepen'; at: number; key: number; levels: number; asArray: boolean }
  | { type: 'rewire'; node: number; field: 'parentId' | 'id' | 'kind'; pick: number }
  | { type: 'rewire-edge'; edge: number; field: 'source' | 'target' | 'id'; pick: number }
  | { type: 'duplicate'; list: 'nodes' | 'edges'; index: number }
  | { type: 'add'; at: number; key: string; value: Json }
  | { type: 'kind-version'; pick: number; version: number };

// Structural damage is common in real broken files; hostile keys and deep nesting are rarer, and would otherwise mask the rest.
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('replace' as const),
      at: fc.nat(),
      key: fc.nat(),
      value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('forbidden' as const),
      at: fc.nat(),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('deepen' as const),
      at: fc.nat(),
      key: fc.nat(),
      levels: fc.integer({ min: 1, max: 80 }),
      asArray: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('rewire' as const),
      node: fc.nat(),
      field: fc.constantFrom('parentId' as const, 'id' as const, 'kind' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('rewire-edge' as const),
      edge: fc.nat(),
      field: fc.constantFrom('source' as const, 'target' as const, 'id' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('duplicate' as const),
      list: fc.constantFrom('nodes' as const, 'edges' as const),
      index: fc.nat(),
    }),
  },
  // What a newer Stowage writes: keys, kinds and kind versions this one does not know.
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.constantFrom('extra', 'enableExecuteCommand', 'z'),
      value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('kind-version' as const), pick: fc.nat(), version: fc.integer({ min: 1, max: 4 }) }),
  },
);

function mutate(document: Json, mutation: Mutation): void {
  const all = containers(document);
  const pickContainer = (at: number) => all[at % all.length]!.node;
  const root = document as { nodes?: Json; edges?: Json };
  const nodes = Array.isArray(root.nodes) ? root.nodes : [];
  const edges = Array.isArray(root.edges) ? root.edges : [];
  const nodeIds = nodes
    .map((node) => (node && typeof node === 'object' && !Array.isArray(node) ? node.id : undefined))
    .filter((id): id is string => typeof id === 'string');
  switch (mutation.type) {
    case 'add': {
      const container = pickContainer(mutation.at);
      if (!Array.isArray(container)) setOwn(container, mutation.key, mutation.value);
      return;
    }
    case 'kind-version': {
      if (typeof document !== 'object' || document === null || Array.isArray(document)) return;
      setOwn(document, 'kindVersions', { [kindIds[mutation.pick % kindIds.length]!]: mutation.version });
      return;
    }
    case 'delete': {
      const container = pickContainer(mutation.at);
      const keys = keysOf(container);
      if (keys.length === 0) return;
      const key = keys[mutation.key % keys.length]!;
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
      return;
    }
    case 'replace': {
      const container = pickContainer(mutation.at);
      const keys = keysOf(container);
      if (keys.length === 0) return;
      setOwn(container, keys[mutation.key % keys.length]!, mutation.value);
      return;
    }
    case 'forbidden': {
      const container = pickContainer(mutation.at);
      if (!Array.isArray(container)) setOwn(container, mutation.key, { polluted: true });
      return;
    }
    case 'deepen': {
      const container = pickContainer(mutation.at);
      const keys = keysOf(container);
      if (keys.length === 0) return;
      const key = keys[mutation.key % keys.length]!;
      let value = (container as Record<string | number, Json>)[key]!;
      for (let level = 0; level < mutation.levels; level++) value = mutation.asArray ? [value] : { a: value };
      setOwn(container, key, value);
      return;
    }
    case 'rewire': {
      const node = nodes[mutation.node % Math.max(1, nodes.length)];
      if (!node || typeof node !== 'object' || Array.isArray(node)) return;
      if (mutation.field === 'kind') node.kind = kindsAndAFutureOne[mutation.pick % kindsAndAFutureOne.length]!;
      else if (nodeIds.length > 0) node[mutation.field] = nodeIds[mutation.pick % nodeIds.length]!;
      return;
    }
    case 'rewire-edge': {
      const edge = edges[mutation.edge % Math.max(1, edges.length)];
      if (!edge || typeof edge !== 'object' || Array.isArray(edge) || nodeIds.length === 0) return;
      edge[mutation.field] = nodeIds[mutation.pick % nodeIds.length]!;
      return;
    }
    case 'duplicate': {
      const list = mutation.list === 'nodes' ? nodes : edges;
      const item = list[mutation.index % Math.max(1, list.length)];
      if (item !== undefined) list.push(JSON.parse(JSON.stringify(item)) as Json);
      return;
    }
  }
}

const seeds = [serializeDocument(nestedDocument()), serializeDocument(everyKindDocument())];

describe('loadDocument on arbitrary input (property-based)', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => checkResult(loadText(text), text)),
      runs(500),
    );
  });

  it('never throws on arbitrary full-Unicode strings (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkResult(loadText(text), text)),
      runs(500),
    );
  });

  it('never throws on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => checkResult(loadText(text), text)),
      runs(500),
    );
  });

  it('never throws on arbitrary JSON values given directly', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        let result: LoadResult | undefined;
        expect(() => {
          result = loadDocumentValue(value);
        }).not.toThrow();
        checkResult(result!);
      }),
      runs(500),
    );
  });

  it('never throws on document-shaped values with random parts', () => {
    const documentLike = fc.record({
      schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      metadata: fc.oneof(fc.record({ title: fc.string(), description: fc.string() }), fc.jsonValue({ maxDepth: 2 })),
      nodes: fc.array(
        fc.record({
          id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string()),
          kind: fc.oneof(fc.constantFrom(...kindIds), fc.string()),
          label: fc.string(),
          position: fc.record({ x: fc.double(), y: fc.double() }),
          parentId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
          props: fc.oneof(fc.constant({}), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))),
        }),
        { maxLength: 6 },
      ),
      edges: fc.array(
        fc.record({
          id: fc.string(),
          source: fc.constantFrom('a', 'b', 'c'),
          target: fc.constantFrom('a', 'b', 'c'),
          props: fc.constant({}),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(documentLike, (value) => {
        // JSON text: undefined parentIds vanish, NaN and Infinity become null, as in a real file.
        const text = JSON.stringify(value);
        checkResult(loadText(text), text);
      }),
      runs(500),
    );
  });

  it('never throws on mutated valid documents, and accepted ones round-trip', () => {
    let accepted = 0;
    let readOnly = 0;
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 }), (seed, mutations) => {
        const document = JSON.parse(seed) as Json;
        for (const mutation of mutations) mutate(document, mutation);
        const text = JSON.stringify(document);
        const result = loadText(text);
        if (result.ok) accepted++;
        if (result.ok && result.newer) readOnly++;
        checkResult(result, text);
        checkResult(loadDocumentValue(JSON.parse(text)));
      }),
      runs(400),
    );
    // Some mutations are harmless (a deleted optional handle, a changed label); the round-trip property must get exercised.
    expect(accepted).toBeGreaterThan(0);
    // Added keys and changed kinds make files that open read-only; that path must get exercised too.
    expect(readOnly).toBeGreaterThan(0);
  });

  it('accepts every unmutated seed', () => {
    for (const seed of seeds) {
      const result = loadDocument(seed);
      expect(result.ok).toBe(true);
      checkResult(result);
    }
  });
});
