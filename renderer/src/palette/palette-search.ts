import { CATALOG, CATEGORIES, type KindDefinition } from '../../../shared/catalog';

export interface PaletteSection {
  id: string;
  label: string;
  kinds: KindDefinition[];
}

/**
 * Palette sections filtered by a search query. Every word of the query must appear in the
 * kind's label, id, category, keywords or description (case-insensitive), so "fargate spot"
 * and "alb" both find what people mean.
 */
export function paletteSections(query: string): PaletteSection[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return CATEGORIES.map((category) => ({
    id: category.id,
    label: category.label,
    kinds: CATALOG.filter((kind) => kind.category === category.id && matches(kind, category.label, words)),
  })).filter((section) => section.kinds.length > 0);
}

function matches(kind: KindDefinition, categoryLabel: string, words: string[]): boolean {
  if (words.length === 0) return true;
  const haystack = [kind.label, kind.id, categoryLabel, kind.description, ...(kind.keywords ?? [])].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}
