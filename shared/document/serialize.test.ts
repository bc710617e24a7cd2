import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATALOG, ecsService, findKind, type KindDefinition } from '../catalog';
import { APP_CATALOG, type CatalogView } from './catalog-view';
import { loadDocument } from './load';
import { allConnections, everyKindDocument, nestedDocument } from './sample-documents.test-support';
import type { DiagramDocument } from './schema';
import { serializeDocument } from './serialize';

function reload(text: string): DiagramDocument {
  const result = loadDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

/** The same JSON value with every object's keys in a random order. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let index = entries.length - 1; index > 0; index--) {
    const swap = Math.floor(random() * (index + 1));
    [entries[index], entries[swap]] = [entries[swap]!, entries[index]!];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffleKeys(item, random)]));
}

describe('document round trip', () => {
  const documents = [
    ['every kind and every connection', everyKindDocument()],
    ['nested groups with handles', nestedDocument()],
  ] as const;

  it('covers every kind and every connection of the catalog', () => {
    const document = everyKindDocument();
    expect(new Set(document.nodes.map((node) => node.kind))).toEqual(new Set(CATALOG.map((kind) => kind.id)));
    expect(document.edges).toHaveLength(allConnections().length);
  });

  it.each(documents)('%s: serialize → load gives an equal document and the same bytes', (_name, document) => {
    const text = serializeDocument(document);
    const loaded = reload(text);
    expect(loaded).toEqual(document);
    expect(serializeDocument(loaded)).toBe(text);
  });

  it.each(documents)('%s: key order in the input does not change the output', (_name, document) => {
    const text = serializeDocument(document);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        let state = seed;
        const random = () => {
          state = ((Math.imul(state, 48271) % 2147483647) + 2147483647) % 2147483647;
          return state / 2147483647;
        };
        const shuffled = JSON.stringify(shuffleKeys(JSON.parse(text), random));
        expect(serializeDocument(reload(shuffled))).toBe(text);
        expect(serializeDocument(shuffleKeys(document, random) as DiagramDocument)).toBe(text);
      }),
      { numRuns: 25 },
    );
  });

  it('writes pretty JSON with two-space indents and one trailing newline', () => {
    const text = serializeDocument(nestedDocument());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
  });

  it('orders document, node and edge keys for readable diffs and sorts property keys', () => {
    const document = nestedDocument();
    const value = JSON.parse(serializeDocument(document)) as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    } & Record<string, unknown>;
    // kindVersions: the document holds an ECR repository, a kind past its first version.
    expect(Object.keys(value)).toEqual(['schemaVersion', 'kindVersions', 'metadata', 'nodes', 'edges']);
    const vpc = value.nodes.find((node) => node.id === 'vpc')!;
    expect(Object.keys(vpc)).toEqual(['id', 'kind', 'label', 'parentId', 'position', 'size', 'props']);
    const users = value.nodes.find((node) => node.id === 'users')!;
    expect(Object.keys(users)).toEqual(['id', 'kind', 'label', 'position', 'props']);
    const edge = value.edges.find((candidate) => candidate.id === 'e-users-alb')!;
    expect(Object.keys(edge)).toEqual(['id', 'source', 'target', 'sourceHandle', 'targetHandle', 'props']);
    for (const node of value.nodes) {
      const keys = Object.keys(node.props as object);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('sorts keys inside nested property values too', () => {
    const document = everyKindDocument();
    const scaling = document.nodes.find((node) => node.kind === 'service-auto-scaling')!;
    scaling.props = { ...scaling.props, policies: [{ type: 'scheduled', schedule: 'rate(1 hour)', minCapacity: 2, maxCapacity: 3 }] };
    const saved = (JSON.parse(serializeDocument(document)) as DiagramDocument).nodes.find((node) => node.kind === 'service-auto-scaling')!;
    const policy = (saved.props.policies as Record<string, unknown>[])[0]!;
    expect(Object.keys(policy)).toEqual(['maxCapacity', 'minCapacity', 'schedule', 'type']);
  });

  it('writes the properties that differ from their defaults and leaves out the rest; loading fills them back in', () => {
    const document = nestedDocument();
    const web = document.nodes.find((node) => node.id === 'web')!;
    web.props = { ...web.props, desiredCount: 5, capacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }] };
    const route = document.edges.find((edge) => edge.id === 'e-alb-web')!;
    route.props = { ...route.props, listenerPort: 8080 };
    const value = JSON.parse(serializeDocument(document)) as DiagramDocument;
    expect(value.nodes.find((node) => node.id === 'web')!.props).toEqual({
      capacityProviderStrategy: [{ base: 0, provider: 'FARGATE_SPOT', weight: 1 }],
      desiredCount: 5,
    });
    expect(value.edges.find((edge) => edge.id === 'e-alb-web')!.props).toEqual({ listenerPort: 8080 });
    expect(value.nodes.find((node) => node.id === 'vpc')!.props).toEqual({});
    expect(reload(serializeDocument(document))).toEqual(document);
    // Only the props differ from the document (and the versions of its kinds are recorded): nothing else is dropped or added.
    const withoutProps = ({ kindVersions: _versions, ...d }: DiagramDocument & { kindVersions?: unknown }) => ({
      ...d,
      nodes: d.nodes.map(({ props: _p, ...rest }) => rest),
      edges: d.edges.map(({ props: _p, ...rest }) => rest),
    });
    expect(withoutProps(value)).toEqual(withoutProps(document));
  });

  it('saves a document of defaults with empty props', () => {
    const document = everyKindDocument();
    const text = serializeDocument(document);
    for (const node of (JSON.parse(text) as DiagramDocument).nodes) expect(node.props, node.kind).toEqual({});
    for (const edge of (JSON.parse(text) as DiagramDocument).edges) expect(edge.props).toEqual({});
  });
});

describe('adding a field with a default to a kind', () => {
  // A later Stowage where ECS services gained a switch: same catalog otherwise.
  const laterService: KindDefinition = {
    ...(ecsService as KindDefinition),
    props: ecsService.props.extend({ enableExecuteCommand: z.boolean().default(false) }),
  };
  const withNewField: CatalogView = {
    ...APP_CATALOG,
    findKind: (kindId) => (kindId === ecsService.id ? laterService : findKind(kindId)),
  };

  it('changes no saved file: the new field takes its default, which is not written', () => {
    for (const document of [nestedDocument(), everyKindDocument()]) {
      const before = serializeDocument(document);
      const later = loadDocument(before, { catalog: withNewField });
      if (!later.ok) throw new Error(later.error.message);
      expect(later.newer).toBeUndefined();
      expect(later.document.nodes.find((node) => node.kind === 'ecs-service')!.props.enableExecuteCommand).toBe(false);
      expect(serializeDocument(later.document, withNewField)).toBe(before);
    }
  });
});
