import { createDocument, createEdge, createNode } from './operations';
import type { DiagramDocument, DiagramNode } from './schema';

export interface LargeDocumentOptions {
  nodes: number;
  edges: number;
  /** Every edge between the same two nodes (the loader's worst case for duplicate checks), instead of spread out. */
  parallel?: boolean;
  /** Each node's label; long, escaped or multi-byte labels make the saved text grow most. */
  label?: (index: number) => string;
  /** Props of each ECS service (defaults when absent). */
  serviceProps?: Record<string, unknown>;
  /** Name the sides every edge leaves and arrives at. */
  handles?: boolean;
}

/**
 * A valid document of the given size: ECS services in one Fargate capacity of a cluster in a
 * Region, each pulling from one of the ECR repositories beside them. Built in the test, not
 * kept as a fixture, so it follows the catalog.
 */
export function largeDocument(options: LargeDocumentOptions): DiagramDocument {
  const label = options.label ?? ((index: number) => `node ${index}`);
  const containers: DiagramNode[] = [
    { ...createNode('region', { id: 'region', position: { x: 0, y: 0 } }), size: { width: 900_000, height: 900_000 } },
    {
      ...createNode('ecs-cluster', { id: 'cluster', parentId: 'region', position: { x: 10, y: 10 } }),
      size: { width: 800_000, height: 800_000 },
    },
    {
      ...createNode('ecs-fargate-capacity', { id: 'fargate', parentId: 'cluster', position: { x: 10, y: 10 } }),
      size: { width: 700_000, height: 700_000 },
    },
  ];
  const leaves = Math.max(2, options.nodes - containers.length);
  const repositories = Math.max(1, Math.floor(leaves / 4));
  const nodes = [...containers];
  for (let index = 0; index < leaves; index++) {
    const repository = index < repositories;
    nodes.push({
      ...createNode(repository ? 'ecr-repository' : 'ecs-service', {
        id: repository ? `r${index}` : `s${index}`,
        parentId: repository ? 'region' : 'fargate',
        position: { x: (index % 300) * 200, y: Math.floor(index / 300) * 120 },
        ...(!repository && options.serviceProps ? { props: options.serviceProps } : {}),
      }),
      label: label(index),
    });
  }
  const services = nodes.filter((node) => node.kind === 'ecs-service');
  const edges = [];
  for (let index = 0; index < options.edges; index++) {
    const source = options.parallel ? services[0]! : services[index % services.length]!;
    const target = options.parallel ? 'r0' : `r${(index * 7919) % repositories}`;
    const handles = options.handles ? { sourceHandle: 'right' as const, targetHandle: 'left' as const } : {};
    edges.push(createEdge(`e${index}`, { source: source.id, target, ...handles }, {}));
  }
  return { ...createDocument('Large'), nodes, edges };
}

/**
 * Compact JSON text of `document` with `keys` unknown property keys in all: spread over the
 * nodes' props (`perObject` each), or, with perObject ≥ keys, all in the first node's props.
 * Short keys, so two million of them fit in a file under the size limit, and leading digits, so none is a property name.
 */
export function withUnknownKeys(document: DiagramDocument, keys: number, perObject: number): string {
  let next = 0;
  const nodes = document.nodes.map((node) => {
    const extra: string[] = [];
    for (let index = 0; index < perObject && next < keys; index++) extra.push(`"${unknownKey(next++)}":0`);
    const props = JSON.stringify(node.props);
    if (extra.length === 0) return JSON.stringify(node);
    const withExtra = props === '{}' ? `{${extra.join(',')}}` : `${props.slice(0, -1)},${extra.join(',')}}`;
    return JSON.stringify({ ...node, props: '\u0000props\u0000' }).replace('"\\u0000props\\u0000"', withExtra);
  });
  const edges = JSON.stringify(document.edges);
  return `{"schemaVersion":${document.schemaVersion},"metadata":${JSON.stringify(document.metadata)},"nodes":[${nodes.join(',')}],"edges":${edges}}`;
}

function unknownKey(index: number): string {
  return `${index % 10}${Math.floor(index / 10).toString(36)}`;
}
