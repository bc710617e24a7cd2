import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../shared/catalog';
import { KINDS_MODULE_PATH, kindsModuleSource, paletteOrder } from './catalog-module';

const kind = (id: string, category: string, order: number) => ({
  module: `./kinds/${id}`,
  name: id,
  value: { id, category: category as 'ecs', order },
});

describe('shared/catalog/kinds.generated.ts', () => {
  it('is current with the kind files', async () => {
    const committed = readFileSync(KINDS_MODULE_PATH, 'utf8');
    expect(committed === (await kindsModuleSource()), 'shared/catalog/kinds.generated.ts is out of date: run `npm run generate`').toBe(
      true,
    );
  });

  it('lists the kinds in palette order: each category one run, by ascending order', () => {
    const sections = CATALOG.map((definition) => definition.category);
    // Each category is one run: a kind never sits between two kinds of another section.
    expect(sections.filter((category, index) => sections.indexOf(category) !== index && sections[index - 1] !== category)).toEqual([]);
    for (let index = 1; index < CATALOG.length; index++) {
      const [before, after] = [CATALOG[index - 1]!, CATALOG[index]!];
      if (before.category === after.category) expect(before.order, `${before.id} before ${after.id}`).toBeLessThan(after.order);
    }
  });
});

describe('paletteOrder', () => {
  it('orders by category as CATEGORIES lists them, then by order', () => {
    const sorted = paletteOrder([kind('b', 'ecs', 20), kind('c', 'network', 30), kind('a', 'ecs', 10)]);
    expect(sorted.map((entry) => entry.value.id)).toEqual(['c', 'a', 'b']);
  });

  it('refuses two kinds at one place, an unknown category and a repeated id', () => {
    expect(() => paletteOrder([kind('a', 'ecs', 10), kind('b', 'ecs', 10)])).toThrow(
      'Kinds a and b both stand at order 10 of category ecs.',
    );
    expect(() => paletteOrder([kind('a', 'lambda', 10)])).toThrow('names the category "lambda"');
    expect(() => paletteOrder([kind('a', 'ecs', 10), kind('a', 'eks', 10)])).toThrow('Several kinds have the id a.');
  });
});
