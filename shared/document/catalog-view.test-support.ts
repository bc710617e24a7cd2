import { z } from 'zod';
import { defineKind, selects, type KindDefinition, type ResolvedConnection } from '../catalog';
import type { CatalogView } from './catalog-view';

/** A catalog made of the given kinds, for tests that need kinds (and kind histories) of their own. */
export function catalogOf(kinds: readonly KindDefinition[]): CatalogView & { kinds: readonly KindDefinition[] } {
  const byId = new Map(kinds.map((kind) => [kind.id, kind]));
  return {
    kinds,
    findKind: (kindId) => byId.get(kindId),
    findConnection: (sourceKind, targetKind): ResolvedConnection | undefined => {
      const target = byId.get(targetKind);
      const definition = target && byId.get(sourceKind)?.connections.find((connection) => selects(connection.to, target));
      return definition ? { definition, sourceKind, targetKind } : undefined;
    },
    canContain: (parentKind, childKind) => {
      const child = byId.get(childKind);
      if (parentKind === undefined) return child !== undefined;
      const group = byId.get(parentKind)?.group;
      return group !== undefined && child !== undefined && selects(group.contains, child);
    },
  };
}

const invented = {
  category: 'network',
  order: 900,
  description: 'An invented kind for tests of the migration machinery.',
  icon: 'resource/Users',
  appearance: { color: '#000000' },
  docsUrl: 'https://example.com/',
  learn: { what: 'An invented kind.', when: 'Only in tests.' },
  traits: {},
} as const;

/**
 * Invented kinds with a history of their own. A box was first sized by `size`; version 2
 * renamed it to `diameter`, version 3 made colours lower case. A card never changed.
 */
export const testBox = defineKind({
  ...invented,
  id: 'test-box',
  label: 'Box',
  defaultLabel: 'box',
  props: z.strictObject({ diameter: z.number().int().min(1).default(10), colour: z.enum(['red', 'blue']).default('red') }),
  size: { width: 200, height: 120 },
  group: { contains: ['test-card'] },
  connections: [],
  migrations: [
    {
      version: 2,
      description: 'Rename size to diameter.',
      up: ({ size, ...rest }) => (size === undefined ? rest : { ...rest, diameter: size }),
    },
    {
      version: 3,
      description: 'Colours are written in lower case.',
      up: (props) => (typeof props.colour === 'string' ? { ...props, colour: props.colour.toLowerCase() } : props),
    },
  ],
});

export const testCard = defineKind({
  ...invented,
  id: 'test-card',
  label: 'Card',
  defaultLabel: 'card',
  props: z.strictObject({ note: z.string().default('') }),
  size: { width: 120, height: 60 },
  connections: [{ relation: 'egress', to: ['test-box'], label: 'points at', description: 'A card points at a box.' }],
});

export const testCatalog = catalogOf([testBox, testCard]);
