import { createDocument, createEdge, createNode, type DiagramDocument, type DiagramEdge, type DiagramNode } from '../document';
import { CATALOG, type KindId } from './catalog';
import { canContain, resolveConnection } from './index';
import { kindsSelectedBy } from './traits';
import type { KindDefinition, TraitMatch } from './types';

/**
 * A document holding one node of every kind, each placed as its kind's `sample` says: inside a
 * sample of the kind it names, connected to samples of the kinds it names. Built from the
 * catalog, so a new kind is in it the moment it is in the catalog; every layer can then be
 * checked for the kind's contribution (renderer/src/every-kind.test.ts).
 */
export interface SampleDocument {
  document: DiagramDocument;
  /** The sample node of each kind. */
  ids: ReadonlyMap<KindId, string>;
}

export function sampleDocument(): SampleDocument {
  const ids = new Map<KindId, string>();
  const nodes: DiagramNode[] = [];
  const placing = new Set<string>();
  const first = (match: TraitMatch, purpose: string, kind: KindDefinition): KindDefinition => {
    const picked = kindsSelectedBy([match])[0];
    if (!picked) throw new Error(`The sample of ${kind.id} ${purpose} ${JSON.stringify(match)}, which picks no kind.`);
    return CATALOG.find((candidate) => candidate.id === picked)!;
  };
  const place = (kind: (typeof CATALOG)[number]): string => {
    const placed = ids.get(kind.id);
    if (placed) return placed;
    if (placing.has(kind.id)) throw new Error(`The samples of ${[...placing].join(', ')} are placed inside each other.`);
    placing.add(kind.id);
    const sample: KindDefinition['sample'] = kind.sample;
    const parent = sample?.in ? first(sample.in, 'goes in', kind) : undefined;
    if (parent && !canContain(parent.id, kind.id)) throw new Error(`The sample of ${kind.id} goes in ${parent.id}, which cannot hold it.`);
    const parentId = parent ? place(CATALOG.find((candidate) => candidate.id === parent.id)!) : undefined;
    const siblings = nodes.filter((node) => node.parentId === parentId).length;
    const id = `n-${kind.id}`;
    nodes.push(
      createNode(kind.id, {
        id,
        label: `the ${kind.id}`,
        position: { x: 40 + (siblings % 4) * 320, y: 60 + Math.floor(siblings / 4) * 420 },
        ...(parentId === undefined ? {} : { parentId }),
        ...(sample?.props ? { props: sample.props } : {}),
      }),
    );
    ids.set(kind.id, id);
    placing.delete(kind.id);
    return id;
  };
  for (const kind of CATALOG) place(kind);

  const edges: DiagramEdge[] = [];
  for (const kind of CATALOG) {
    const sample: KindDefinition['sample'] = kind.sample;
    for (const match of sample?.connects ?? []) {
      const other = first(match, 'connects to', kind);
      const resolved = resolveConnection(kind.id, other.id);
      if (!resolved) throw new Error(`The sample of ${kind.id} connects to ${other.id}, but the catalog connects neither to the other.`);
      const [source, target] = resolved.reversed ? [other.id, kind.id] : [kind.id, other.id];
      edges.push(
        createEdge(
          `e-${source}-${target}`,
          { source: `n-${source}`, target: `n-${target}` },
          resolved.connection.definition.props?.parse({}) ?? {},
        ),
      );
    }
  }
  return { document: { ...createDocument('A sample of every kind'), nodes, edges }, ids };
}
