import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineKind, type KindDefinition } from '../shared/catalog';
import { testBox, testCard } from '../shared/document/catalog-view.test-support';
import { KIND_CONTRACTS_PATH, contractsSource, kindContract, updateContracts, type KindContract } from './kind-contracts';

const committed = JSON.parse(readFileSync(KIND_CONTRACTS_PATH, 'utf8')) as Record<string, KindContract>;

describe('shared/catalog/kind-contracts.generated.json', () => {
  it('is current, and no kind changed in a way older versions could not read without a migration', () => {
    const { contracts, problems } = updateContracts(committed);
    expect(problems).toEqual([]);
    expect(contractsSource(contracts) === readFileSync(KIND_CONTRACTS_PATH, 'utf8'), 'out of date: run `npm run schema`').toBe(true);
  });
});

describe('updateContracts, on invented kinds', () => {
  const before = updateContracts({}, [testBox, testCard]).contracts;
  const boxWith = (changes: Partial<KindDefinition>) => [
    defineKind({ ...testBox, ...changes }) as KindDefinition,
    testCard as KindDefinition,
  ];
  const problemsAfter = (kinds: readonly KindDefinition[]) => updateContracts(before, kinds).problems;
  const props = testBox.props.shape;

  it('records each kind at its version', () => {
    expect(before['test-box']).toMatchObject({ version: 3, contains: ['test-card'] });
    expect(before['test-card']).toMatchObject({ version: 1, connections: { 'egress → test-box': null } });
    expect(JSON.stringify(kindContract(testBox))).not.toContain('title');
  });

  it('lets a field with a default, or new edge props with defaults, in without a migration', () => {
    expect(problemsAfter(boxWith({ props: testBox.props.extend({ rounded: z.boolean().default(false) }) }))).toEqual([]);
    const card = defineKind({
      ...testCard,
      connections: [{ ...testCard.connections[0], props: z.strictObject({ weight: z.number().default(1) }) }],
    }) as KindDefinition;
    expect(updateContracts(before, [testBox as KindDefinition, card]).problems).toEqual([]);
  });

  it('lets explanations change freely', () => {
    const described = z.strictObject({ ...props, diameter: props.diameter.meta({ title: 'Diameter', description: 'Across.' }) });
    expect(problemsAfter(boxWith({ props: described, label: 'Round box', description: 'Now described.' }))).toEqual([]);
  });

  it.each([
    ['a changed default', { props: z.strictObject({ ...props, diameter: z.number().int().min(1).default(12) }) }, 'props.diameter changed'],
    [
      'a wider enum',
      { props: z.strictObject({ ...props, colour: z.enum(['red', 'blue', 'green']).default('red') }) },
      'props.colour changed',
    ],
    ['a removed field', { props: z.strictObject({ diameter: props.diameter }) }, 'props.colour was removed'],
    ['a field without a default', { props: testBox.props.extend({ shape: z.string() }) }, 'props.shape was added without a default'],
    ['a new child kind', { group: { contains: ['test-card', 'test-box'] } }, 'the kinds it may contain changed'],
    [
      'a new connection',
      { connections: [{ relation: 'egress' as const, to: ['test-card'], label: 'x', description: 'x' }] },
      'the connection egress → test-card was added',
    ],
  ])('refuses %s at the same version, asking for a migration', (_name, changes, problem) => {
    const [message] = problemsAfter(boxWith({ ...changes, migrations: testBox.migrations }));
    expect(message).toContain(problem);
    expect(message).toContain('add a migration to the kind (its version becomes 4)');
  });

  it('lets an existing kind hold or connect to a kind that is new, without a migration: older versions do not know the new kind at all', () => {
    const testLid = defineKind({ ...testCard, id: 'test-lid', label: 'Lid', connections: [] }) as KindDefinition;
    const holdsLid = boxWith({
      group: { contains: ['test-card', 'test-lid'] },
      connections: [{ relation: 'egress', to: ['test-lid'], label: 'x', description: 'x' }],
      migrations: testBox.migrations,
    });
    const { contracts, problems } = updateContracts(before, [...holdsLid, testLid]);
    expect(problems).toEqual([]);
    expect(contracts['test-box']).toMatchObject({
      version: 3,
      contains: ['test-card', 'test-lid'],
      connections: { 'egress → test-lid': null },
    });
    // Once the new kind is recorded, holding it is part of the box's contract like any other child.
    expect(updateContracts(contracts, [testBox as KindDefinition, testCard as KindDefinition, testLid]).problems).toEqual([
      expect.stringContaining('test-box: the kinds it may contain changed'),
    ]);
  });

  it('accepts the same change with a migration, and records the new version', () => {
    const migrations = [...testBox.migrations!, { version: 4, description: 'Green boxes.', up: (p: Record<string, unknown>) => p }];
    const wider = boxWith({ props: z.strictObject({ ...props, colour: z.enum(['red', 'blue', 'green']).default('red') }), migrations });
    const { contracts, problems } = updateContracts(before, wider);
    expect(problems).toEqual([]);
    expect(contracts['test-box']!.version).toBe(4);
  });

  it('refuses a version that goes down and a kind that disappears', () => {
    expect(problemsAfter(boxWith({ migrations: testBox.migrations!.slice(0, 1) }))).toEqual([
      expect.stringContaining('test-box: its version went down from 3 to 2'),
    ]);
    expect(updateContracts(before, [testBox as KindDefinition]).problems).toEqual([
      expect.stringContaining('test-card: the kind was removed'),
    ]);
  });
});
