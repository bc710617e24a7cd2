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

/**
 * The kind a search most likely means, for Enter in the search box: the one whose label starts
 * with the words typed beats one that only mentions them somewhere ("far" is Fargate capacity,
 * not the ECS cluster whose description speaks of Fargate). Ties go to catalog order.
 */
export function bestMatch(query: string): KindDefinition | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  let best: KindDefinition | undefined;
  let bestScore = 0;
  for (const category of CATEGORIES) {
    for (const kind of CATALOG) {
      if (kind.category !== category.id || !matches(kind, category.label, words)) continue;
      const score = relevance(kind, category.label, words, query.trim().toLowerCase());
      if (score > bestScore) {
        best = kind;
        bestScore = score;
      }
    }
  }
  return best;
}

function relevance(kind: KindDefinition, categoryLabel: string, words: readonly string[], phrase: string): number {
  const label = kind.label.toLowerCase();
  const labelWords = label.split(/[\s/()-]+/).filter(Boolean);
  const keywords = (kind.keywords ?? []).map((keyword) => keyword.toLowerCase());
  let score = label === phrase ? 20 : label.startsWith(phrase) ? 10 : 0;
  for (const word of words) {
    if (labelWords[0]?.startsWith(word)) score += 6;
    else if (labelWords.some((labelWord) => labelWord.startsWith(word))) score += 5;
    else if (label.includes(word)) score += 4;
    else if (keywords.some((keyword) => keyword.startsWith(word))) score += 3;
    else if (keywords.some((keyword) => keyword.includes(word))) score += 2;
    else if (kind.id.includes(word) || categoryLabel.toLowerCase().includes(word)) score += 1;
    else score += 0.5;
  }
  return score;
}
