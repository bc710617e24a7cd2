import { CATALOG, type ResolvedConnection, findConnection, kindsSelectedBy } from '../catalog';
import { createIdFactory } from './ids';
import { addEdges, addNodes, createDocument, createEdge, createNode } from './operations';
import type { DiagramDocument, DiagramNode } from './schema';

/** Every (source kind, target kind) pair the catalog gives a meaning, in catalog order. */
export function allConnections(): ResolvedConnection[] {
  const out: ResolvedConnection[] = [];
  for (const kind of CATALOG) {
    for (const definition of kind.connections) {
      for (const targetKind of kindsSelectedBy(definition.to)) out.push(findConnection(kind.id, targetKind)!);
    }
  }
  return out;
}

/** A deterministic id factory (a seeded linear congruential generator), so tests never depend on Math.random. */
export function seededIds(seed = 1) {
  let state = seed >>> 0;
  return createIdFactory(() => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  });
}

/**
 * One top-level node of every kind, laid out in a grid, and one edge for every connection
 * the catalog defines (each between the nodes of its two kinds). Valid by construction.
 */
export function everyKindDocument(): DiagramDocument {
  const nodes = CATALOG.map((kind, index) =>
    createNode(kind.id, { id: `n-${kind.id}`, position: { x: (index % 6) * 1300, y: Math.floor(index / 6) * 900 } }),
  );
  const edges = allConnections().map((connection, index) =>
    createEdge(
      `e-${index}`,
      { source: `n-${connection.sourceKind}`, target: `n-${connection.targetKind}` },
      connection.definition.props?.parse({}) ?? {},
    ),
  );
  return addEdges(addNodes(createDocument('Every kind'), nodes), edges);
}

/**
 * A small, realistic nested diagram: Region ⊃ VPC ⊃ AZ ⊃ subnet ⊃ ALB, an ECS cluster with
 * Fargate capacity holding a service, an ECR repository, users, and the edges among them.
 */
export function nestedDocument(): DiagramDocument {
  const node = (kind: string, id: string, x: number, y: number, parentId?: string, extra: Partial<DiagramNode> = {}) => ({
    ...createNode(kind, { id, position: { x, y }, ...(parentId ? { parentId } : {}) }),
    ...extra,
  });
  const nodes = [
    node('region', 'region', 0, 0),
    node('vpc', 'vpc', 40, 60, 'region'),
    node('availability-zone', 'az-a', 40, 60, 'vpc'),
    node('subnet', 'subnet-a', 24, 60, 'az-a'),
    node('alb', 'alb', 40, 80, 'subnet-a'),
    node('ecs-cluster', 'cluster', 480, 60, 'vpc'),
    node('ecs-fargate-capacity', 'fargate', 24, 60, 'cluster'),
    node('ecs-service', 'web', 40, 80, 'fargate'),
    node('ecr-repository', 'repo', 40, 720, 'region'),
    node('internet', 'users', -400, 200),
  ];
  const edges = [
    createEdge('e-users-alb', { source: 'users', target: 'alb', sourceHandle: 'right', targetHandle: 'left' }, {}),
    createEdge('e-alb-web', { source: 'alb', target: 'web' }, findConnection('alb', 'ecs-service')!.definition.props!.parse({})),
    createEdge('e-web-repo', { source: 'web', target: 'repo' }, {}),
    createEdge('e-web-subnet', { source: 'web', target: 'subnet-a' }, {}),
  ];
  return addEdges(addNodes(createDocument('Nested'), nodes), edges);
}
