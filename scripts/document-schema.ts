import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CATALOG, CATEGORIES, findKind, kindsSelectedBy, type ConnectionDefinition, type KindDefinition } from '../shared/catalog';
import { describeFields, type FieldDescriptor } from '../shared/catalog/fields';
import { CURRENT_SCHEMA_VERSION, FILE_EXTENSION, LIMITS, MEDIA_TYPE, StoredDocumentSchema } from '../shared/document/schema';

/**
 * Builds the artefacts that describe the file format from the zod schemas and the catalog,
 * so they can never drift from what the loader accepts:
 *   docs/stowage.schema.json   JSON Schema (draft 2020-12) of a .stowage file, props per kind
 *   docs/file-format.md        the tables between the `<!-- generated:… -->` markers
 * `npm run schema` writes both; scripts/document-schema.test.ts fails when either is stale.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const JSON_SCHEMA_PATH = join(root, 'docs/stowage.schema.json');
export const FILE_FORMAT_DOC_PATH = join(root, 'docs/file-format.md');

type JsonSchema = Record<string, unknown>;

/** zod's JSON Schema of one schema, as files are written (fields with defaults are optional). */
function toJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  delete json.$schema;
  return cleanMeta(json) as JsonSchema;
}

/**
 * Stowage's own `.meta()` keys are not JSON Schema keywords: suggested values become
 * `examples`, the unit joins the description, UI hints and entry checks (what may be typed in,
 * not what a file may hold) are dropped.
 */
function cleanMeta(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanMeta);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  const source = value as JsonSchema;
  for (const [key, item] of Object.entries(source)) {
    if (key === 'ui' || key === 'optionLabels' || key === 'unit' || key === 'options' || key === 'entry') continue;
    out[key] = cleanMeta(item);
  }
  if (typeof source.unit === 'string') {
    const unit = `Unit: ${source.unit}.`;
    out.description = typeof source.description === 'string' ? `${source.description} ${unit}` : unit;
  }
  if (isList(source.options)) out.examples = [...source.options];
  return out;
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

const propsRef = (kind: KindDefinition) => `#/$defs/props-${kind.id}`;

function edgePropsSchemas(): { name: string; schema: JsonSchema }[] {
  const out: { name: string; schema: JsonSchema }[] = [];
  const seen = new Map<z.ZodObject, string>();
  for (const kind of CATALOG) {
    for (const connection of kind.connections) {
      if (!connection.props || seen.has(connection.props)) continue;
      const name = `edge-props-${kind.id}-${connection.relation}`;
      seen.set(connection.props, name);
      out.push({ name, schema: { ...toJsonSchema(connection.props), title: `${kind.label}: ${connection.label}` } });
    }
  }
  return out;
}

/** The JSON Schema of a .stowage file: the document structure, node props checked per kind. */
export function buildJsonSchema(): JsonSchema {
  const document = toJsonSchema(StoredDocumentSchema);
  const properties = document.properties as Record<string, JsonSchema>;
  properties.kindVersions = { ...properties.kindVersions, propertyNames: { enum: CATALOG.map((kind) => kind.id) } };
  const nodeItem = (properties.nodes as { items: JsonSchema }).items;
  const nodeProperties = nodeItem.properties as Record<string, JsonSchema>;
  nodeProperties.kind = { ...nodeProperties.kind, enum: CATALOG.map((kind) => kind.id) };
  // An if/then per kind rather than a oneOf over 26 node shapes: editors then report the one
  // property that is wrong instead of 26 alternatives that did not match.
  nodeItem.allOf = CATALOG.map((kind) => ({
    if: { properties: { kind: { const: kind.id } }, required: ['kind'] },
    then: { properties: { props: { $ref: propsRef(kind) } } },
  }));

  const edgeProps = edgePropsSchemas();
  const edgeItem = (properties.edges as { items: JsonSchema }).items;
  const edgeProperties = edgeItem.properties as Record<string, JsonSchema>;
  // Edges do not name their kinds, so props are checked against every connection's schema
  // (relations without properties take an empty object, which every one of them accepts).
  edgeProperties.props = {
    ...edgeProperties.props,
    anyOf: edgeProps.map(({ name }) => ({ $ref: `#/$defs/${name}` })),
  };
  delete edgeProperties.props.additionalProperties;
  delete edgeProperties.props.propertyNames;

  const defs: Record<string, JsonSchema> = {};
  for (const kind of CATALOG)
    defs[`props-${kind.id}`] = { ...toJsonSchema(kind.props), title: `${kind.label} properties`, description: kind.description };
  for (const { name, schema } of edgeProps) defs[name] = schema;

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Stowage diagram (.${FILE_EXTENSION}), format version ${CURRENT_SCHEMA_VERSION}`,
    description: `A Stowage architecture diagram (${MEDIA_TYPE}). Generated from the Stowage source by \`npm run schema\`; see docs/file-format.md. Stowage also checks what a schema cannot: unique ids, existing parents, allowed nesting and connection meanings.`,
    ...document,
    $defs: defs,
  };
}

