import { afterEach, describe, expect, it } from 'vitest';
import { describeIssues, formatPath } from './issues';
import { findJsonValueProblem, jsonNestingDepth, utf8ByteLength } from './json-guard';
import { loadDocument, loadDocumentValue, type LoadErrorCode, type LoadResult } from './load';
import type { Json, JsonDocument } from './json-document.test-support';
import { nestedDocument } from './sample-documents.test-support';
import { LIMITS } from './schema';
import { serializeDocument } from './serialize';
import { stringMatching } from '../../test/matchers';

/** A fresh, valid document as a plain JSON value, to break in one place per test. */
function valid(): JsonDocument {
  return JSON.parse(serializeDocument(nestedDocument())) as JsonDocument;
}

function nodeIndex(document: JsonDocument, id: string): number {
  const index = document.nodes.findIndex((node) => node.id === id);
  if (index < 0) throw new Error(`no node ${id}`);
  return index;
}

function load(value: unknown): LoadResult {
  return loadDocument(typeof value === 'string' ? value : JSON.stringify(value));
}

function expectError(result: LoadResult, code: LoadErrorCode) {
  expect(result.ok, result.ok ? 'loaded' : result.error.message).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  expect(result.error.message.trim()).not.toBe('');
  return result.error;
}

afterEach(() => {
  expect(({} as Json).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('loadDocument accepts', () => {
  it('a valid document, unchanged', () => {
    const text = serializeDocument(nestedDocument());
    const result = loadDocument(text);
    expect(result).toEqual({ ok: true, document: nestedDocument() });
    expect(result.ok && 'migratedFrom' in result).toBe(false);
  });

  it('a file that starts with a UTF-8 byte order mark', () => {
    const result = loadDocument(`\uFEFF${serializeDocument(nestedDocument())}`);
    expect(result.ok).toBe(true);
  });

  it('a hand-written file: missing props get defaults, nodes come back parents first, sizes only on groups', () => {
    const document = valid();
    const alb = document.nodes[nodeIndex(document, 'alb')]!;
    alb.props = {};
    alb.size = { width: 999, height: 999 };
    document.nodes.reverse();
    const result = load(document);
    if (!result.ok) throw new Error(result.error.message);
    const loadedAlb = result.document.nodes.find((node) => node.id === 'alb')!;
    expect(loadedAlb.props).toEqual({ scheme: 'internet-facing', ipAddressType: 'ipv4' });
    expect(loadedAlb.size).toBeUndefined();
    const order = result.document.nodes.map((node) => node.id);
    for (const node of result.document.nodes) if (node.parentId) expect(order.indexOf(node.parentId)).toBeLessThan(order.indexOf(node.id));
  });

  it('exactly the nesting limit', () => {
    const text = `${'['.repeat(LIMITS.maxJsonDepth)}${']'.repeat(LIMITS.maxJsonDepth)}`;
    expectError(loadDocument(text), 'not-a-document');
  });

  it('brackets inside strings without counting them as nesting', () => {
    const document = valid();
    document.metadata!.description = '['.repeat(500) + '{"a":'.repeat(100) + '\\"';
    expect(load(document).ok).toBe(true);
  });
});

describe('loadDocument rejects (files from newer versions are in forward-compat.test.ts)', () => {
  it('text that is not JSON, quoting the parser', () => {
    const text = '{"schemaVersion": 1,';
    let reason = '';
    try {
      JSON.parse(text);
    } catch (error) {
      reason = (error as Error).message;
    }
    const error = expectError(loadDocument(text), 'not-json');
    expect(error.message).toContain(reason);
    expect(error.message).toMatch(/not valid JSON/);
    expectError(loadDocument(''), 'not-json');
    expectError(loadDocument('   '), 'not-json');
    expectError(loadDocument("{'single': 'quotes'}"), 'not-json');
    expectError(loadDocument('\uFEFF\uFEFF{}'), 'not-json');
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"diagram"'],
    ['null', 'null'],
    ['a number', '1'],
    ['a boolean', 'true'],
  ])('JSON that is %s', (_name, text) => {
    const error = expectError(loadDocument(text), 'not-a-document');
    expect(error.message).toMatch(/not a Stowage diagram/);
  });

  it('a document without schemaVersion', () => {
    const document = valid();
    delete document.schemaVersion;
    expect(expectError(load(document), 'not-a-document').message).toContain('"schemaVersion"');
  });

  it.each([[0], [-1], [1.5], ['1'], [null], [true], [[1]], [{}]])('schemaVersion %j', (version) => {
    const error = expectError(load({ ...valid(), schemaVersion: version }), 'unsupported-version');
    expect(error.message).toContain(JSON.stringify(version));
  });

  it('missing required fields', () => {
    const document = valid();
    delete document.nodes[1]!.position;
    delete document.metadata;
    const error = expectError(load(document), 'invalid');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['metadata', 'nodes[1].position']);
    expect(error.message).toMatch(/\(and 1 more\)/);
  });

  it('an invalid property, naming the path and the node', () => {
    const document = valid();
    const index = nodeIndex(document, 'web');
    document.nodes[index]!.props.cpu = 'lots';
    const error = expectError(load(document), 'invalid');
    expect(error.issues[0]!.path).toBe(`nodes[${index}].props.cpu`);
    expect(error.message).toContain(`nodes[${index}].props.cpu`);
    expect(error.message).toContain('ECS service "web"');
  });

  it('an invalid property inside a list item', () => {
    const document = valid();
    document.nodes[nodeIndex(document, 'web')]!.props.capacityProviderStrategy = [{ provider: 'FARGATE', base: -5, weight: 1 }];
    const error = expectError(load(document), 'invalid');
    expect(error.issues[0]!.path).toMatch(/props\.capacityProviderStrategy\[0\]\.base$/);
  });

  it('a label longer than the limit and ids with odd characters', () => {
    const document = valid();
    document.nodes[0]!.label = 'x'.repeat(LIMITS.maxLabelLength + 1);
    document.edges[0]!.id = 'has space';
    const error = expectError(load(document), 'invalid');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['edges[0].id', 'nodes[0].label']);
  });

  it('non-finite and out-of-range coordinates', () => {
    const document = valid();
    document.nodes[0]!.position!.x = 1e300;
    expectError(load(document), 'invalid');
    expectError(load(JSON.stringify(valid()).replace('"x":', '"x":1e999,"ignored":')), 'invalid');
  });

  it('duplicate ids among nodes, and between a node and an edge', () => {
    const document = valid();
    document.nodes[3]!.id = document.nodes[2]!.id;
    expect(expectError(load(document), 'invalid').issues).toContainEqual({
      path: 'nodes[3].id',
      message: `The id "${document.nodes[2]!.id}" is used more than once.`,
    });
    const clash = valid();
    clash.edges[0]!.id = clash.nodes[0]!.id;
    expect(expectError(load(clash), 'invalid').issues[0]).toMatchObject({ path: 'edges[0].id' });
    const edges = valid();
    edges.edges[1]!.id = edges.edges[0]!.id;
    expect(expectError(load(edges), 'invalid').issues[0]).toMatchObject({ path: 'edges[1].id' });
  });

  it('a parent that is not in the document', () => {
    const document = valid();
    const index = nodeIndex(document, 'web');
    document.nodes[index]!.parentId = 'ghost';
    expect(expectError(load(document), 'invalid').issues).toContainEqual({
      path: `nodes[${index}].parentId`,
      message: '"web" is inside "ghost", which is not in the document.',
    });
  });

  it('a node inside itself', () => {
    const document = valid();
    const index = nodeIndex(document, 'vpc');
    document.nodes[index]!.parentId = 'vpc';
    const error = expectError(load(document), 'invalid');
    expect(error.issues).toContainEqual({ path: `nodes[${index}].parentId`, message: '"VPC" is inside itself.' });
  });

  it('a parent cycle of two', () => {
    const document = valid();
    document.nodes[nodeIndex(document, 'region')]!.parentId = 'vpc';
    const error = expectError(load(document), 'invalid');
    expect(error.issues.some((issue) => /nested inside itself through its parents/.test(issue.message))).toBe(true);
  });

  it('a long parent cycle, quickly and without overflowing the stack', () => {
    const count = 5000;
    const nodes = Array.from({ length: count }, (_, index) => ({
      id: `n${index}`,
      kind: 'vpc',
      label: `VPC ${index}`,
      position: { x: 0, y: 0 },
      parentId: `n${(index + 1) % count}`,
      props: {},
    }));
    const started = performance.now();
    const error = expectError(load({ schemaVersion: 1, metadata: { title: '', description: '' }, nodes, edges: [] }), 'invalid');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error.issues.filter((issue) => /through its parents/.test(issue.message))).toHaveLength(1);
  });

  it('a long, valid-looking chain whose top points back down', () => {
    const kinds = ['region', 'vpc', 'availability-zone', 'subnet', 'ecs-cluster', 'ecs-fargate-capacity'];
    const nodes = kinds.map((kind, index) => ({
      id: `n${index}`,
      kind,
      label: kind,
      position: { x: 0, y: 0 },
      parentId: `n${(index + kinds.length - 1) % kinds.length}`,
      props: {},
    }));
    const error = expectError(load({ schemaVersion: 1, metadata: { title: '', description: '' }, nodes, edges: [] }), 'invalid');
    expect(error.issues.some((issue) => /through its parents/.test(issue.message))).toBe(true);
  });

  it('nesting the catalog forbids, naming both nodes', () => {
    const document = valid();
    const index = nodeIndex(document, 'web');
    document.nodes[index]!.parentId = 'vpc';
    const error = expectError(load(document), 'invalid');
    expect(error.issues).toContainEqual({
      path: `nodes[${index}].parentId`,
      message: 'ECS service "web" cannot be placed inside VPC "VPC".',
    });
  });

  it('edges to nodes that are not there', () => {
    const document = valid();
    document.edges[0]!.target = 'ghost';
    document.edges[1]!.source = 'phantom';
    const error = expectError(load(document), 'invalid');
    expect(error.issues).toContainEqual({
      path: 'edges[0].target',
      message: 'The connection ends at "ghost", which is not in the document.',
    });
    expect(error.issues).toContainEqual({
      path: 'edges[1].source',
      message: 'The connection starts at "phantom", which is not in the document.',
    });
  });

  it('an edge from a node to itself', () => {
    const document = valid();
    document.edges[0]!.target = document.edges[0]!.source;
    expect(expectError(load(document), 'invalid').issues[0]).toMatchObject({
      path: 'edges[0]',
      message: stringMatching(/connected to itself/),
    });
  });

  it('an edge the catalog gives no meaning (EFS → ALB), naming both ends', () => {
    const document = valid();
    document.nodes.push({ id: 'files', kind: 'efs', label: 'files', position: { x: 0, y: 2000 }, props: {} });
    document.edges.push({ id: 'e-nonsense', source: 'files', target: 'alb', props: {} });
    const error = expectError(load(document), 'invalid');
    expect(error.issues).toContainEqual({
      path: `edges[${document.edges.length - 1}]`,
      message: 'A connection from EFS file system "files" to Application Load Balancer "ALB" has no meaning in Stowage.',
    });
  });

  it('an edge stored in the wrong direction (the catalog defines service → EFS)', () => {
    const document = valid();
    document.nodes.push({ id: 'files', kind: 'efs', label: 'files', position: { x: 0, y: 2000 }, props: {} });
    document.edges.push({ id: 'e-reversed', source: 'files', target: 'web', props: {} });
    expect(expectError(load(document), 'invalid').message).toMatch(/has no meaning/);
  });

  it('invalid edge properties', () => {
    const document = valid();
    const index = document.edges.findIndex((edge) => edge.id === 'e-alb-web');
    document.edges[index]!.props.listenerPort = 0;
    document.edges[index]!.props.targetType = 'lambda';
    const error = expectError(load(document), 'invalid');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      `edges[${index}].props.listenerPort`,
      `edges[${index}].props.targetType`,
    ]);
  });

  it('handles that are not a side', () => {
    const document = valid();
    document.edges[0]!.sourceHandle = 'middle';
    expect(expectError(load(document), 'invalid').issues[0]!.path).toBe('edges[0].sourceHandle');
  });

  it('files over 20 MB, counted in bytes', () => {
    const spaces = ' '.repeat(LIMITS.maxFileBytes + 1);
    expect(expectError(loadDocument(spaces), 'too-large').message).toMatch(/20 MB/);
    // 8 million characters of 3 bytes each: 24 MB on disk although fewer characters than the limit.
    const wide = `{"a":"${'€'.repeat(8 * 1024 * 1024)}"}`;
    expect(wide.length).toBeLessThan(LIMITS.maxFileBytes);
    expectError(loadDocument(wide), 'too-large');
  });

  it('more nodes than the limit', () => {
    const document = valid();
    const template = document.nodes.find((node) => node.id === 'users')!;
    document.nodes = Array.from({ length: LIMITS.maxNodes + 1 }, (_, index) => ({ ...template, id: `n${index}` }));
    document.edges = [];
    expect(expectError(load(document), 'invalid').issues[0]!.path).toBe('nodes');
  });

  it.each([
    ['arrays', `${'['.repeat(LIMITS.maxJsonDepth + 1)}${']'.repeat(LIMITS.maxJsonDepth + 1)}`],
    ['objects', `${'{"a":'.repeat(LIMITS.maxJsonDepth + 1)}1${'}'.repeat(LIMITS.maxJsonDepth + 1)}`],
    ['a deep property value', JSON.stringify(valid()).replace('"props":{', `"props":{"deep":${'['.repeat(70)}${']'.repeat(70)},`)],
    ['a million brackets', '['.repeat(1_000_000)],
  ])('data nested deeper than 64 levels: %s', (_name, text) => {
    expect(expectError(loadDocument(text), 'too-deep').message).toMatch(/64 levels/);
  });

  const forbidden = ['__proto__', 'constructor', 'prototype'];
  /** The document as text with a key spelled `key` in one place, written as JSON.parse would see it. */
  const withKey = (document: JsonDocument, place: (document: JsonDocument) => Json, key: string) => {
    place(document).KEY_HERE = { polluted: 1 };
    return JSON.stringify(document).replace('"KEY_HERE"', `"${key}"`);
  };
  const web = (document: JsonDocument) => document.nodes.find((node) => node.id === 'web')!;
  const places: [string, (document: JsonDocument, key: string) => string][] = [
    ['the top level', (document, key) => withKey(document, (d) => d, key)],
    ['metadata', (document, key) => withKey(document, (d) => d.metadata!, key)],
    ['a node', (document, key) => withKey(document, (d) => d.nodes[0]!, key)],
    ['node props', (document, key) => withKey(document, (d) => web(d).props, key)],
    ['a position', (document, key) => withKey(document, (d) => web(d).position!, key)],
    ['an edge', (document, key) => withKey(document, (d) => d.edges[0]!, key)],
    [
      'a list item in props',
      (document, key) =>
        withKey(
          document,
          (d) => {
            const item: Json = {};
            web(d).props.capacityProviderStrategy = [item];
            return item;
          },
          key,
        ),
    ],
  ];
  for (const key of forbidden) {
    it.each(places)(`the key "${key}" in %s`, (_place, inject) => {
      const text = inject(valid(), key);
      expect(text).toContain(`"${key}"`);
      const error = expectError(loadDocument(text), 'forbidden-key');
      expect(error.message).toContain(`"${key}"`);
    });
  }

  it('a forbidden key spelled with escapes', () => {
    const text = JSON.stringify(valid()).replace(/^\{/, '{"__proto\\u005f_":{"polluted":1},');
    expectError(loadDocument(text), 'forbidden-key');
  });

  it('never reports an internal error for any of the above', () => {
    // Covered per case by expectError's exact codes; this guards the catch-all wording.
    const result = loadDocument('{}');
    expectError(result, 'not-a-document');
  });
});

