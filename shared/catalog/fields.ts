import { z } from 'zod';
import { ENTRY_CHECKS, isEntryCheckId } from './entry-checks';

/**
 * What the inspector renders for a props schema, read once from the zod schema so the
 * renderer never touches zod internals. Titles, descriptions, units, suggested values and
 * UI hints come from each field's `.meta()`; bounds, lengths and patterns from its checks.
 *
 * Zod internals read here (zod 4): `_zod.def.type` and the wrapper defs (`default`,
 * `prefault`, `optional`, `nullable`, `readonly`), `_zod.def.checks` for lengths and
 * patterns, `_zod.def.entries` of enums, `_zod.def.options` and `discriminator` of
 * discriminated unions. fields.test.ts runs over every catalog schema so a zod upgrade that
 * moves any of these fails there, not in the inspector.
 */

export interface FieldBase {
  /** Property name in the props object. */
  key: string;
  title: string;
  description?: string;
  /** A custom editor the renderer should use instead of the generic one, e.g. 'capacity-provider'. */
  ui?: string;
  /** The field may be absent (no default). */
  optional?: boolean;
}

export interface TextField extends FieldBase {
  type: 'text';
  defaultValue: string | undefined;
  minLength?: number;
  maxLength?: number;
  /** Source of the regular expression the value must match (for hints; validateField gives the message). */
  pattern?: string;
}

export interface NumberField extends FieldBase {
  type: 'number';
  defaultValue: number | null | undefined;
  min?: number;
  max?: number;
  integer: boolean;
  unit?: string;
  /** Suggested values (a datalist), not a constraint. */
  options?: number[];
  /** `null` is allowed and means "not set". */
  nullable: boolean;
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
  defaultValue: boolean | undefined;
}

export interface EnumOption {
  value: string;
  label: string;
}

export interface EnumField extends FieldBase {
  type: 'enum';
  defaultValue: string | undefined;
  options: EnumOption[];
}

export interface ListField extends FieldBase {
  type: 'list';
  defaultValue: Record<string, unknown>[] | undefined;
  itemFields: FieldDescriptor[];
  minItems?: number;
  maxItems?: number;
  /** A complete item with every default filled in, for an "Add" button. */
  newItem(): Record<string, unknown>;
}

export interface UnionVariant {
  /** Value of the discriminator field. */
  value: string;
  label: string;
  /** The variant's fields without the discriminator. */
  fields: FieldDescriptor[];
  newItem(): Record<string, unknown>;
}

export interface UnionListField extends FieldBase {
  type: 'union-list';
  defaultValue: Record<string, unknown>[] | undefined;
  /** Name of the field that tells the variants apart ("type"). */
  discriminator: string;
  variants: UnionVariant[];
  minItems?: number;
  maxItems?: number;
}

/** A schema shape this module cannot describe. The catalog never produces one (tested). */
export interface UnknownField extends FieldBase {
  type: 'unknown';
  defaultValue: unknown;
  /** zod's `_zod.def.type` of the unwrapped schema, for the error message. */
  zodType: string;
}

export type FieldDescriptor = TextField | NumberField | BooleanField | EnumField | ListField | UnionListField | UnknownField;
export type FieldType = FieldDescriptor['type'];

interface FieldMeta {
  title?: unknown;
  description?: unknown;
  unit?: unknown;
  options?: unknown;
  optionLabels?: unknown;
  ui?: unknown;
  /** An entry check's id (entry-checks.ts). */
  entry?: unknown;
}

/** Minimal view of a zod schema's internals: the def and its checks. */
interface ZodInternals {
  _zod: { def: { type: string; checks?: readonly { _zod: { def: CheckDef } }[] } & Record<string, unknown> };
}

interface CheckDef {
  check: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: unknown;
  maximum?: unknown;
  length?: unknown;
  format?: unknown;
  pattern?: unknown;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'nonoptional', 'catch']);

interface Unwrapped {
  schema: z.ZodType;
  meta: FieldMeta;
  nullable: boolean;
  optional: boolean;
  hasDefault: boolean;
}

/** Peels default/optional/nullable wrappers, merging `.meta()` from every layer (outer layers win). */
function unwrap(schema: z.ZodType): Unwrapped {
  const layers: z.ZodType[] = [];
  let current = schema;
  let nullable = false;
  let optional = false;
  let hasDefault = false;
  for (;;) {
    layers.push(current);
    const def = internals(current).def;
    if (!WRAPPERS.has(def.type)) break;
    if (def.type === 'nullable') nullable = true;
    if (def.type === 'optional') optional = true;
    if (def.type === 'default' || def.type === 'prefault') hasDefault = true;
    current = def.innerType as z.ZodType;
  }
  const meta: FieldMeta = {};
  for (const layer of layers.reverse()) Object.assign(meta, z.globalRegistry.get(layer) ?? {});
  return { schema: current, meta, nullable, optional: optional && !hasDefault, hasDefault };
}

