import { describe, expect, it } from 'vitest';
import { loadDocument, loadDocumentValue, type LoadResult } from './load';
import {
  cdkExportRefusal,
  describeNewerItems,
  newerContentMessage,
  readOnlyRefusal,
  summarizeNewerItems,
  understoodPart,
  type NewerContent,
} from './newer-content';
import { nestedDocument } from './sample-documents.test-support';
import { CURRENT_SCHEMA_VERSION, type DiagramDocument } from './schema';
import { serializeDocument } from './serialize';

/**
 * Files from a newer Stowage: whatever this version does not know opens read-only with the
 * newer-version message, is kept for Save As, and is left out of what rules and exporters see.
 */

/** A file as JSON, open to keys and values this version does not know. */
interface FileNode {
  id: string;
  kind: string;
  label: string;
  parentId?: string;
  position: Record<string, number>;
  size?: Record<string, number>;
  props: Record<string, unknown>;
  [key: string]: unknown;
}
interface FileEdge {
  id: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  [key: string]: unknown;
}
interface Json {
  schemaVersion: number;
  kindVersions?: Record<string, number>;
  metadata: Record<string, unknown>;
  nodes: FileNode[];
  edges: FileEdge[];
  [key: string]: unknown;
}

const valid = (): Json => JSON.parse(serializeDocument(nestedDocument())) as Json;
const indexOf = (document: Json, id: string) => document.nodes.findIndex((node) => node.id === id);
const edgeIndexOf = (document: Json, id: string) => document.edges.findIndex((edge) => edge.id === id);
const nodeOf = (document: Json, id: string) => document.nodes[indexOf(document, id)]!;

function readOnly(result: LoadResult): { document: DiagramDocument; newer: NewerContent } {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(result.newer, 'opens read-only').toBeDefined();
  return { document: result.document, newer: result.newer! };
}

function loadJson(value: Json | Record<string, unknown>): { text: string; result: LoadResult } {
  const text = JSON.stringify(value, null, 2);
  return { text, result: loadDocument(text) };
}

/** The understood part must be a document this version accepts as its own: no newer content left. */
function expectUnderstoodPartIsClean(document: DiagramDocument, newer: NewerContent) {
  const understood = understoodPart(document, newer);
  const again = loadDocument(serializeDocument(understood));
  expect(again.ok && again.newer, again.ok ? JSON.stringify(again.newer?.items) : again.error.message).toBe(undefined);
  return understood;
}