describe('loadDocumentValue', () => {
  it('loads a parsed document', () => {
    expect(loadDocumentValue(valid())).toEqual({ ok: true, document: nestedDocument() });
  });

  it('applies the forbidden-key check to values parsed elsewhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const document = valid();
      Object.defineProperty(document.nodes[0]!.props, key, {
        value: { polluted: 1 },
        enumerable: true,
        configurable: true,
        writable: true,
      });
      expectError(loadDocumentValue(document), 'forbidden-key');
    }
  });

  it('applies the depth check to values, including values that contain themselves', () => {
    const document = valid();
    let deep: Json = {};
    document.metadata!.extra = deep;
    for (let level = 0; level < 100_000; level++) {
      deep.a = {};
      deep = deep.a as Json;
    }
    expectError(loadDocumentValue(document), 'too-deep');
    const cyclic = valid();
    cyclic.nodes[0]!.props.self = cyclic;
    expectError(loadDocumentValue(cyclic), 'too-deep');
  });

  it('does not change the value it is given', () => {
    const document = valid();
    document.nodes.reverse();
    document.nodes[0]!.props = {};
    const before = JSON.stringify(document);
    expect(loadDocumentValue(document).ok).toBe(true);
    expect(JSON.stringify(document)).toBe(before);
  });

  it('refuses non-documents', () => {
    for (const value of [undefined, null, 3, 'text', [], () => 1]) expectError(loadDocumentValue(value), 'not-a-document');
  });
});