function internals(schema: z.ZodType): ZodInternals['_zod'] {
  return (schema as unknown as ZodInternals)._zod;
}

interface Bounds {
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  integer: boolean;
  patterns: RegExp[];
}

/** Folds a schema's checks into the facts a form needs (tightest bound wins). */
function readChecks(schema: z.ZodType): Bounds {
  const bounds: Bounds = { integer: false, patterns: [] };
  const tighten = (key: 'min' | 'minLength', value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) bounds[key] = Math.max(bounds[key] ?? -Infinity, value);
  };
  const loosen = (key: 'max' | 'maxLength', value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) bounds[key] = Math.min(bounds[key] ?? Infinity, value);
  };
  for (const check of internals(schema).def.checks ?? []) {
    const def = check._zod.def;
    switch (def.check) {
      case 'greater_than':
        tighten('min', def.value);
        break;
      case 'less_than':
        loosen('max', def.value);
        break;
      case 'number_format':
        if (typeof def.format === 'string' && /int/.test(def.format)) bounds.integer = true;
        break;
      case 'min_length':
        tighten('minLength', def.minimum);
        break;
      case 'max_length':
        loosen('maxLength', def.maximum);
        break;
      case 'length_equals':
        tighten('minLength', def.length);
        loosen('maxLength', def.length);
        break;
      case 'string_format':
        if (def.pattern instanceof RegExp) bounds.patterns.push(def.pattern);
        break;
    }
  }
  // Integer formats (z.int()) are the schema itself rather than a check.
  const format = internals(schema).def.format;
  if (typeof format === 'string' && /int/.test(format)) bounds.integer = true;
  return bounds;
}

/** A fresh copy of the field's default (zod shares nested default objects between parses). */
function defaultOf(schema: z.ZodType, hasDefault: boolean): unknown {
  if (!hasDefault) return undefined;
  const parsed = schema.safeParse(undefined);
  return parsed.success ? copyJson(parsed.data) : undefined;
}

function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A readable label for an identifier: "target-tracking" → "Target tracking", "scaleInCooldown" → "Scale in cooldown". */
export function humanize(value: string): string {
  if (value === '') return 'Not set';
  // Upper-case identifiers are AWS API values (ASGAverageCPUUtilization) that users know as written.
  if (!/^[a-z][a-zA-Z0-9]*(?:[-_ ][a-zA-Z0-9]+)*$/.test(value)) return value;
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_ ]/)
    .join(' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function enumLabel(value: string, labels: unknown): string {
  if (labels && typeof labels === 'object' && Object.hasOwn(labels, value)) {
    const label = (labels as Record<string, unknown>)[value];
    if (typeof label === 'string') return label;
  }
  return value === '' ? 'Not set' : value;
}

/** Describes every field of an object schema, in the schema's key order. */
export function describeFields(schema: z.ZodObject): FieldDescriptor[] {
  return Object.entries(schema.shape).map(([key, field]) => describeField(key, field as z.ZodType));
}

/** Describes one field: its type, constraints, default and presentation hints. */
export function describeField(key: string, field: z.ZodType): FieldDescriptor {
  const { schema, meta, nullable, optional, hasDefault } = unwrap(field);
  const def = internals(schema).def;
  const base: FieldBase = {
    key,
    title: text(meta.title) ?? humanize(key),
    ...(text(meta.description) ? { description: text(meta.description)! } : {}),
    ...(text(meta.ui) ? { ui: text(meta.ui)! } : {}),
    ...(optional ? { optional: true } : {}),
  };
  const defaultValue = defaultOf(field, hasDefault);
  const unknown = (zodType: string): UnknownField => ({ ...base, type: 'unknown', defaultValue, zodType });

  switch (def.type) {
    case 'string': {
      const bounds = readChecks(schema);
      const pattern = bounds.patterns.length === 1 ? bounds.patterns[0]!.source : undefined;
      return {
        ...base,
        type: 'text',
        defaultValue: defaultValue as string | undefined,
        ...(bounds.minLength === undefined ? {} : { minLength: bounds.minLength }),
        ...(bounds.maxLength === undefined ? {} : { maxLength: bounds.maxLength }),
        ...(pattern === undefined ? {} : { pattern }),
      };
    }
    case 'number': {
      const bounds = readChecks(schema);
      const options =
        Array.isArray(meta.options) && meta.options.every((option) => typeof option === 'number') ? [...meta.options] : undefined;
      return {
        ...base,
        type: 'number',
        defaultValue: defaultValue as number | null | undefined,
        ...(bounds.min === undefined ? {} : { min: bounds.min }),
        ...(bounds.max === undefined ? {} : { max: bounds.max }),
        integer: bounds.integer,
        ...(text(meta.unit) ? { unit: text(meta.unit)! } : {}),
        ...(options ? { options } : {}),
        nullable,
      };
    }
    case 'boolean':
      return { ...base, type: 'boolean', defaultValue: defaultValue as boolean | undefined };
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      if (!values.every((value): value is string => typeof value === 'string')) return unknown('enum');
      return {
        ...base,
        type: 'enum',
        defaultValue: defaultValue as string | undefined,
        options: values.map((value) => ({ value, label: enumLabel(value, meta.optionLabels) })),
      };
    }
    case 'literal': {
      const values = def.values as readonly unknown[];
      if (!values.every((value): value is string => typeof value === 'string')) return unknown('literal');
      return {
        ...base,
        type: 'enum',
        defaultValue: (defaultValue as string | undefined) ?? values[0],
        options: values.map((value) => ({ value, label: humanize(value) })),
      };
    }
    case 'array':
      return describeList(base, schema, defaultValue) ?? unknown('array');
    default:
      return unknown(def.type);
  }
}

