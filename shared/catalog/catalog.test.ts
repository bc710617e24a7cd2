import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { iconModuleSource } from '../../scripts/icon-bundle';
import { createNode } from '../document';
import { LIMITS } from '../document/schema';
import {
  CATALOG,
  CATEGORIES,
  appearanceOf,
  canContain,
  defaultProps,
  findConnection,
  findKind,
  getKind,
  iconOf,
  isGroupKind,
  isNodeOfKind,
  kindsSelectedBy,
  matchesTraits,
  nodesOfKind,
  selects,
  resolveConnection,
  summaryOf,
  type KindDefinition,
  type KindSelector,
  type KindTraits,
} from './index';
import { describeFields } from './fields';
import { ICONS } from './icons.generated';
import { isAllowedExternalUrl } from '../host/contract';

const kindIds = CATALOG.map((kind) => kind.id);
const byKind = CATALOG.map((kind) => [kind.id, kind] as const);

function connectionsOf(kind: KindDefinition) {
  return kind.connections.flatMap((definition) => kindsSelectedBy(definition.to).map((target) => ({ definition, target })));
}

const allPairs = CATALOG.flatMap((kind) => connectionsOf(kind).map(({ definition, target }) => ({ source: kind.id, target, definition })));

/** Every value of every enum field (top level), one field at a time, on top of the defaults. */
function enumVariations(kind: KindDefinition): Record<string, unknown>[] {
  const defaults = defaultProps(kind);
  const variations: Record<string, unknown>[] = [defaults];
  for (const field of describeFields(kind.props)) {
    if (field.type !== 'enum') continue;
    for (const option of field.options) variations.push({ ...defaults, [field.key]: option.value });
  }
  return variations;
}

/** Fields whose `.meta()` has no title, at any depth (describeFields falls back to the key, so read the meta itself). */
function fieldsWithoutMetaTitle(schema: z.ZodObject, where: string, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    if (skip.has(key)) continue;
    const path = `${where}.${key}`;
    let current = field as z.ZodType;
    let title: unknown;
    for (;;) {
      title ??= z.globalRegistry.get(current)?.title;
      const def = current._zod.def as { type: string; innerType?: z.ZodType };
      if (!def.innerType) break;
      current = def.innerType;
    }
    if (typeof title !== 'string' || title.trim() === '') out.push(path);
    const def = current._zod.def as { type: string; element?: z.ZodType };
    if (def.type === 'array' && def.element) {
      const element = def.element._zod.def as { type: string; discriminator?: string; options?: z.ZodObject[] };
      if (element.type === 'object') out.push(...fieldsWithoutMetaTitle(def.element as z.ZodObject, `${path}[]`));
      if (element.type === 'union' && element.options) {
        // The discriminator is the variant itself; the inspector shows the variant's label instead.
        for (const option of element.options)
          out.push(...fieldsWithoutMetaTitle(option, `${path}[]`, new Set([element.discriminator ?? ''])));
      }
    }
  }
  return out;
}

