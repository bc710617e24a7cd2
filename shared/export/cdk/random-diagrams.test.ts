import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canContain, CATALOG, findConnection, type KindDefinition } from '../../catalog';
import { createDocument, type DiagramDocument, type DiagramEdge, type DiagramNode } from '../../document';
import { typeCheckApps, type AppUnderTest } from '../../../test/cdk-synth/compile';
import { generateCdkApp } from './app';
import { TEST_VERSIONS } from '../../../test/cdk-synth/fixtures';

/**
 * Forced exports take any diagram, however broken. For random diagrams (any kinds, any legal
 * nesting, any catalog connections, random enum and boolean properties) the generator must not
 * throw, and what it writes must compile.
 */

/** A random value for each enum and boolean property; other properties keep their defaults. */
function randomProps(kind: KindDefinition, random: () => number): Record<string, unknown> {
  const props = kind.props.parse({});
  for (const [key, field] of Object.entries(kind.props.shape) as [string, { _zod?: { def?: { innerType?: unknown } } }][]) {
    const inner = (field._zod?.def?.innerType ?? field) as { options?: unknown[]; _zod?: { def?: { type?: string } } };
    if (Array.isArray(inner.options) && inner.options.length > 0) props[key] = inner.options[Math.floor(random() * inner.options.length)];
    else if (inner._zod?.def?.type === 'boolean') props[key] = random() < 0.5;
  }
  // A random strategy names capacity the diagram may not have: ECS workloads take their compute from where they are drawn.
  if (kind.traits.workload?.platform === 'ecs') props.capacityProviderStrategy = [];
  const parsed = kind.props.safeParse(props);
  return parsed.success ? parsed.data : kind.props.parse({});
}

function randomDiagram(seed: number, size: number): DiagramDocument {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const nodes: DiagramNode[] = [];
  for (let index = 0; index < size; index++) {
    const kind = pick(CATALOG);
    const parents = nodes.filter((node) => canContain(node.kind, kind.id));
    const parent = parents.length > 0 && random() < 0.8 ? pick(parents) : undefined;
    const node: DiagramNode = {
      id: `n-${seed.toString(36)}-${index}`,
      kind: kind.id,
      label: random() < 0.1 ? '' : `${kind.defaultLabel} ${index}`,
      position: { x: Math.floor(random() * 500), y: Math.floor(random() * 500) },
      props: randomProps(kind, random),
    };
    if (parent) node.parentId = parent.id;
    if (kind.group) node.size = { ...kind.size };
    nodes.push(node);
  }
  const edges: DiagramEdge[] = [];
  for (let index = 0; index < size * 2; index++) {
    const source = pick(nodes);
    const target = pick(nodes);
    const connection = findConnection(source.kind, target.kind);
    if (!connection || source === target) continue;
    const props = connection.definition.props ? connection.definition.props.parse({}) : {};
    edges.push({ id: `e-${seed.toString(36)}-${index}`, source: source.id, target: target.id, props });
  }
  return { ...createDocument(`Random ${seed}`), nodes, edges };
}

describe('forced export of random diagrams', () => {
  it('never throws, and always compiles', () => {
    const seeds = fc.sample(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { numRuns: 10, seed: Date.now() % 2 ** 31 });
    const apps: AppUnderTest[] = [];
    for (const seed of seeds) {
      const document = randomDiagram(seed, 40);
      const result = generateCdkApp(document, { appName: `random-${seed}`, findings: [], force: true, versions: TEST_VERSIONS });
      if (!result.ok) throw new Error('refused');
      apps.push({ name: `random-${seed}`, files: result.files });
    }
    const { diagnostics } = typeCheckApps(apps);
    expect(diagnostics, `seeds ${seeds.join(', ')}`).toEqual([]);
  }, 120_000);
});
