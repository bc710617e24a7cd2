import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../shared/catalog';
import { describeFields, type FieldDescriptor } from '../shared/catalog/fields';
import { loadDocument } from '../shared/document/load';
import type { JsonDocument } from '../shared/document/json-document.test-support';
import { everyKindDocument, nestedDocument } from '../shared/document/sample-documents.test-support';
import { serializeDocument } from '../shared/document/serialize';
import {
  FILE_FORMAT_DOC_PATH,
  JSON_SCHEMA_PATH,
  buildJsonSchema,
  jsonSchemaSource,
  unknownKindMentions,
  updateGeneratedSections,
} from './document-schema';
import { validateJsonSchema } from './mini-json-schema.test-support';

const schema = buildJsonSchema();
const fixtures = join(import.meta.dirname, '../shared/document/fixtures');
const fixtureFiles = readdirSync(fixtures).filter((name) => name.endsWith('.stowage'));
const markdown = readFileSync(FILE_FORMAT_DOC_PATH, 'utf8');

function errorsFor(value: unknown) {
  return validateJsonSchema(schema, value);
}

describe('generated files are current', () => {
  it('docs/stowage.schema.json', () => {
    const committed = readFileSync(JSON_SCHEMA_PATH, 'utf8');
    expect(committed === jsonSchemaSource(), 'docs/stowage.schema.json is out of date: run `npm run schema`').toBe(true);
  });

  it('the tables in docs/file-format.md', () => {
    expect(updateGeneratedSections(markdown) === markdown, 'docs/file-format.md tables are out of date: run `npm run schema`').toBe(true);
  });

  it('generation is deterministic', () => {
    expect(jsonSchemaSource()).toBe(jsonSchemaSource());
  });
});

