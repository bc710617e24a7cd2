/**
 * A small JSON Schema (2020-12) validator covering exactly the keywords the generated
 * docs/stowage.schema.json uses, so tests can check the schema against real files without a
 * validator package. A keyword it does not know is an error, so the schema cannot start using
 * a feature these tests would silently skip.
 */

type Schema = boolean | Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default', 'examples', '$defs']);
const KNOWN = new Set([
  ...ANNOTATIONS,
  '$ref',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
]);

export interface SchemaError {
  path: string;
  message: string;
}

export function validateJsonSchema(root: Record<string, unknown>, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  check(root, root, value, '', errors);
  return errors;
}

function resolve(root: Record<string, unknown>, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let current: unknown = root;
  for (const part of ref.slice(2).split('/')) current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (current === undefined) throw new Error(`Unresolved $ref ${ref}`);
  return current as Schema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeOf(value) === 'object';
    default:
      return typeOf(value) === type;
  }
}

function isValid(root: Record<string, unknown>, schema: Schema, value: unknown, path: string): boolean {
  const errors: SchemaError[] = [];
  check(root, schema, value, path, errors);
  return errors.length === 0;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function check(root: Record<string, unknown>, schema: Schema, value: unknown, path: string, errors: SchemaError[]): void {
  if (schema === true) return;
  if (schema === false) {
    errors.push({ path, message: 'no value is allowed here' });
    return;
  }
  for (const keyword of Object.keys(schema))
    if (!KNOWN.has(keyword)) throw new Error(`Unsupported JSON Schema keyword "${keyword}" at ${path || '(root)'}`);
  const fail = (message: string) => errors.push({ path, message });

  if (typeof schema.$ref === 'string') check(root, resolve(root, schema.$ref), value, path, errors);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => matchesType(type, value))) {
      fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
      return;
    }
  }
  if ('const' in schema && !deepEqual(schema.const, value)) fail(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value)))
    fail(`expected one of ${JSON.stringify(schema.enum)}`);

  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(`not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail(`not below ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.items !== undefined) value.forEach((item, index) => check(root, schema.items as Schema, item, `${path}[${index}]`, errors));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!Object.hasOwn(object, key)) fail(`missing "${key}"`);
    for (const [key, item] of Object.entries(object)) {
      const where = `${path}.${key}`;
      if (schema.propertyNames !== undefined) check(root, schema.propertyNames as Schema, key, where, errors);
      if (Object.hasOwn(properties, key)) check(root, properties[key]!, item, where, errors);
      else if (schema.additionalProperties !== undefined) {
        if (schema.additionalProperties === false) errors.push({ path: where, message: 'unknown key' });
        else check(root, schema.additionalProperties as Schema, item, where, errors);
      }
    }
  }
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf as Schema[]) check(root, part, value, path, errors);
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((part) => isValid(root, part, value, path)))
    fail('matches none of anyOf');
  if (Array.isArray(schema.oneOf)) {
    const matches = (schema.oneOf as Schema[]).filter((part) => isValid(root, part, value, path)).length;
    if (matches !== 1) fail(`matches ${matches} of oneOf, not exactly one`);
  }
  if (schema.if !== undefined) {
    if (isValid(root, schema.if as Schema, value, path)) {
      if (schema.then !== undefined) check(root, schema.then as Schema, value, path, errors);
    } else if (schema.else !== undefined) check(root, schema.else as Schema, value, path, errors);
  }
}