describe('catalog completeness', () => {
  it('has unique kind ids', () => {
    expect(new Set(kindIds).size).toBe(kindIds.length);
  });

  it('lists every kind module in kinds/ exactly once', async () => {
    const directory = join(import.meta.dirname, 'kinds');
    const exported: KindDefinition[] = [];
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const module = (await import(join(directory, file))) as Record<string, unknown>;
      const kinds = Object.values(module).filter(
        (value): value is KindDefinition => typeof value === 'object' && value !== null && 'props' in value && 'connections' in value,
      );
      expect(kinds, `${file} defines one kind`).toHaveLength(1);
      exported.push(kinds[0]!);
    }
    expect(exported).toHaveLength(CATALOG.length);
    for (const kind of exported)
      expect(
        CATALOG.filter((entry) => entry === kind),
        kind.id,
      ).toHaveLength(1);
  });

  it('gives every category at least one kind, and every kind a known category', () => {
    const categories = CATEGORIES.map((category) => category.id);
    for (const kind of CATALOG) expect(categories, kind.id).toContain(kind.category);
    for (const category of categories)
      expect(
        CATALOG.some((kind) => kind.category === category),
        category,
      ).toBe(true);
  });

  it('keeps palette order: kinds of one category are adjacent, categories in CATEGORIES order', () => {
    const order = CATEGORIES.map((category) => category.id);
    const seen = CATALOG.map((kind) => order.indexOf(kind.category));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it.each(byKind)('%s has its texts, size and docs link', (_id, kind) => {
    expect(kind.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(kind.id.length).toBeLessThanOrEqual(64);
    expect(kind.label.trim()).not.toBe('');
    expect(kind.description.trim()).not.toBe('');
    expect(kind.description).toMatch(/[.!?)]$/);
    expect(kind.defaultLabel.trim()).not.toBe('');
    expect(kind.defaultLabel.length).toBeLessThanOrEqual(LIMITS.maxLabelLength);
    expect(kind.size.width).toBeGreaterThan(0);
    expect(kind.size.height).toBeGreaterThan(0);
    expect(kind.docsUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
    expect(() => new URL(kind.docsUrl)).not.toThrow();
    expect(kind.appearance.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it.each(byKind)('%s has icons that exist in the bundle, for every property value', (_id, kind) => {
    expect(ICONS[kind.icon], kind.icon).toBeTypeOf('string');
    for (const variant of kind.variantIcons ?? []) expect(ICONS[variant], variant).toBeTypeOf('string');
    const allowed = new Set([kind.icon, ...(kind.variantIcons ?? [])]);
    for (const props of enumVariations(kind)) {
      const icon = iconOf(kind, props);
      expect(ICONS[icon], `${kind.id} iconFor(${JSON.stringify(props)})`).toBeTypeOf('string');
      expect(allowed.has(icon), `${icon} must be the kind's icon or listed in variantIcons`).toBe(true);
    }
  });

  it.each(byKind)('%s gives every property a default and a title', (_id, kind) => {
    expect(() => kind.props.parse({})).not.toThrow();
    expect(kind.props.safeParse(defaultProps(kind)).success).toBe(true);
    expect(fieldsWithoutMetaTitle(kind.props, kind.id)).toEqual([]);
  });

  it.each(byKind)('%s rejects unknown properties (strict), so typos in files are reported', (_id, kind) => {
    expect(kind.props.safeParse({ surelyNotAProperty: 1 }).success).toBe(false);
  });

  it.each(byKind)('%s hands out fresh default objects: no two nodes share a nested value', (_id, kind) => {
    const first = defaultProps(kind);
    const second = defaultProps(kind);
    const firstParse = kind.props.parse({}) as Record<string, unknown>;
    const secondParse = kind.props.parse({}) as Record<string, unknown>;
    for (const key of Object.keys(first)) {
      const values = [first[key], second[key], firstParse[key], secondParse[key]];
      if (values[0] === null || typeof values[0] !== 'object') continue;
      expect(values[0]).not.toBe(values[1]);
      expect(values[2]).not.toBe(values[3]);
      if (Array.isArray(values[2]) && Array.isArray(values[3])) {
        values[2].forEach((item, index) => {
          if (typeof item === 'object' && item !== null)
            expect(item, `${kind.id}.${key}[${index}]`).not.toBe((values[3] as unknown[])[index]);
        });
      }
    }
  });

  it.each(byKind)('%s summarizes and styles every enum variation with readable text', (_id, kind) => {
    for (const props of enumVariations(kind)) {
      const summary = summaryOf(kind, props);
      if (kind.summary) expect(summary.trim(), JSON.stringify(props)).not.toBe('');
      else expect(summary).toBe('');
      expect(summary).not.toMatch(/undefined|NaN|\[object /);
      expect(appearanceOf(kind, props).color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    }
  });

  it.each(byKind)('%s declares traits whose field names exist in its props', (_id, kind) => {
    const traits = kind.traits as KindTraits;
    const defaults = defaultProps(kind);
    if (traits.sizeBounds) expect(Object.keys(defaults)).toEqual(expect.arrayContaining([traits.sizeBounds.min, traits.sizeBounds.max]));
    if (traits.sizeBounds?.desired) expect(Object.keys(defaults)).toContain(traits.sizeBounds.desired);
    if (traits.scheduledActionBounds) expect(Array.isArray(defaults.policies)).toBe(true);
    if (traits.imageSource?.pullThroughCacheField) expect(typeof defaults[traits.imageSource.pullThroughCacheField]).toBe('boolean');
    if (traits.workload || traits.capacity || traits.cluster) {
      const platform = traits.workload?.platform ?? traits.capacity?.platform ?? traits.cluster?.platform;
      expect(
        CATALOG.some((other) => (other.traits as KindTraits).cluster?.platform === platform),
        `a ${platform} cluster`,
      ).toBe(true);
    }
  });
});

describe('catalog nesting', () => {
  const groups = CATALOG.filter((kind) => kind.group);

  it.each(groups.map((kind) => [kind.id, kind] as const))('%s may contain kinds, and each entry of its selector picks one', (_id, kind) => {
    const contains = kind.group!.contains;
    expect(kindsSelectedBy(contains).length).toBeGreaterThan(0);
    for (const entry of contains) expect(kindsSelectedBy([entry]), `${kind.id} contains ${JSON.stringify(entry)}`).not.toEqual([]);
  });

  it('has no nesting loop: no kind can end up inside itself', () => {
    const reachable = (from: string, seen = new Set<string>()): Set<string> => {
      for (const child of kindsSelectedBy(findKind(from)?.group?.contains ?? [])) {
        if (seen.has(child)) continue;
        seen.add(child);
        reachable(child, seen);
      }
      return seen;
    };
    for (const kind of groups) expect(reachable(kind.id).has(kind.id), kind.id).toBe(false);
  });

  it('allows the nesting the product is built around', () => {
    const chains = [
      ['region', 'vpc', 'availability-zone', 'subnet', 'alb'],
      ['ecs-cluster', 'ecs-fargate-capacity', 'ecs-service'],
      ['ecs-cluster', 'ecs-ec2-capacity', 'ecs-task'],
      ['ecs-cluster', 'ecs-external-capacity', 'ecs-service'],
      ['eks-cluster', 'eks-managed-node-group', 'eks-workload'],
      ['eks-cluster', 'eks-self-managed-nodes', 'eks-workload'],
      ['eks-cluster', 'eks-fargate-profile', 'eks-workload'],
    ];
    for (const chain of chains) {
      for (let index = 1; index < chain.length; index++) expect(canContain(chain[index - 1], chain[index]!), chain.join(' ⊃ ')).toBe(true);
    }
    expect(canContain('ecs-cluster', 'ecs-service')).toBe(true);
    for (const holder of ['region', 'vpc', 'availability-zone', 'subnet']) {
      expect(canContain(holder, 'ecs-cluster'), holder).toBe(true);
      expect(canContain(holder, 'eks-cluster'), holder).toBe(true);
    }
  });

  it('refuses nesting that makes no sense', () => {
    expect(canContain('vpc', 'ecs-service')).toBe(false);
    expect(canContain('ecs-fargate-capacity', 'eks-workload')).toBe(false);
    expect(canContain('alb', 'ecs-service')).toBe(false);
    expect(canContain('subnet', 'vpc')).toBe(false);
    expect(canContain('no-such-kind', 'ecs-service')).toBe(false);
  });

  it('lets every known kind sit on the canvas and nothing unknown', () => {
    for (const id of kindIds) expect(canContain(undefined, id)).toBe(true);
    expect(canContain(undefined, 'no-such-kind')).toBe(false);
  });

  it('answers kind lookups', () => {
    expect(findKind('ecs-service')?.label).toBe('ECS service');
    expect(findKind('nope')).toBeUndefined();
    expect(getKind('vpc').id).toBe('vpc');
    expect(() => getKind('nope')).toThrow('Unknown component kind "nope"');
    expect(isGroupKind('vpc')).toBe(true);
    expect(isGroupKind('alb')).toBe(false);
    expect(isGroupKind('nope')).toBe(false);
  });
});

describe('kind ids', () => {
  it('are checked by the compiler: a misspelt id does not compile (npm run typecheck fails on an unused @ts-expect-error)', () => {
    const document = { nodes: [createNode('ecs-service', { id: 'n-web', position: { x: 0, y: 0 } })] };
    // @ts-expect-error 'ecs-servce' is no kind of the catalog.
    expect(nodesOfKind(document, 'ecs-servce')).toEqual([]);
    // @ts-expect-error neither here.
    expect(isNodeOfKind(document.nodes[0], 'ecs-servce')).toBe(false);
    expect(nodesOfKind(document, 'ecs-service').map((node) => node.id)).toEqual(['n-web']);
  });
});

describe('kind selectors', () => {
  it('pick kinds by the traits they declare, every trait of an entry and any entry', () => {
    expect(kindsSelectedBy([{ imageSource: true }])).toEqual(['ecr-repository', 'dockerhub-image']);
    expect(kindsSelectedBy([{ capacity: { platform: 'ecs', compute: 'ec2' } }])).toEqual(['ecs-ec2-capacity']);
    expect(kindsSelectedBy([{ network: 'subnet' }, { fileSystem: true }])).toEqual(['subnet', 'efs']);
    expect(kindsSelectedBy([{ workload: { longRunning: true } }])).toEqual(['ecs-service', 'eks-workload']);
    expect(kindsSelectedBy([{ network: 'subnet', fileSystem: true }])).toEqual([]);
  });

  it('compare a string trait by value, and an object trait field by field', () => {
    const traits: KindTraits = { capacity: { platform: 'kubernetes', compute: 'fargate' }, network: 'subnet' };
    expect(matchesTraits(traits, { network: 'subnet' })).toBe(true);
    expect(matchesTraits(traits, { network: 'vpc' })).toBe(false);
    expect(matchesTraits(traits, { network: true, capacity: true })).toBe(true);
    expect(matchesTraits(traits, { capacity: { compute: 'fargate' } })).toBe(true);
    expect(matchesTraits(traits, { capacity: { platform: 'ecs', compute: 'fargate' } })).toBe(false);
    expect(matchesTraits(traits, { loadBalancer: true })).toBe(false);
  });

  it('are written with traits in the catalog, never kind ids (ids are for the invented kinds of test catalogs)', () => {
    const idsIn = (selector: KindSelector, where: string) =>
      selector.flatMap((match) => (typeof match === 'string' ? [`${where} ${match}`] : []));
    const byId = CATALOG.flatMap((kind) => [
      ...idsIn(kind.group?.contains ?? [], `${kind.id} contains`),
      ...kind.connections.flatMap((connection) => idsIn(connection.to, `${kind.id} ${connection.relation}`)),
    ]);
    expect(byId).toEqual([]);
  });

  it('give a kind that declares a trait every connection and group the trait is named in', () => {
    const trialLoadBalancer = { id: 'trial-nlb', traits: { loadBalancer: { type: 'network' }, vpc: 'attached' } } satisfies Pick<
      KindDefinition,
      'id' | 'traits'
    >;
    const containers = CATALOG.filter((kind) => kind.group && selects(kind.group.contains, trialLoadBalancer)).map((kind) => kind.id);
    expect(containers).toEqual(['vpc', 'subnet']);
    const senders = CATALOG.filter((kind) => kind.connections.some((definition) => selects(definition.to, trialLoadBalancer)));
    expect(senders.map((kind) => kind.id)).toEqual(['internet']);
  });

  it('let a Regional kind be drawn straight in a Region, with no list in the Region to extend', () => {
    const trialService = { id: 'trial-service', traits: { regional: true } } satisfies Pick<KindDefinition, 'id' | 'traits'>;
    const containers = CATALOG.filter((kind) => kind.group && selects(kind.group.contains, trialService)).map((kind) => kind.id);
    expect(containers).toEqual(['region']);
  });
});

describe('catalog connections', () => {
  it('point at existing kinds and carry a label and description', () => {
    for (const { source, target, definition } of allPairs) {
      expect(kindIds, `${source} → ${target}`).toContain(target);
      expect(definition.label.trim()).not.toBe('');
      expect(definition.description.trim()).not.toBe('');
    }
  });

  it('define each (source, target) pair at most once', () => {
    const keys = allPairs.map(({ source, target }) => `${source} → ${target}`);
    const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(duplicates).toEqual([]);
  });

  it('never define a pair in both directions, so resolveConnection is unambiguous', () => {
    const keys = new Set(allPairs.map(({ source, target }) => `${source} → ${target}`));
    const both = allPairs
      .filter(({ source, target }) => keys.has(`${target} → ${source}`))
      .map(({ source, target }) => `${source} ↔ ${target}`);
    expect(both).toEqual([]);
  });

  it('give a source kind one connection per target kind, so the edge between them has one meaning', () => {
    const seen = new Set<string>();
    const twice = allPairs.filter(({ source, target }) => seen.size === seen.add(`${source} → ${target}`).size);
    expect(twice).toEqual([]);
  });

  it('never connect a kind to itself', () => {
    expect(allPairs.filter(({ source, target }) => source === target)).toEqual([]);
  });

  it('give edge property schemas defaults and titles for every field', () => {
    for (const { source, target, definition } of allPairs) {
      if (!definition.props) continue;
      expect(() => definition.props!.parse({}), `${source} → ${target}`).not.toThrow();
      expect(fieldsWithoutMetaTitle(definition.props, `${source} → ${target}`)).toEqual([]);
      expect(definition.props.safeParse({ surelyNotAProperty: 1 }).success).toBe(false);
    }
  });

  it('resolve in both drag directions and report which way the edge is stored', () => {
    expect(resolveConnection('ecs-service', 'efs')).toMatchObject({
      reversed: false,
      connection: { sourceKind: 'ecs-service', targetKind: 'efs' },
    });
    expect(resolveConnection('efs', 'ecs-service')).toMatchObject({
      reversed: true,
      connection: { sourceKind: 'ecs-service', targetKind: 'efs' },
    });
    expect(resolveConnection('efs', 'alb')).toBeUndefined();
    for (const { source, target, definition } of allPairs) {
      expect(findConnection(source, target)?.definition).toBe(definition);
      expect(resolveConnection(target, source)?.reversed).toBe(true);
    }
  });

  it('match the relations the product documents', () => {
    const relation = (source: string, target: string) => findConnection(source, target)?.definition.relation;
    for (const workload of ['ecs-service', 'ecs-task', 'eks-workload']) {
      expect(relation(workload, 'ecr-repository')).toBe('pulls-image');
      expect(relation(workload, 'dockerhub-image')).toBe('pulls-image');
      expect(relation(workload, 'efs')).toBe('mounts');
    }
    for (const lb of ['alb', 'nlb', 'clb']) {
      expect(relation(lb, 'ecs-service')).toBe('routes-traffic');
      expect(relation(lb, 'eks-workload')).toBe('routes-traffic');
      expect(relation('internet', lb)).toBe('sends-requests');
      expect(relation(lb, 'subnet')).toBe('in-subnet');
    }
    expect(relation('service-auto-scaling', 'ecs-service')).toBe('scales');
    for (const target of ['ecs-ec2-capacity', 'eks-managed-node-group', 'eks-self-managed-nodes'])
      expect(relation('ec2-auto-scaling', target)).toBe('scales');
    for (const capacity of ['ecs-fargate-capacity', 'ecs-ec2-capacity', 'ecs-external-capacity']) {
      expect(relation('ecs-service', capacity)).toBe('runs-on');
      expect(relation('ecs-task', capacity)).toBe('runs-on');
    }
    for (const capacity of ['eks-managed-node-group', 'eks-self-managed-nodes', 'eks-fargate-profile'])
      expect(relation('eks-workload', capacity)).toBe('runs-on');
    for (const kind of [
      'ecs-service',
      'ecs-task',
      'efs',
      'eks-cluster',
      'eks-managed-node-group',
      'eks-self-managed-nodes',
      'eks-fargate-profile',
      'ecs-ec2-capacity',
    ]) {
      expect(relation(kind, 'subnet'), kind).toBe('in-subnet');
    }
    expect(relation('nat-gateway', 'internet')).toBe('egress');
  });
});

describe('icon bundle', () => {
  it('is current with the catalog and the icon sources', () => {
    const committed = readFileSync(join(import.meta.dirname, 'icons.generated.ts'), 'utf8');
    expect(committed === iconModuleSource(), 'shared/catalog/icons.generated.ts is out of date: run `npm run icons`').toBe(true);
  });

  it('holds only icons the catalog uses, each an SVG', () => {
    const used = new Set(CATALOG.flatMap((kind) => [kind.icon, ...(kind.variantIcons ?? [])]));
    expect(Object.keys(ICONS).sort()).toEqual([...used].sort());
    for (const [id, svg] of Object.entries(ICONS)) {
      expect(svg.startsWith('<svg'), id).toBe(true);
      expect(svg.endsWith('</svg>'), id).toBe(true);
    }
  });
});

describe('learn cards', () => {
  it.each(CATALOG.map((kind) => [kind.id, kind] as const))(
    '%s says what it is and when to choose it, in a sentence or two of plain words, with its AWS docs',
    (_id, kind) => {
      for (const text of [kind.learn.what, kind.learn.when]) {
        expect(text).toMatch(/^[A-Z].{30,}[.]$/s);
        expect(text.length).toBeLessThanOrEqual(260);
        // Plain words for a newcomer: no property names or API identifiers (camelCase, snake_case, code).
        expect(text).not.toMatch(/\b[a-z]+[A-Z]\w*|\w_\w|`/);
      }
      expect(kind.learn.what).not.toBe(kind.learn.when);
      expect(isAllowedExternalUrl(kind.docsUrl)).toBe(true);
    },
  );
});