describe('unknown fields open read-only and keep the file', () => {
  it.each([
    ['the top level', (d: Json) => (d.savedWith = 'Stowage 9'), 'savedWith'],
    ['metadata', (d: Json) => (d.metadata.owner = 'payments'), 'metadata.owner'],
    ['a node', (d: Json) => (nodeOf(d, 'web').locked = true), `nodes[7].locked`],
    ['a position', (d: Json) => (nodeOf(d, 'web').position.z = 3), `nodes[7].position.z`],
    ['an edge', (d: Json) => (d.edges[0]!.style = 'dashed'), 'edges[0].style'],
  ])('on %s', (_name, mutate, path) => {
    const document = valid();
    mutate(document);
    const { text, result } = loadJson(document);
    const { document: loaded, newer } = readOnly(result);
    expect(newer.items.map((item) => [item.type, item.path])).toEqual([['field', path]]);
    expect(describeNewerItems(newer.items)[0]).toContain('unknown field');
    expect(newer.source).toBe(text);
    // Everything this version knows is understood: nothing is a placeholder or skipped.
    expect(newer.placeholderNodeIds).toEqual([]);
    expect(newer.ignoredNodeIds).toEqual([]);
    expect(newer.ignoredEdgeIds).toEqual([]);
    expect(loaded).toEqual(nestedDocument());
  });

  it('in a known kind’s props, naming the component; the rest of its props are read', () => {
    const document = valid();
    const web = indexOf(document, 'web');
    document.nodes[web]!.props.enableExecuteCommand = true;
    document.nodes[web]!.props.desiredCount = 5;
    const { document: loaded, newer } = readOnly(loadJson(document).result);
    expect(newer.items).toEqual([
      {
        type: 'field',
        path: `nodes[${web}].props.enableExecuteCommand`,
        message: 'ECS service "web": unknown field "enableExecuteCommand"',
      },
    ]);
    const service = loaded.nodes.find((node) => node.id === 'web')!;
    expect(service.props.desiredCount).toBe(5);
    expect(service.props).not.toHaveProperty('enableExecuteCommand');
    expect(understoodPart(loaded, newer).nodes.map((node) => node.id)).toContain('web');
  });

  it('inside a list item of props', () => {
    const document = valid();
    const web = indexOf(document, 'web');
    document.nodes[web]!.props.capacityProviderStrategy = [{ provider: 'FARGATE', base: 0, weight: 1, burst: true }];
    const { newer } = readOnly(loadJson(document).result);
    expect(newer.items.map((item) => item.path)).toEqual([`nodes[${web}].props.capacityProviderStrategy[0].burst`]);
  });

  it('in edge props, and props on a connection that has none', () => {
    const document = valid();
    const route = edgeIndexOf(document, 'e-alb-web');
    const pull = edgeIndexOf(document, 'e-web-repo');
    document.edges[route]!.props.stickiness = true;
    document.edges[pull]!.props = { weight: 3 };
    const { document: loaded, newer } = readOnly(loadJson(document).result);
    expect(newer.items.map((item) => item.path).sort()).toEqual([`edges[${pull}].props.weight`, `edges[${route}].props.stickiness`].sort());
    expect(loaded.edges[pull]!.props).toEqual({});
    expect(newer.ignoredEdgeIds).toEqual([]);
  });
});

describe('unknown kinds become placeholders', () => {
  function withAppRunner(): Json {
    const document = valid();
    // A newer kind, a group holding a known node, with an edge from a known node to it.
    document.nodes.push(
      {
        id: 'runner',
        kind: 'apprunner-service',
        label: 'checkout',
        parentId: 'region',
        position: { x: 900, y: 60 },
        size: { width: 400, height: 300 },
        props: { cpu: '1 vCPU', autoDeploy: true },
      },
      { id: 'inner-repo', kind: 'ecr-repository', label: 'inner', parentId: 'runner', position: { x: 24, y: 48 }, props: {} },
    );
    document.edges.push(
      { id: 'e-users-runner', source: 'users', target: 'runner', props: { port: 443 } },
      { id: 'e-web-inner', source: 'web', target: 'inner-repo', props: {} },
    );
    return document;
  }

  it('keeps their label, position, size and props as they are', () => {
    const { document, newer } = readOnly(loadJson(withAppRunner()).result);
    expect(newer.placeholderNodeIds).toEqual(['runner']);
    const runner = document.nodes.find((node) => node.id === 'runner')!;
    expect(runner).toMatchObject({ kind: 'apprunner-service', label: 'checkout', size: { width: 400, height: 300 } });
    expect(runner.props).toEqual({ cpu: '1 vCPU', autoDeploy: true });
    expect(newer.items).toContainEqual({
      type: 'kind',
      path: `nodes[${document.nodes.length - 2}].kind`,
      kind: 'apprunner-service',
      message: '"checkout" has the unknown component kind "apprunner-service"',
    });
  });

  it('leaves them, what is inside them and their connections out of the understood part', () => {
    const { document, newer } = readOnly(loadJson(withAppRunner()).result);
    expect([...newer.ignoredNodeIds].sort()).toEqual(['inner-repo', 'runner']);
    expect(newer.placeholderEdgeIds).toEqual(['e-users-runner']);
    expect([...newer.ignoredEdgeIds].sort()).toEqual(['e-users-runner', 'e-web-inner']);
    const understood = expectUnderstoodPartIsClean(document, newer);
    expect(understood).toEqual(nestedDocument());
  });
});

