import fc from 'fast-check';
import type { z } from 'zod';
import { CATALOG, canContain, findConnection, type KindDefinition } from '../../catalog';
import { CURRENT_SCHEMA_VERSION, type DiagramDocument, type DiagramEdge, type DiagramNode } from '../../document';

/**
 * Random documents the schema accepts, for property-based tests: random kinds, nesting the
 * catalog allows, props drawn from each kind's zod schema (enum values, numbers within
 * bounds and the values the catalog suggests, strings from small pools of valid values),
 * and connections between kinds the catalog gives a meaning.
 *
 * Generation is driven by fast-check's `gen()`, so failures shrink and replay by seed.
 */

type Draw = fc.GeneratorValue;

/** Valid values for string fields with a format, by field name. Unlisted strings keep their default. */
const STRING_POOLS: Record<string, readonly string[]> = {
  regionCode: ['us-east-1', 'us-east-1', 'eu-west-1'],
  zone: ['a', 'b', 'c', 'a'],
  cidr: ['10.0.0.0/16', '10.0.1.0/24', '10.0.2.0/24'],
  namespace: ['default', 'kube-system', 'shop', ''],
  labels: ['', 'app=web', 'app=web, tier=front'],
  credentialsSecret: ['', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:hub'],
  account: ['', '123456789012'],
  instanceType: ['m6i.large', 'c6g.xlarge', 't3.medium', 'r7i.4xlarge', 'm6i.metal'],
  instanceTypes: ['m6i.large', 'm6i.large, m7i.large'],
  rootDirectory: ['/', '/data'],
  containerPath: ['/mnt/efs'],
};

interface DrawContext {
  /** Ids of EC2 capacity nodes drawn so far, so strategies can name real capacity providers. */
  ec2Capacities: string[];
}

/** A value of `schema`; `field` picks a pool for formatted strings. */
function drawValue(draw: Draw, schema: z.ZodType, field: string, context: DrawContext): unknown {
  const anySchema = schema as unknown as { def: Record<string, unknown>; meta?: () => Record<string, unknown> | undefined };
  const def = anySchema.def;
  switch (def.type) {
    case 'default': {
      const inner = def.innerType as z.ZodType;
      const options = (anySchema.meta?.()?.options as unknown[] | undefined) ?? [];
      // Suggested values (Fargate CPU sizes …) make interesting combinations far more likely.
      if (options.length > 0 && draw(fc.boolean)) return draw(() => fc.constantFrom(...options));
      return drawValue(draw, inner, field, context);
    }
    case 'nullable':
      return draw(fc.boolean) ? null : drawValue(draw, def.innerType as z.ZodType, field, context);
    case 'enum':
      return draw(() => fc.constantFrom(...(schema as unknown as { options: unknown[] }).options));
    case 'literal':
      return (def.values as unknown[])[0];
    case 'boolean':
      return draw(fc.boolean);
    case 'number': {
      const number = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const min = number.minValue ?? 0;
      const max = Math.min(number.maxValue ?? 1e6, min + 200000);
      if (!number.isInt) return draw(() => fc.double({ min, max, noNaN: true }));
      // Small values (0, 1, 2 …) hit the edge cases; any value covers the rest.
      return draw(fc.boolean) ? draw(() => fc.integer({ min, max: Math.min(max, min + 8) })) : draw(() => fc.integer({ min, max }));
    }
    case 'string': {
      if (field === 'provider') return draw(() => fc.constantFrom('FARGATE', 'FARGATE_SPOT', 'unknown-provider', ...context.ec2Capacities));
      const pool = STRING_POOLS[field];
      return pool ? draw(() => fc.constantFrom(...pool)) : undefined;
    }
    case 'array': {
      const length = draw(() => fc.integer({ min: 0, max: 3 }));
      return Array.from({ length }, () => drawValue(draw, def.element as z.ZodType, field, context));
    }
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      const value: Record<string, unknown> = {};
      for (const [key, fieldSchema] of Object.entries(shape)) {
        const drawn = drawValue(draw, fieldSchema, key, context);
        if (drawn !== undefined) value[key] = drawn;
      }
      return value;
    }
    case 'union':
      return drawValue(
        draw,
        draw(() => fc.constantFrom(...(def.options as z.ZodType[]))),
        field,
        context,
      );
    default:
      return undefined;
  }
}

/** Props for a kind: drawn values, parsed by the kind's schema (which fills defaults); the defaults if a draw is invalid. */
function drawProps(draw: Draw, kind: KindDefinition, context: DrawContext): Record<string, unknown> {
  const drawn = drawValue(draw, kind.props, '', context);
  const parsed = kind.props.safeParse(drawn);
  return parsed.success ? parsed.data : kind.props.parse({});
}

export interface DrawOptions {
  maxNodes?: number;
  maxEdges?: number;
  /** Nodes to start from, as [kind, parent index] pairs, before the random ones. */
  skeleton?: readonly (readonly [kind: string, parent?: number])[];
}