export function jsonSchemaSource(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

// ---- Markdown tables for docs/file-format.md ----------------------------------------------------

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text}\``;
}

function categoryLabel(kind: KindDefinition): string {
  return CATEGORIES.find((category) => category.id === kind.category)?.label ?? kind.category;
}

export function kindsMarkdown(): string {
  const lines = ['| Kind | Name | Palette section | Group | May contain |', '| --- | --- | --- | --- | --- |'];
  for (const kind of CATALOG) {
    const contains = kind.group ? kindsSelectedBy(kind.group.contains).map(code).join(', ') : '';
    lines.push(`| ${code(kind.id)} | ${cell(kind.label)} | ${cell(categoryLabel(kind))} | ${kind.group ? 'yes' : ''} | ${contains} |`);
  }
  lines.push('', 'Every kind may also sit directly on the canvas, outside any group.', '');
  lines.push('| From | Relation | To | Label on the canvas | Edge properties |', '| --- | --- | --- | --- | --- |');
  for (const kind of CATALOG) {
    for (const connection of kind.connections) {
      const props = connection.props ? Object.keys(connection.props.shape).map(code).join(', ') : '';
      lines.push(
        `| ${code(kind.id)} | ${code(connection.relation)} | ${kindsSelectedBy(connection.to).map(code).join(', ')} | ${cell(connection.label)} | ${props} |`,
      );
    }
  }
  return lines.join('\n');
}