describe('newer kind versions', () => {
  const newerService = (props: (props: Record<string, unknown>) => void = () => {}) => {
    const document = valid();
    document.kindVersions = { 'ecs-service': 3 };
    props(nodeOf(document, 'web').props);
    return document;
  };

  it('name the kind and both versions', () => {
    const { newer } = readOnly(loadJson(newerService()).result);
    expect(newer.items).toEqual([
      {
        type: 'kind-version',
        path: `nodes[${indexOf(valid(), 'web')}]`,
        kind: 'ecs-service',
        kindLabel: 'ECS service',
        version: 3,
        known: 1,
      },
    ]);
    expect(summarizeNewerItems(newer.items)).toBe('ECS service version 3');
  });

  it('are read when their props still fit this version', () => {
    const { document, newer } = readOnly(loadJson(newerService()).result);
    expect(newer.placeholderNodeIds).toEqual([]);
    expect(understoodPart(document, newer).nodes.map((node) => node.id)).toContain('web');
  });

  it('become placeholders when their props do not', () => {
    const { document, newer } = readOnly(loadJson(newerService((props) => (props.cpu = 'auto'))).result);
    expect(newer.placeholderNodeIds).toEqual(['web']);
    expect(newer.items.filter((item) => item.type === 'unreadable').map((item) => item.path)).toEqual([
      `nodes[${indexOf(valid(), 'web')}].props.cpu`,
    ]);
    // Its connections keep their known meaning on the canvas, but the rules skip them with it.
    expect(newer.placeholderEdgeIds).toEqual([]);
    expect([...newer.ignoredEdgeIds].sort()).toEqual(['e-alb-web', 'e-web-repo', 'e-web-subnet']);
    expect(document.nodes.find((node) => node.id === 'web')!.props.cpu).toBe('auto');
    expectUnderstoodPartIsClean(document, newer);
  });

  it('may sit where this version does not allow: left out of the understood part, not refused', () => {
    const document = newerService();
    nodeOf(document, 'web').parentId = 'subnet-a';
    const { document: loaded, newer } = readOnly(loadJson(document).result);
    expect(newer.ignoredNodeIds).toEqual(['web']);
    expect(newer.items).toContainEqual(
      expect.objectContaining({ type: 'unreadable', path: `nodes[${indexOf(document, 'web')}].parentId` }),
    );
    expectUnderstoodPartIsClean(loaded, newer);
  });

  it('may be connected where this version knows no connection', () => {
    const document = newerService();
    document.edges.push({ id: 'e-web-users', source: 'web', target: 'users', props: {} });
    const { newer } = readOnly(loadJson(document).result);
    expect(newer.placeholderEdgeIds).toEqual(['e-web-users']);
  });

  it('the same changes at this version are damage, refused as before', () => {
    const misplaced = valid();
    nodeOf(misplaced, 'web').parentId = 'subnet-a';
    expect(loadJson(misplaced).result).toMatchObject({ ok: false, error: { code: 'invalid', message: /cannot be placed inside/ } });
    const badValue = valid();
    nodeOf(badValue, 'web').props.cpu = 'auto';
    expect(loadJson(badValue).result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const unknownConnection = valid();
    unknownConnection.edges.push({ id: 'e-web-users', source: 'web', target: 'users', props: {} });
    expect(loadJson(unknownConnection).result).toMatchObject({ ok: false, error: { code: 'invalid', message: /has no meaning/ } });
  });

  it('recorded versions must be positive integers', () => {
    const document = valid();
    document.kindVersions = { 'ecs-service': 0 };
    expect(loadJson(document).result).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [{ path: 'kindVersions["ecs-service"]' }] },
    });
  });

  it('are ignored for kinds the document does not use', () => {
    const document = valid();
    document.kindVersions = { efs: 7, 'some-future-kind': 2 };
    const result = loadJson(document).result;
    expect(result.ok && result.newer).toBe(undefined);
  });
});