describe('JSON guards', () => {
  it('measures nesting and stops early', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}', 64)).toBe(4);
    expect(jsonNestingDepth('"[[[["', 64)).toBe(0);
    expect(jsonNestingDepth('["\\"[[["]', 64)).toBe(1);
    expect(jsonNestingDepth('['.repeat(1000), 10)).toBe(11);
  });

  it('finds problems in parsed values', () => {
    expect(findJsonValueProblem({ a: [1, { b: null }] }, 64)).toBeUndefined();
    expect(findJsonValueProblem(JSON.parse('{"a":{"__proto__":1}}'), 64)).toEqual({ problem: 'forbidden-key', key: '__proto__' });
    expect(findJsonValueProblem([[[1]]], 3)).toBeUndefined();
    expect(findJsonValueProblem([[[[1]]]], 3)).toEqual({ problem: 'too-deep' });
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(utf8ByteLength('\uD800')).toBe(3);
    for (const text of ['plain', 'naïve café', '漢字', '😀 emoji 🚀', '\uDC00 lone'])
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

describe('issue formatting', () => {
  it('formats JSON paths', () => {
    expect(formatPath(['nodes', 3, 'props', 'cpu'])).toBe('nodes[3].props.cpu');
    expect(formatPath(['nodes', 0, 'props', 'odd-key', 2])).toBe('nodes[0].props["odd-key"][2]');
    expect(formatPath([])).toBe('');
    expect(formatPath([0])).toBe('[0]');
  });

  it('lists issues with a limit', () => {
    const issues = Array.from({ length: 10 }, (_, index) => ({ path: index % 2 ? `nodes[${index}]` : '', message: `problem ${index}` }));
    const lines = describeIssues(issues, 3);
    expect(lines).toEqual(['problem 0', 'nodes[1]: problem 1', 'problem 2', '… and 7 more problems.']);
  });
});

describe('load error sentences', () => {
  it('end in one full stop, never "..", whatever the problem ends with', () => {
    const node = { id: 'a', kind: 'ecr-repository', label: '', position: { x: 0, y: 0 }, props: {} };
    const one = loadDocument(
      JSON.stringify({ schemaVersion: 1, metadata: { title: '', description: '' }, nodes: [node, node], edges: [] }),
    );
    const notJson = loadDocument('{"schemaVersion": 1,');
    for (const result of [one, notJson]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).not.toMatch(/\.\.|\.\)\./);
    }
    expect(!one.ok && one.error.message).toBe('The file is not a valid Stowage diagram: nodes[1].id: The id "a" is used more than once.');
  });
});