function typeText(field: FieldDescriptor): string {
  switch (field.type) {
    case 'text': {
      const parts = ['text'];
      if (field.minLength === 1) parts.push('not empty');
      else if (field.minLength !== undefined && field.minLength > 1) parts.push(`at least ${field.minLength} characters`);
      if (field.maxLength !== undefined) parts.push(`at most ${field.maxLength} characters`);
      if (field.pattern !== undefined) parts.push(`matching ${code(field.pattern)}`);
      return parts.join(', ');
    }
    case 'number': {
      const range = field.min !== undefined && field.max !== undefined ? ` ${field.min} to ${field.max}` : '';
      return `${field.integer ? 'integer' : 'number'}${range}${field.unit ? ` (${field.unit})` : ''}${field.nullable ? ', or null' : ''}`;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of ${field.options.map((option) => code(JSON.stringify(option.value))).join(', ')}`;
    case 'list':
      return `list of { ${field.itemFields.map((item) => item.key).join(', ')} }${field.maxItems !== undefined ? `, at most ${field.maxItems}` : ''}`;
    case 'union-list':
      return `list of items told apart by ${code(field.discriminator)}: ${field.variants.map((variant) => `${code(JSON.stringify(variant.value))} { ${variant.fields.map((item) => item.key).join(', ')} }`).join('; ')}${field.maxItems !== undefined ? `, at most ${field.maxItems}` : ''}`;
    case 'unknown':
      return field.zodType;
  }
}

function fieldRow(field: FieldDescriptor): string {
  const meaning = field.description ? `${field.title}. ${field.description}` : field.title;
  return `| ${code(field.key)} | ${cell(meaning)} | ${cell(typeText(field))} | ${code(JSON.stringify(field.defaultValue))} |`;
}

export function propertiesMarkdown(): string {
  const sections: string[] = [];
  for (const kind of CATALOG) {
    const fields = describeFields(kind.props);
    sections.push(`### ${kind.label} (${code(kind.id)})`, '');
    if (fields.length === 0) {
      sections.push('No properties: write `"props": {}`.', '');
      continue;
    }
    sections.push('| Property | Meaning | Type | Default |', '| --- | --- | --- | --- |');
    for (const field of fields) sections.push(fieldRow(field));
    sections.push('');
  }
  return sections.join('\n').trimEnd();
}

export function edgePropertiesMarkdown(): string {
  // Shared connections (mounts) are defined once for several source kinds; list them once.
  const sources = new Map<ConnectionDefinition, KindDefinition[]>();
  for (const kind of CATALOG) {
    for (const connection of kind.connections) {
      if (connection.props) sources.set(connection, [...(sources.get(connection) ?? []), kind]);
    }
  }
  const sections: string[] = [];
  for (const [connection, kinds] of sources) {
    const from = kinds.map((kind) => kind.label).join(', ');
    const to = kindsSelectedBy(connection.to)
      .map((id) => findKind(id).label)
      .join(' or ');
    sections.push(`### ${from} → ${to}: ${connection.label} (${code(connection.relation)})`, '');
    sections.push('| Property | Meaning | Type | Default |', '| --- | --- | --- | --- |');
    for (const field of describeFields(connection.props!)) sections.push(fieldRow(field));
    sections.push('');
  }
  return sections.join('\n').trimEnd();
}

/** Replaces the text between `<!-- generated:name -->` and `<!-- /generated:name -->` with fresh tables. */
export function updateGeneratedSections(markdown: string): string {
  const sections: Record<string, string> = {
    kinds: kindsMarkdown(),
    properties: propertiesMarkdown(),
    'edge-properties': edgePropertiesMarkdown(),
    limits: limitsMarkdown(),
  };
  let out = markdown;
  for (const [name, content] of Object.entries(sections)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/file-format.md lacks the markers ${start} … ${end}`);
    out = `${out.slice(0, from + start.length)}\n${content}\n${out.slice(to)}`;
  }
  return out;
}

export function limitsMarkdown(): string {
  // Read from the generated schema rather than restated, so the table follows schema.ts.
  const schema = toJsonSchema(StoredDocumentSchema);
  const properties = schema.properties as Record<string, JsonSchema>;
  const metadata = (properties.metadata as { properties: Record<string, JsonSchema> }).properties;
  const node = (properties.nodes as { items: { properties: Record<string, JsonSchema> } }).items.properties;
  const coordinate = (node.position as { properties: Record<string, JsonSchema> }).properties.x!;
  const extent = (node.size as { properties: Record<string, JsonSchema> }).properties.width!;
  const id = node.id!;
  const number = (value: unknown) => Number(value).toLocaleString('en-US');
  return [
    '| Limit | Value |',
    '| --- | --- |',
    `| File size | ${LIMITS.maxFileBytes / (1024 * 1024)} MB (UTF-8 bytes) |`,
    `| Nesting of JSON arrays and objects | ${LIMITS.maxJsonDepth} levels |`,
    `| Keys of one JSON object | ${number(LIMITS.maxObjectKeys)} |`,
    `| Different key names in a file | ${number(LIMITS.maxDistinctKeys)} |`,
    `| Nodes | ${number(LIMITS.maxNodes)} |`,
    `| Edges | ${number(LIMITS.maxEdges)} |`,
    `| Node label | ${number(LIMITS.maxLabelLength)} characters |`,
    `| Title / description | ${number(metadata.title!.maxLength)} / ${number(metadata.description!.maxLength)} characters |`,
    `| Ids | ${number(id.minLength)}–${number(id.maxLength)} characters matching ${code(String(id.pattern))} |`,
    `| Coordinates | ${number(coordinate.minimum)} to ${number(coordinate.maximum)} |`,
    `| Group width and height | ${number(extent.minimum)} to ${number(extent.maximum)} |`,
  ].join('\n');
}

/** Every kind id mentioned in the generated docs exists (guards hand edits of the prose). */
export function unknownKindMentions(markdown: string): string[] {
  const mentioned = [...markdown.matchAll(/"kind": "([a-z0-9-]+)"/g)].map((match) => match[1]!);
  return mentioned.filter((id) => !findKind(id));
}