describe('a newer file format', () => {
  it('is read as far as it looks like this one, read-only', () => {
    const document = { ...valid(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    const { document: loaded, newer } = readOnly(loadJson(document).result);
    expect(newer.schemaVersion).toBe(CURRENT_SCHEMA_VERSION + 1);
    expect(newer.items).toEqual([{ type: 'format', path: '', version: CURRENT_SCHEMA_VERSION + 1, known: CURRENT_SCHEMA_VERSION }]);
    expect(loaded.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(loaded).toEqual(nestedDocument());
  });

  it('turns values that do not fit into placeholders instead of errors', () => {
    const document = valid();
    document.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
    nodeOf(document, 'alb').props.scheme = 'dual';
    const { newer } = readOnly(loadJson(document).result);
    expect(newer.placeholderNodeIds).toEqual(['alb']);
  });

  it('that this version cannot show at all is refused with the newer-version message', () => {
    const result = loadJson({ schemaVersion: 99, metadata: { title: '' }, items: {} }).result;
    expect(result).toMatchObject({ ok: false, error: { code: 'newer-version' } });
    expect(result.ok ? '' : result.error.message).toMatch(/saved by a newer version of Stowage \(schema 99.*Update Stowage/);
  });

  it('still refuses damage it can see: a missing parent', () => {
    const document = valid();
    document.schemaVersion = 5;
    nodeOf(document, 'web').parentId = 'ghost';
    const result = loadJson(document).result;
    expect(result).toMatchObject({ ok: false, error: { code: 'newer-version' } });
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual([`nodes[${indexOf(document, 'web')}].parentId`]);
  });
});

describe('messages', () => {
  function newerFile(): NewerContent {
    const document = valid();
    document.schemaVersion = 1;
    document.kindVersions = { 'ecs-service': 2 };
    document.nodes.push({ id: 'runner', kind: 'apprunner-service', label: 'checkout', position: { x: 0, y: 900 }, props: {} });
    document.metadata.owner = 'payments';
    return readOnly(loadJson(document).result).newer;
  }

  it('say which version wrote the file, what is newer and what to do', () => {
    const message = newerContentMessage(newerFile());
    expect(message).toMatch(/^This diagram was saved by a newer version of Stowage \(schema 1\)/);
    expect(message).toContain('ECS service version 2, 1 unknown component kind (apprunner-service) and 1 unknown field');
    expect(message).toMatch(/read-only/);
    expect(message).toMatch(/Update Stowage/);
    expect(message).toMatch(/Save As/);
  });

  it('refusals of edits and of the CDK export say why', () => {
    const newer = newerFile();
    expect(readOnlyRefusal(newer)).toMatch(/read-only.*newer version of Stowage \(schema 1\).*Save As/);
    expect(cdkExportRefusal(newer)).toMatch(/apprunner-service.*does not export/);
    expect(cdkExportRefusal(undefined)).toBeUndefined();
  });

  it('list every item with its place in the file', () => {
    expect(describeNewerItems(newerFile().items)).toEqual([
      'metadata.owner: unknown field "owner"',
      'nodes[7]: ECS service version 2 (this version knows 1)',
      'nodes[10].kind: "checkout" has the unknown component kind "apprunner-service"',
    ]);
  });
});

describe('the source is kept', () => {
  it('exactly as read, byte order mark included', () => {
    const document = valid();
    document.extra = { nested: [1, 2.5, 'x'] };
    const text = `\uFEFF${JSON.stringify(document)}`;
    expect(readOnly(loadDocument(text)).newer.source).toBe(text);
  });

  it('as JSON for values loaded without text', () => {
    const document = valid();
    document.extra = true;
    const { newer } = readOnly(loadDocumentValue(document));
    expect(JSON.parse(newer.source)).toEqual(document);
  });
});
