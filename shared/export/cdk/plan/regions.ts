import { networkKinds, propsOf } from '../../../catalog';
import type { RelationId } from '../../../catalog';
import type { DiagramNode } from '../../../document/schema';
import type { DiagramModel } from '../../../model/diagram-model';

/**
 * Which Region each node is deployed to. A CDK stack lives in one Region, so the app gets one
 * workload stack per Region code the diagram uses. A node drawn outside every Region box goes
 * where the things it is connected to are, else to the first Region the diagram draws.
 */
export interface RegionPlan {
  /** Region codes in the order the diagram first draws them; [undefined] when it draws none. */
  regions: (string | undefined)[];
  regionOf(node: DiagramNode): string | undefined;
}

/** Relations whose other end tells where a node without a Region of its own belongs. */
const FOLLOW: readonly { relation: RelationId; direction: 'from' | 'to' }[] = [
  { relation: 'routes-traffic', direction: 'from' },
  { relation: 'scales', direction: 'from' },
  { relation: 'runs-on', direction: 'from' },
  { relation: 'in-subnet', direction: 'from' },
  { relation: 'pulls-image', direction: 'to' },
  { relation: 'mounts', direction: 'to' },
  { relation: 'routes-traffic', direction: 'to' },
];

export function planRegions(model: DiagramModel): RegionPlan {
  const codes: string[] = [];
  for (const region of networkKinds('region').flatMap((kind) => model.nodesOfKind(kind))) {
    const code = propsOf(region).regionCode;
    if (/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(code) && !codes.includes(code)) codes.push(code);
  }
  const primary = codes[0];
  const cache = new Map<string, string | undefined>();

  const inferred = (node: DiagramNode, seen: Set<string>): string | undefined => {
    const own = validCode(model.regionOf(node.id), codes);
    if (own !== undefined) return own;
    if (seen.has(node.id)) return undefined;
    seen.add(node.id);
    const parent = model.parent(node.id);
    if (parent) {
      const fromParent = inferred(parent, seen);
      if (fromParent !== undefined) return fromParent;
    }
    for (const { relation, direction } of FOLLOW) {
      const others = direction === 'from' ? model.targets(node.id, relation) : model.sources(node.id, relation);
      for (const other of others) {
        const found = inferred(other, seen);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };

  return {
    regions: codes.length > 0 ? codes : [undefined],
    regionOf(node) {
      if (codes.length <= 1) return primary;
      if (!cache.has(node.id)) cache.set(node.id, inferred(node, new Set()) ?? primary);
      return cache.get(node.id);
    },
  };
}

function validCode(code: string | undefined, codes: readonly string[]): string | undefined {
  return code !== undefined && codes.includes(code) ? code : undefined;
}