function describeList(base: FieldBase, schema: z.ZodType, defaultValue: unknown): ListField | UnionListField | undefined {
  const bounds = readChecks(schema);
  const sizes = {
    ...(bounds.minLength === undefined ? {} : { minItems: bounds.minLength }),
    ...(bounds.maxLength === undefined ? {} : { maxItems: bounds.maxLength }),
  };
  const element = unwrap(internals(schema).def.element as z.ZodType).schema;
  const elementDef = internals(element).def;
  const items = defaultValue as Record<string, unknown>[] | undefined;

  if (elementDef.type === 'object') {
    const object = element as z.ZodObject;
    return {
      ...base,
      type: 'list',
      defaultValue: items,
      itemFields: describeFields(object),
      ...sizes,
      newItem: () => copyJson(object.parse({})),
    };
  }
  if (elementDef.type === 'union' && typeof elementDef.discriminator === 'string') {
    const discriminator = elementDef.discriminator;
    const variants: UnionVariant[] = [];
    for (const option of elementDef.options as readonly z.ZodType[]) {
      const variant = unwrap(option);
      if (internals(variant.schema).def.type !== 'object') return undefined;
      const object = variant.schema as z.ZodObject;
      const tag = unwrap(object.shape[discriminator] as z.ZodType).schema;
      const tagDef = internals(tag).def;
      const values = tagDef.type === 'literal' ? (tagDef.values as readonly unknown[]) : [];
      const value = values[0];
      if (values.length !== 1 || typeof value !== 'string') return undefined;
      variants.push({
        value,
        label: text(variant.meta.title) ?? humanize(value),
        fields: describeFields(object).filter((field) => field.key !== discriminator),
        newItem: () => copyJson(object.parse({ [discriminator]: value })),
      });
    }
    return { ...base, type: 'union-list', defaultValue: items, discriminator, variants, ...sizes };
  }
  return undefined;
}

function fieldSchema(schema: z.ZodObject, key: string): z.ZodType | undefined {
  return Object.hasOwn(schema.shape, key) ? (schema.shape[key] as z.ZodType) : undefined;
}

function firstIssueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid value.';
  const where = issue.path.length > 0 ? `${formatItemPath(issue.path)}: ` : '';
  return `${where}${issue.message}`;
}

/** `[0].base` for an issue inside a list item, so the inspector can tell which row is wrong. */
function formatItemPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`))
    .join('');
}

/** The message to show next to a field for `value`, or undefined when it is valid. */
export function validateField(schema: z.ZodObject, key: string, value: unknown): string | undefined {
  const field = fieldSchema(schema, key);
  if (!field) return `Unknown property "${key}".`;
  const result = field.safeParse(value);
  if (!result.success) return firstIssueMessage(result.error);
  const { entry } = unwrap(field).meta;
  return isEntryCheckId(entry) ? ENTRY_CHECKS[entry](value) : undefined;
}

/** The entry check a field names, if any; a name that is not a check is a catalog mistake the catalog test reports. */
export function entryCheckOf(field: z.ZodType): { id: unknown; known: boolean } | undefined {
  const { entry } = unwrap(field).meta;
  return entry === undefined ? undefined : { id: entry, known: isEntryCheckId(entry) };
}

/**
 * The props after setting `key` to `value`, normalized by the schema (defaults filled in),
 * or the message explaining why the value is refused. `props` itself is never changed.
 */
export function applyFieldChange(
  schema: z.ZodObject,
  props: Readonly<Record<string, unknown>>,
  key: string,
  value: unknown,
): { props: Record<string, unknown> } | { error: string } {
  const fieldError = validateField(schema, key, value);
  if (fieldError !== undefined) return { error: fieldError };
  const next: Record<string, unknown> = { ...props };
  next[key] = value;
  const result = schema.safeParse(next);
  if (!result.success) {
    // Refinements across fields report here; report them against the whole object.
    return { error: firstIssueMessage(result.error) };
  }
  return { props: copyJson(result.data) };
}
