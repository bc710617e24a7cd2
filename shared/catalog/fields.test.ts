import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CATALOG, defaultProps, ecsEc2Capacity, ecsService, eksFargateProfile, serviceAutoScaling, subnet, vpc } from './index';
import { applyFieldChange, describeField, describeFields, entryCheckOf, humanize, validateField, type FieldDescriptor } from './fields';
import { stringMatching } from '../../test/matchers';

function flatten(fields: readonly FieldDescriptor[]): FieldDescriptor[] {
  return fields.flatMap((field) => [
    field,
    ...(field.type === 'list' ? flatten(field.itemFields) : []),
    ...(field.type === 'union-list' ? field.variants.flatMap((variant) => flatten(variant.fields)) : []),
  ]);
}

function field(fields: readonly FieldDescriptor[], key: string): FieldDescriptor {
  const found = fields.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

const schemas: [string, z.ZodObject][] = [
  ...CATALOG.map((kind) => [kind.id, kind.props] as [string, z.ZodObject]),
  ...CATALOG.flatMap((kind) =>
    kind.connections
      .filter((connection) => connection.props)
      .map((connection) => [`${kind.id} ${connection.relation}`, connection.props!] as [string, z.ZodObject]),
  ),
];

describe('describeFields over the whole catalog', () => {
  it.each(schemas)('%s: every field has a known type, a title and a default that validates', (_name, schema) => {
    const fields = describeFields(schema);
    expect(fields.map((descriptor) => descriptor.key)).toEqual(Object.keys(schema.shape));
    const unknown = flatten(fields).filter((descriptor) => descriptor.type === 'unknown');
    expect(unknown).toEqual([]);
    for (const descriptor of flatten(fields)) expect(descriptor.title.trim(), descriptor.key).not.toBe('');
    for (const descriptor of fields) {
      expect(validateField(schema, descriptor.key, descriptor.defaultValue), descriptor.key).toBeUndefined();
      expect(descriptor.defaultValue).toEqual(schema.parse({})[descriptor.key]);
    }
  });

  it.each(schemas)('%s: every entry check a field names exists', (_name, schema) => {
    for (const [key, fieldSchema] of Object.entries(schema.shape)) {
      const entry = entryCheckOf(fieldSchema as z.ZodType);
      if (entry) expect(entry, key).toMatchObject({ known: true });
    }
  });

  it.each(schemas)('%s: new list items are valid items', (_name, schema) => {
    for (const descriptor of describeFields(schema)) {
      if (descriptor.type === 'list') expect(validateField(schema, descriptor.key, [descriptor.newItem()])).toBeUndefined();
      if (descriptor.type === 'union-list') {
        for (const variant of descriptor.variants) {
          const item = variant.newItem();
          expect(item[descriptor.discriminator]).toBe(variant.value);
          expect(validateField(schema, descriptor.key, [item]), variant.value).toBeUndefined();
        }
      }
    }
  });

  it.each(schemas)('%s: enum options and number suggestions are values the schema accepts', (_name, schema) => {
    for (const descriptor of describeFields(schema)) {
      if (descriptor.type === 'enum')
        for (const option of descriptor.options) expect(validateField(schema, descriptor.key, option.value)).toBeUndefined();
      if (descriptor.type === 'number' && descriptor.options) {
        for (const option of descriptor.options)
          expect(validateField(schema, descriptor.key, option), `${descriptor.key}=${option}`).toBeUndefined();
      }
      if (descriptor.type === 'number') {
        if (descriptor.min !== undefined) expect(validateField(schema, descriptor.key, descriptor.min - 1)).toBeDefined();
        if (descriptor.max !== undefined) expect(validateField(schema, descriptor.key, descriptor.max + 1)).toBeDefined();
        if (descriptor.integer) expect(validateField(schema, descriptor.key, (descriptor.min ?? 0) + 0.5)).toBeDefined();
      }
      if (descriptor.type === 'text' && descriptor.maxLength !== undefined) {
        expect(validateField(schema, descriptor.key, 'a'.repeat(descriptor.maxLength + 1))).toBeDefined();
      }
    }
  });
});

describe('describeFields details', () => {
  const service = describeFields(ecsService.props);

  it('describes numbers with bounds, integer, unit and suggestions from meta', () => {
    expect(field(service, 'cpu')).toMatchObject({
      type: 'number',
      title: 'Task CPU',
      description: '1024 units = 1 vCPU.',
      unit: 'CPU units',
      min: 128,
      max: 196608,
      integer: true,
      nullable: false,
      defaultValue: 256,
      options: [256, 512, 1024, 2048, 4096, 8192, 16384],
    });
    const targetValue = describeFields(serviceAutoScaling.props);
    const policies = field(targetValue, 'policies');
    expect(policies.type).toBe('union-list');
    if (policies.type !== 'union-list') return;
    expect(field(policies.variants[0]!.fields, 'targetValue')).toMatchObject({ type: 'number', integer: false, min: 0.1, max: 100000 });
  });

  it('describes nullable numbers', () => {
    expect(field(describeFields(ecsEc2Capacity.props), 'desiredCapacity')).toMatchObject({
      type: 'number',
      nullable: true,
      defaultValue: null,
      min: 0,
    });
  });

  it('describes enums with their options and labels', () => {
    const launchType = field(service, 'launchType');
    expect(launchType).toMatchObject({ type: 'enum', defaultValue: '' });
    if (launchType.type !== 'enum') return;
    expect(launchType.options).toEqual([
      { value: '', label: 'Not set' },
      { value: 'FARGATE', label: 'FARGATE' },
      { value: 'EC2', label: 'EC2' },
      { value: 'EXTERNAL', label: 'EXTERNAL' },
    ]);
  });

  it('describes texts with lengths and pattern', () => {
    const fields = describeFields(
      z.strictObject({
        name: z
          .string()
          .min(2)
          .max(9)
          .regex(/^[a-z]+$/, 'lower case')
          .default('ab')
          .meta({ title: 'Name' }),
      }),
    );
    expect(fields).toEqual([
      { key: 'name', title: 'Name', type: 'text', defaultValue: 'ab', minLength: 2, maxLength: 9, pattern: '^[a-z]+$' },
    ]);
  });

  it('describes lists of objects with item fields, size limits and a fresh new item', () => {
    const strategy = field(service, 'capacityProviderStrategy');
    expect(strategy).toMatchObject({ type: 'list', maxItems: 20, defaultValue: [] });
    if (strategy.type !== 'list') return;
    expect(strategy.itemFields.map((item) => [item.key, item.type])).toEqual([
      ['provider', 'text'],
      ['base', 'number'],
      ['weight', 'number'],
    ]);
    expect(strategy.itemFields[0]).toMatchObject({ ui: 'capacity-provider', title: 'Capacity provider' });
    expect(strategy.newItem()).toEqual({ provider: 'FARGATE', base: 0, weight: 1 });
    expect(strategy.newItem()).not.toBe(strategy.newItem());
    const selectors = field(describeFields(eksFargateProfile.props), 'selectors');
    if (selectors.type !== 'list') throw new Error('selectors is a list');
    expect(selectors.defaultValue).toEqual([{ namespace: 'default', labels: '' }]);
    expect(selectors.maxItems).toBe(10);
  });

  it('describes lists of discriminated unions as variants without the discriminator field', () => {
    const policies = field(describeFields(serviceAutoScaling.props), 'policies');
    if (policies.type !== 'union-list') throw new Error('policies is a union list');
    expect(policies.discriminator).toBe('type');
    expect(policies.maxItems).toBe(50);
    expect(policies.variants.map((variant) => [variant.value, variant.label])).toEqual([
      ['target-tracking', 'Target tracking'],
      ['step', 'Step'],
      ['scheduled', 'Scheduled'],
    ]);
    for (const variant of policies.variants) expect(variant.fields.some((item) => item.key === 'type')).toBe(false);
    expect(policies.variants[2]!.newItem()).toEqual({ type: 'scheduled', schedule: 'cron(0 8 * * ? *)', minCapacity: 2, maxCapacity: 10 });
  });

  it('hands out defaults that callers may change without touching the schema', () => {
    const policies = field(describeFields(serviceAutoScaling.props), 'policies');
    (policies.defaultValue as { targetValue: number }[])[0]!.targetValue = 1;
    expect((defaultProps(serviceAutoScaling).policies as { targetValue: number }[])[0]!.targetValue).toBe(70);
    expect((field(describeFields(serviceAutoScaling.props), 'policies').defaultValue as { targetValue: number }[])[0]!.targetValue).toBe(
      70,
    );
  });

  it('merges meta from every wrapper layer, the outermost winning', () => {
    const schema = z.strictObject({
      inner: z.number().meta({ title: 'Inner', unit: 's' }).default(3),
      outer: z.number().meta({ title: 'Inner' }).default(3).meta({ title: 'Outer' }),
    });
    const fields = describeFields(schema);
    expect(fields[0]).toMatchObject({ title: 'Inner', unit: 's', defaultValue: 3 });
    expect(fields[1]).toMatchObject({ title: 'Outer' });
  });

  it('reads integer formats, exact lengths and exclusive bounds', () => {
    expect(describeField('count', z.int().min(1).max(5).default(1))).toMatchObject({ type: 'number', integer: true, min: 1, max: 5 });
    expect(describeField('ratio', z.number().gt(0).lt(1).default(0.5))).toMatchObject({ type: 'number', integer: false, min: 0, max: 1 });
    expect(describeField('code', z.string().length(3).default('abc'))).toMatchObject({ type: 'text', minLength: 3, maxLength: 3 });
    expect(
      describeField(
        'tags',
        z
          .array(z.strictObject({ a: z.string().default('') }))
          .min(1)
          .max(2)
          .default([{ a: '' }]),
      ),
    ).toMatchObject({ type: 'list', minItems: 1, maxItems: 2 });
  });

  it('marks optional fields and falls back to a readable title', () => {
    const [descriptor] = describeFields(z.strictObject({ scaleInCooldown: z.number().optional() }));
    expect(descriptor).toMatchObject({
      key: 'scaleInCooldown',
      title: 'Scale in cooldown',
      optional: true,
      defaultValue: undefined,
      integer: false,
    });
  });

  it('reads option labels from meta', () => {
    const descriptor = describeField(
      'mode',
      z
        .enum(['a', 'b'])
        .default('a')
        .meta({ title: 'Mode', optionLabels: { a: 'Alpha' } }),
    );
    expect(descriptor).toMatchObject({
      type: 'enum',
      options: [
        { value: 'a', label: 'Alpha' },
        { value: 'b', label: 'b' },
      ],
    });
  });

  it('reports shapes it cannot describe as unknown instead of guessing', () => {
    expect(describeField('when', z.date())).toMatchObject({ type: 'unknown', zodType: 'date' });
    expect(describeField('tags', z.array(z.string()).default([]))).toMatchObject({ type: 'unknown', zodType: 'array', defaultValue: [] });
    expect(describeField('nested', z.strictObject({ a: z.string() }))).toMatchObject({ type: 'unknown', zodType: 'object' });
  });

  it('humanizes identifiers', () => {
    expect(humanize('target-tracking')).toBe('Target tracking');
    expect(humanize('scaleInCooldown')).toBe('Scale in cooldown');
    expect(humanize('step')).toBe('Step');
    expect(humanize('ASGAverageCPUUtilization')).toBe('ASGAverageCPUUtilization');
    expect(humanize('')).toBe('Not set');
  });
});

describe('validateField', () => {
  it('returns undefined for valid values and the zod message otherwise', () => {
    expect(validateField(ecsService.props, 'cpu', 1024)).toBeUndefined();
    expect(validateField(ecsService.props, 'cpu', 64)).toMatch(/128/);
    expect(validateField(ecsService.props, 'cpu', 'lots')).toMatch(/number/);
    expect(validateField(ecsService.props, 'launchType', 'SPACESHIP')).toMatch(/FARGATE/);
  });

  it('uses the catalog’s own messages for patterns', () => {
    expect(validateField(ecsEc2Capacity.props, 'instanceType', 'big one')).toBe('An instance type looks like m7g.large.');
  });

  it('runs the entry check a field names after the stored shape: CIDR blocks as AWS takes them', () => {
    expect(validateField(vpc.props, 'cidr', '10.0.0.0/16')).toBeUndefined();
    expect(validateField(subnet.props, 'cidr', '10.0.0.0/33')).toBe('/33 is not a prefix length: IPv4 has /0 to /32.');
    expect(validateField(vpc.props, 'cidr', '10.0.0.0/8')).toBe(
      'A /8 block is too large: AWS takes /16 (65,536 addresses) to /28 (16 addresses).',
    );
    expect(validateField(subnet.props, 'cidr', '10.0.1.5/24')).toBe(
      'A block is written with its first address: 10.0.1.5 lies in 10.0.1.0/24.',
    );
    expect(validateField(subnet.props, 'cidr', '300.0.1.0/24')).toBe('300 is not an address part: each of the four is 0 to 255.');
    expect(applyFieldChange(subnet.props, subnet.props.parse({}), 'cidr', '10.0.0.0/33')).toHaveProperty('error');
  });

  it('names the list row and field of an invalid item', () => {
    expect(
      validateField(ecsService.props, 'capacityProviderStrategy', [
        { provider: 'FARGATE', base: 0, weight: 1 },
        { provider: 'FARGATE', base: -1, weight: 1 },
      ]),
    ).toMatch(/^\[1\]\.base: /);
  });

  it('refuses keys the schema does not have, including prototype keys', () => {
    expect(validateField(ecsService.props, 'nope', 1)).toBe('Unknown property "nope".');
    expect(validateField(ecsService.props, '__proto__', {})).toBe('Unknown property "__proto__".');
    expect(validateField(ecsService.props, 'toString', 'x')).toBe('Unknown property "toString".');
  });
});

describe('applyFieldChange', () => {
  const props = defaultProps(ecsService);

  it('returns new props with the change and leaves the input alone', () => {
    const before = JSON.stringify(props);
    const result = applyFieldChange(ecsService.props, props, 'cpu', 1024);
    expect(result).toEqual({ props: { ...props, cpu: 1024 } });
    expect(JSON.stringify(props)).toBe(before);
  });

  it('returns the message for a refused value and changes nothing', () => {
    expect(applyFieldChange(ecsService.props, props, 'desiredCount', -1)).toEqual({ error: stringMatching(/0/) });
    expect(applyFieldChange(ecsService.props, props, 'nope', 1)).toEqual({ error: 'Unknown property "nope".' });
  });

  it('normalizes list items through the schema (defaults filled in)', () => {
    const result = applyFieldChange(ecsService.props, props, 'capacityProviderStrategy', [{ provider: 'FARGATE_SPOT' }]);
    expect(result).toEqual({ props: { ...props, capacityProviderStrategy: [{ provider: 'FARGATE_SPOT', base: 0, weight: 1 }] } });
  });

  it('reports refinements across fields', () => {
    const schema = z
      .strictObject({ min: z.number().default(0).meta({ title: 'Min' }), max: z.number().default(1).meta({ title: 'Max' }) })
      .refine((value) => value.min <= value.max, { message: 'Min must not exceed max.' });
    expect(applyFieldChange(schema, { min: 0, max: 1 }, 'min', 5)).toEqual({ error: 'Min must not exceed max.' });
    expect(applyFieldChange(schema, { min: 0, max: 1 }, 'min', 1)).toEqual({ props: { min: 1, max: 1 } });
  });
});