describe('the JSON Schema', () => {
  it('is draft 2020-12 with a definition of props for every kind', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const defs = schema.$defs as Record<string, unknown>;
    for (const kind of CATALOG) expect(defs[`props-${kind.id}`], kind.id).toBeDefined();
    const nodeItems = (schema.properties as { nodes: { items: { properties: { kind: { enum: unknown } }; allOf: unknown[] } } }).nodes
      .items;
    expect(nodeItems.properties.kind.enum).toEqual(CATALOG.map((kind) => kind.id));
    expect(nodeItems.allOf).toHaveLength(CATALOG.length);
  });

  it('carries no Stowage-only meta keys', () => {
    const text = JSON.stringify(schema);
    for (const key of ['"ui"', '"unit"', '"options"', '"optionLabels"']) expect(text).not.toContain(`${key}:`);
    expect(text).toContain('Unit: MiB.');
  });

  it.each(fixtureFiles)('accepts fixtures/%s', (name) => {
    expect(errorsFor(JSON.parse(readFileSync(join(fixtures, name), 'utf8')))).toEqual([]);
  });

  it('accepts generated documents of every kind and connection', () => {
    expect(errorsFor(JSON.parse(serializeDocument(everyKindDocument())))).toEqual([]);
    expect(errorsFor(JSON.parse(serializeDocument(nestedDocument())))).toEqual([]);
  });

  it('accepts the examples in docs/file-format.md, which Stowage also loads', () => {
    const examples = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .filter((block) => block.includes('"schemaVersion"'));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const result = loadDocument(example);
      expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      expect(errorsFor(JSON.parse(example))).toEqual([]);
    }
    expect(unknownKindMentions(markdown)).toEqual([]);
  });

  const broken: [string, (document: JsonDocument) => void, RegExp][] = [
    ['a wrong schemaVersion', (document) => (document.schemaVersion = 2), /^\.schemaVersion$/],
    ['an unknown top-level key', (document) => (document.extra = 1), /^\.extra$/],
    ['an unknown kind', (document) => (document.nodes[0]!.kind = 'lambda'), /^\.nodes\[0\]\.kind$/],
    ['a bad id', (document) => (document.nodes[0]!.id = 'with space'), /^\.nodes\[0\]\.id$/],
    [
      'a property of the wrong type',
      (document) => (document.nodes.find((node) => node.kind === 'ecs-service')!.props.cpu = 'lots'),
      /\.props\.cpu$/,
    ],
    [
      'a property out of range',
      (document) => (document.nodes.find((node) => node.kind === 'ecs-service')!.props.cpu = 64),
      /\.props\.cpu$/,
    ],
    ['an unknown property', (document) => (document.nodes.find((node) => node.kind === 'vpc')!.props.color = 'red'), /\.props\.color$/],
    ['a bad enum value', (document) => (document.nodes.find((node) => node.kind === 'subnet')!.props.access = 'semi'), /\.props\.access$/],
    [
      'a pattern mismatch',
      (document) => (document.nodes.find((node) => node.kind === 'region')!.props.regionCode = 'mars-1'),
      /\.props\.regionCode$/,
    ],
    [
      'a policy of an unknown type',
      (document) => (document.nodes.find((node) => node.kind === 'service-auto-scaling')!.props.policies = [{ type: 'magic' }]),
      /\.props\.policies\[0\]$/,
    ],
    ['a bad handle', (document) => (document.edges[0]!.sourceHandle = 'middle'), /^\.edges\[0\]\.sourceHandle$/],
    [
      'edge props no connection has',
      (document) => (document.edges[0]!.props = { listenerPort: 80, containerPath: '/x' }),
      /^\.edges\[0\]\.props$/,
    ],
  ];

  // The schema describes this version's files; what a newer version may write the loader opens read-only.
  it.each(broken)('rejects %s, which the loader refuses or opens read-only', (_name, breakIt, where) => {
    const document = JSON.parse(readFileSync(join(fixtures, 'v1.stowage'), 'utf8')) as JsonDocument;
    breakIt(document);
    const result = loadDocument(JSON.stringify(document));
    expect(!result.ok || result.newer !== undefined).toBe(true);
    const errors = errorsFor(document);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.some((error) => where.test(error.path)),
      JSON.stringify(errors),
    ).toBe(true);
  });

  it('agrees with the loader on props: the JSON Schema accepts exactly what each kind’s zod schema accepts (property-based)', () => {
    const kinds = CATALOG.filter((kind) => Object.keys(kind.props.shape).length > 0);
    const arbitrary = fc.constantFrom(...kinds).chain((kind) => {
      const fields = describeFields(kind.props);
      const candidates = fields.map((field) => fc.constantFrom(...interestingValues(field)));
      const value = fc.oneof({ weight: 4, arbitrary: fc.oneof(...candidates) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
      const keys = fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...fields.map((field) => field.key)) },
        { weight: 1, arbitrary: fc.constant('notAProperty') },
      );
      return fc.record({ kind: fc.constant(kind), props: fc.dictionary(keys, value, { maxKeys: 3 }) });
    });
    let accepted = 0;
    fc.assert(
      fc.property(arbitrary, ({ kind, props }) => {
        const node = { id: 'n', kind: kind.id, label: '', position: { x: 0, y: 0 }, props };
        const document = { schemaVersion: 1, metadata: { title: '', description: '' }, nodes: [node], edges: [] };
        const zodAccepts = kind.props.safeParse(props).success;
        if (zodAccepts) accepted++;
        expect(errorsFor(document).length === 0, `${kind.id} ${JSON.stringify(props)}`).toBe(zodAccepts);
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

/** Values near every constraint of a field: defaults, options, bounds and just past them. */
function interestingValues(field: FieldDescriptor): unknown[] {
  const values: unknown[] = [field.defaultValue, null, 'text', 1, true, []];
  switch (field.type) {
    case 'number':
      for (const bound of [field.min, field.max]) if (bound !== undefined) values.push(bound, bound - 1, bound + 1, bound + 0.5);
      values.push(...(field.options ?? []));
      break;
    case 'text':
      values.push('', 'a', 'm6i.large', 'us-east-1', 'a=b, c=d', 'cron(0 8 * * ? *)', '10.0.0.0/16', 'nginx');
      if (field.maxLength !== undefined) values.push('a'.repeat(field.maxLength), 'a'.repeat(field.maxLength + 1));
      break;
    case 'enum':
      values.push(...field.options.map((option) => option.value), 'not-an-option');
      break;
    case 'list':
      values.push(
        [field.newItem()],
        [{ ...field.newItem(), extra: 1 }],
        Array.from({ length: (field.maxItems ?? 3) + 1 }, () => field.newItem()),
      );
      break;
    case 'union-list':
      values.push(
        ...field.variants.map((variant) => [variant.newItem()]),
        [{ type: 'magic' }],
        [{ [field.discriminator]: field.variants[0]!.value }],
      );
      break;
    default:
      break;
  }
  return values;
}