export function drawDocument(draw: Draw, options: DrawOptions = {}): DiagramDocument {
  const nodes: DiagramNode[] = [];
  const context: DrawContext = { ec2Capacities: [] };
  const addNode = (kind: KindDefinition, parent: DiagramNode | undefined) => {
    const node: DiagramNode = {
      id: `n${nodes.length}`,
      kind: kind.id,
      label: draw(() => fc.constantFrom('', 'web', 'api', 'a "quoted" name')),
      position: { x: draw(() => fc.integer({ min: -500, max: 2000 })), y: draw(() => fc.integer({ min: -500, max: 2000 })) },
      props: drawProps(draw, kind, context),
    };
    if (parent) node.parentId = parent.id;
    if (kind.group) node.size = { ...kind.size };
    nodes.push(node);
    if (kind.id === 'ecs-ec2-capacity') context.ec2Capacities.push(node.id);
  };
  for (const [kindId, parentIndex] of options.skeleton ?? []) {
    addNode(
      CATALOG.find((kind) => kind.id === kindId)!,
      parentIndex === undefined ? undefined : nodes[parentIndex],
    );
  }
  const nodeCount = draw(() => fc.integer({ min: 0, max: options.maxNodes ?? 24 }));
  for (let index = 0; index < nodeCount; index++) {
    const kind = draw(() => fc.constantFrom(...CATALOG));
    const parents = nodes.filter((candidate) => canContain(candidate.kind, kind.id));
    // Nest most of the time, so clusters hold capacity and capacity holds services.
    const parent =
      parents.length > 0 && draw(() => fc.integer({ min: 0, max: 9 })) < 8 ? draw(() => fc.constantFrom(...parents)) : undefined;
    addNode(kind, parent);
  }
  const edges: DiagramEdge[] = [];
  const edgeCount = nodes.length < 2 ? 0 : draw(() => fc.integer({ min: 0, max: options.maxEdges ?? 30 }));
  for (let index = 0; index < edgeCount; index++) {
    const source = draw(() => fc.constantFrom(...nodes));
    const targets = nodes.filter((target) => target.id !== source.id && findConnection(source.kind, target.kind));
    if (targets.length === 0) continue;
    const target = draw(() => fc.constantFrom(...targets));
    const schema = findConnection(source.kind, target.kind)!.definition.props;
    const props = schema ? (schema.safeParse(drawValue(draw, schema, '', context)).data ?? schema.parse({})) : {};
    edges.push({ id: `e${index}`, source: source.id, target: target.id, props: props });
  }
  return { schemaVersion: CURRENT_SCHEMA_VERSION, metadata: { title: 'Random diagram', description: '' }, nodes, edges };
}

/** A realistic skeleton, so that rules meet deep chains (Region ⊃ VPC ⊃ cluster ⊃ capacity ⊃ service) in most runs. */
export const ARCHITECTURE_SKELETON: readonly (readonly [string, number?])[] = [
  ['region'], // 0
  ['vpc', 0], // 1
  ['availability-zone', 1], // 2
  ['availability-zone', 1], // 3
  ['subnet', 2], // 4
  ['subnet', 2], // 5
  ['subnet', 3], // 6
  ['subnet', 3], // 7
  ['nat-gateway', 4], // 8
  ['vpc-endpoint', 1], // 9
  ['ecs-cluster', 1], // 10
  ['ecs-fargate-capacity', 10], // 11
  ['ecs-ec2-capacity', 10], // 12
  ['ecs-external-capacity', 10], // 13
  ['ecs-service', 11], // 14
  ['ecs-service', 12], // 15
  ['ecs-task', 11], // 16
  ['ecs-service', 10], // 17
  ['alb', 1], // 18
  ['nlb', 4], // 19
  ['clb', 1], // 20
  ['efs', 1], // 21
  ['ecr-repository', 0], // 22
  ['dockerhub-image'], // 23
  ['service-auto-scaling', 10], // 24
  ['ec2-auto-scaling', 10], // 25
  ['eks-cluster', 1], // 26
  ['eks-managed-node-group', 26], // 27
  ['eks-fargate-profile', 26], // 28
  ['eks-self-managed-nodes', 26], // 29
  ['eks-workload', 27], // 30
  ['eks-workload', 28], // 31
  ['eks-workload', 26], // 32
  ['internet'], // 33
  ['region'], // 34
  ['efs', 34], // 35
  ['ecr-repository', 34], // 36
];

/** Any diagram: random kinds and nesting. */
export const arbitraryDocument = fc.gen().map((draw) => drawDocument(draw));

/** A full architecture with random properties and connections, plus a few random extra nodes. */
export const arbitraryArchitecture = fc
  .gen()
  .map((draw) => drawDocument(draw, { skeleton: ARCHITECTURE_SKELETON, maxNodes: 6, maxEdges: 60 }));
