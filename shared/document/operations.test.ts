import fc from 'fast-check';
import { LEAF_SIZE } from '../catalog/common';
import { describe, expect, it } from 'vitest';
import { canContain, findConnection } from '../catalog';
import { DocumentIndex, GROUP_PADDING, nodeSize } from './geometry';
import { loadDocument } from './load';
import {
  addEdges,
  addNodes,
  allIds,
  createDocument,
  createEdge,
  createNode,
  deleteElements,
  extractFragment,
  growGroupsToFit,
  insertFragment,
  moveNodes,
  reparentNode,
  createNodeIn,
  replaceNodeKind,
  updateEdge,
  updateMetadata,
  updateNode,
} from './operations';
import { nestedDocument, seededIds } from './sample-documents.test-support';
import type { DiagramDocument, DiagramNode, Point } from './schema';
import { serializeDocument } from './serialize';

function byId(document: DiagramDocument, id: string): DiagramNode {
  const node = document.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function absolute(document: DiagramDocument, id: string): Point {
  return new DocumentIndex(document).absolutePosition(id);
}

function absolutePositions(document: DiagramDocument): Map<string, Point> {
  const index = new DocumentIndex(document);
  return new Map(document.nodes.map((node) => [node.id, index.absolutePosition(node.id)]));
}

/** Every child of `groupId` lies inside it with at least the group padding around it. */
function expectFitsWithPadding(document: DiagramDocument, groupId: string): void {
  const group = byId(document, groupId);
  const size = nodeSize(group);
  for (const child of document.nodes.filter((node) => node.parentId === groupId)) {
    const childSize = nodeSize(child);
    expect(child.position.x, `${child.id} left in ${groupId}`).toBeGreaterThanOrEqual(GROUP_PADDING.side);
    expect(child.position.y, `${child.id} top in ${groupId}`).toBeGreaterThanOrEqual(GROUP_PADDING.top);
    expect(child.position.x + childSize.width + GROUP_PADDING.side, `${child.id} right in ${groupId}`).toBeLessThanOrEqual(size.width);
    expect(child.position.y + childSize.height + GROUP_PADDING.bottom, `${child.id} bottom in ${groupId}`).toBeLessThanOrEqual(size.height);
  }
}

function expectLoadable(document: DiagramDocument): void {
  const result = loadDocument(serializeDocument(document));
  expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
}

/** A cluster holding Fargate capacity holding a service, plus a loose repository. */
function clusterDocument(): DiagramDocument {
  return addNodes(createDocument(), [
    createNode('ecs-cluster', { id: 'cluster', position: { x: 100, y: 100 } }),
    createNode('ecs-fargate-capacity', { id: 'fargate', position: { x: 24, y: 48 }, parentId: 'cluster' }),
    createNode('ecs-service', { id: 'web', position: { x: 40, y: 60 }, parentId: 'fargate' }),
    createNode('ecs-service', { id: 'worker', position: { x: 400, y: 60 }, parentId: 'cluster' }),
    createNode('ecr-repository', { id: 'repo', position: { x: 1000, y: 100 } }),
  ]);
}

describe('createDocument and createNode', () => {
  it('creates an empty current-version document', () => {
    expect(createDocument('Plan')).toEqual({ schemaVersion: 1, metadata: { title: 'Plan', description: '' }, nodes: [], edges: [] });
    expect(createDocument().metadata.title).toBe('Untitled diagram');
  });

  it('fills in the catalog defaults', () => {
    const node = createNode('ecs-service', { id: 'n-1', position: { x: 1.234, y: 5.678 } });
    expect(node).toMatchObject({ id: 'n-1', kind: 'ecs-service', label: 'web', position: { x: 1.23, y: 5.68 } });
    expect(node.props.cpu).toBe(256);
    expect(node.size).toBeUndefined();
    expect('parentId' in node).toBe(false);
    expect(createNode('vpc', { id: 'v', position: { x: 0, y: 0 } }).size).toEqual({ width: 1000, height: 640 });
  });

  it('validates and completes given props, and refuses invalid ones', () => {
    expect(createNode('ecs-service', { id: 'n', position: { x: 0, y: 0 }, props: { cpu: 1024 } }).props).toMatchObject({
      cpu: 1024,
      memory: 512,
    });
    expect(() => createNode('ecs-service', { id: 'n', position: { x: 0, y: 0 }, props: { cpu: 'x' } })).toThrow();
    expect(() => createNode('nope', { id: 'n', position: { x: 0, y: 0 } })).toThrow('Unknown component kind');
  });

  it('gives every node its own props objects', () => {
    const first = createNode('service-auto-scaling', { id: 'a', position: { x: 0, y: 0 } });
    const second = createNode('service-auto-scaling', { id: 'b', position: { x: 0, y: 0 } });
    expect(first.props.policies).not.toBe(second.props.policies);
    expect((first.props.policies as object[])[0]).not.toBe((second.props.policies as object[])[0]);
  });
});

describe('addNodes and addEdges', () => {
  it('puts parents before children whatever the order given', () => {
    const document = addNodes(createDocument(), [
      createNode('ecs-service', { id: 'web', position: { x: 40, y: 60 }, parentId: 'fargate' }),
      createNode('ecs-fargate-capacity', { id: 'fargate', position: { x: 24, y: 48 }, parentId: 'cluster' }),
      createNode('ecs-cluster', { id: 'cluster', position: { x: 0, y: 0 } }),
    ]);
    expect(document.nodes.map((node) => node.id)).toEqual(['cluster', 'fargate', 'web']);
    expectLoadable(document);
  });

  it('grows groups to fit added children', () => {
    const base = addNodes(createDocument(), [createNode('subnet', { id: 'subnet', position: { x: 0, y: 0 } })]);
    const document = addNodes(base, [createNode('alb', { id: 'alb', position: { x: 600, y: 400 }, parentId: 'subnet' })]);
    expectFitsWithPadding(document, 'subnet');
    expect(byId(document, 'subnet').size).toEqual({
      width: 600 + LEAF_SIZE.width + GROUP_PADDING.side,
      height: 400 + 56 + GROUP_PADDING.bottom,
    });
  });

  it('returns the same document when there is nothing to add', () => {
    const document = clusterDocument();
    expect(addNodes(document, [])).toBe(document);
    expect(addEdges(document, [])).toBe(document);
  });

  it('appends edges and keeps the nodes', () => {
    const document = clusterDocument();
    const next = addEdges(document, [createEdge('e', { source: 'web', target: 'repo', sourceHandle: 'right' }, {})]);
    expect(next.nodes).toBe(document.nodes);
    expect(next.edges).toEqual([{ id: 'e', source: 'web', target: 'repo', sourceHandle: 'right', props: {} }]);
    expectLoadable(next);
  });
});

describe('updateNode, updateEdge, updateMetadata', () => {
  it('changes one node and keeps every other node and edge identical (===)', () => {
    const document = nestedDocument();
    const next = updateNode(document, 'web', { label: 'frontend', props: { ...byId(document, 'web').props, cpu: 1024 } });
    expect(byId(next, 'web')).toMatchObject({ label: 'frontend', props: { cpu: 1024 } });
    next.nodes.forEach((node, index) => {
      if (node.id !== 'web') expect(node).toBe(document.nodes[index]);
    });
    expect(next.edges).toBe(document.edges);
    expect(byId(document, 'web').label).toBe('web');
  });

  it('returns the same document for an unknown id', () => {
    const document = nestedDocument();
    expect(updateNode(document, 'ghost', { label: 'x' })).toBe(document);
  });

  it('rounds positions, ignores sizes of non-groups and grows the parent after a move', () => {
    const document = clusterDocument();
    const moved = updateNode(document, 'web', { position: { x: 900.129, y: 60 } });
    expect(byId(moved, 'web').position).toEqual({ x: 900.13, y: 60 });
    expectFitsWithPadding(moved, 'fargate');
    expectFitsWithPadding(moved, 'cluster');
    expect(updateNode(document, 'web', { size: { width: 5, height: 5 } }).nodes.find((node) => node.id === 'web')!.size).toBeUndefined();
  });

  it('resizes groups but never smaller than their children', () => {
    const document = clusterDocument();
    const shrunk = updateNode(document, 'fargate', { size: { width: 10, height: 10 } });
    expectFitsWithPadding(shrunk, 'fargate');
    const grown = updateNode(document, 'fargate', { size: { width: 640.4, height: 480.6 } });
    expect(byId(grown, 'fargate').size).toEqual({ width: 640, height: 481 });
  });

  it('updates one edge and keeps the others', () => {
    const document = nestedDocument();
    const next = updateEdge(document, 'e-alb-web', { ...document.edges[1]!.props, listenerPort: 443 });
    expect(next.edges.find((edge) => edge.id === 'e-alb-web')!.props.listenerPort).toBe(443);
    next.edges.forEach((edge, index) => {
      if (edge.id !== 'e-alb-web') expect(edge).toBe(document.edges[index]);
    });
    expect(next.nodes).toBe(document.nodes);
  });

  it('updates metadata fields independently', () => {
    const document = updateMetadata(createDocument('A'), { description: 'about' });
    expect(document.metadata).toEqual({ title: 'A', description: 'about' });
  });
});

describe('moveNodes and growGroupsToFit', () => {
  it('returns the same document for no moves', () => {
    const document = clusterDocument();
    expect(moveNodes(document, new Map())).toBe(document);
  });

  it('grows a group to the right and down to fit a child, with padding', () => {
    const document = moveNodes(clusterDocument(), new Map([['web', { x: 500, y: 400 }]]));
    const fargate = byId(document, 'fargate');
    expect(fargate.size).toEqual({ width: 500 + LEAF_SIZE.width + GROUP_PADDING.side, height: 400 + 56 + GROUP_PADDING.bottom });
    expectFitsWithPadding(document, 'fargate');
    expectFitsWithPadding(document, 'cluster');
  });

  it('shifts the group origin for a child moved left of or above the padding, keeping absolute positions', () => {
    const before = clusterDocument();
    const fargateBefore = absolute(before, 'fargate');
    const document = moveNodes(before, new Map([['web', { x: -100, y: -50 }]]));
    const fargate = byId(document, 'fargate');
    expect(byId(document, 'web').position).toEqual({ x: GROUP_PADDING.side, y: GROUP_PADDING.top });
    // The child stays where the user dropped it on screen.
    expect(absolute(document, 'web')).toEqual({ x: fargateBefore.x - 100, y: fargateBefore.y - 50 });
    expect(absolute(document, 'fargate')).toEqual({
      x: fargateBefore.x - 100 - GROUP_PADDING.side,
      y: fargateBefore.y - 50 - GROUP_PADDING.top,
    });
    expect(nodeSize(fargate).width).toBeGreaterThanOrEqual(320 + 100 + GROUP_PADDING.side);
    expectFitsWithPadding(document, 'fargate');
    expectFitsWithPadding(document, 'cluster');
  });

  it('keeps the absolute position of every node the user did not move', () => {
    const before = clusterDocument();
    const positions = absolutePositions(before);
    const document = moveNodes(before, new Map([['web', { x: -300, y: -300 }]]));
    for (const [id, point] of absolutePositions(document)) {
      if (id === 'web' || id === 'fargate' || id === 'cluster') continue;
      expect(point, id).toEqual(positions.get(id));
    }
    expect(absolute(document, 'worker')).toEqual(positions.get('worker'));
  });

  it('propagates growth through every ancestor', () => {
    const document = moveNodes(nestedDocument(), new Map([['alb', { x: 3000, y: 2000 }]]));
    for (const group of ['subnet-a', 'az-a', 'vpc', 'region']) expectFitsWithPadding(document, group);
  });

  it('fits every ancestor when nodes at different depths move together', () => {
    // A node deep in the tree and one directly in an outer group: the outer group must be
    // fitted after the inner groups have grown, not before.
    const before = nestedDocument();
    const document = moveNodes(
      before,
      new Map([
        ['web', { x: 2500, y: 1500 }],
        ['repo', { x: 60, y: 700 }],
      ]),
    );
    for (const group of ['fargate', 'cluster', 'vpc', 'region']) expectFitsWithPadding(document, group);
  });

  it('never shrinks a group', () => {
    const before = clusterDocument();
    const document = moveNodes(before, new Map([['web', { x: 30, y: 50 }]]));
    expect(nodeSize(byId(document, 'fargate'))).toEqual(nodeSize(byId(before, 'fargate')));
  });

  it('is stable: fitting an already fitting document changes nothing', () => {
    const document = moveNodes(clusterDocument(), new Map([['web', { x: 333.33, y: 123.45 }]]));
    const again = growGroupsToFit(
      document,
      document.nodes.map((node) => node.id),
    );
    expect(again).toBe(document);
  });

  it('keeps coordinates at two decimals after shifting', () => {
    const document = moveNodes(clusterDocument(), new Map([['web', { x: 0.1, y: 0.2 }]]));
    for (const node of document.nodes) {
      expect(Math.round(node.position.x * 100) / 100, node.id).toBe(node.position.x);
      expect(Math.round(node.position.y * 100) / 100, node.id).toBe(node.position.y);
    }
  });
});

describe('reparentNode', () => {
  it('moves a node into a group at the same absolute position', () => {
    const before = clusterDocument();
    const target = absolute(before, 'fargate');
    const point = { x: target.x + 30, y: target.y + 150 };
    const document = reparentNode(before, 'worker', 'fargate', point);
    expect(byId(document, 'worker').parentId).toBe('fargate');
    expect(absolute(document, 'worker')).toEqual(point);
    expectFitsWithPadding(document, 'fargate');
    expectLoadable(document);
  });

  it('moves a node out to the canvas, keeping where it is', () => {
    const before = clusterDocument();
    const point = absolute(before, 'web');
    const document = reparentNode(before, 'web', undefined, point);
    const web = byId(document, 'web');
    expect('parentId' in web).toBe(false);
    expect(web.position).toEqual(point);
    expectLoadable(document);
  });

  it('takes a group with its children, which keep their relative positions', () => {
    const before = addNodes(clusterDocument(), [
      createNode('ecs-ec2-capacity', { id: 'ec2', position: { x: 700, y: 48 }, parentId: 'cluster' }),
    ]);
    const document = reparentNode(before, 'fargate', undefined, { x: -2000, y: -2000 });
    expect(byId(document, 'web').position).toEqual(byId(before, 'web').position);
    expect(absolute(document, 'web')).toEqual({ x: -2000 + 40, y: -2000 + 60 });
  });

  it('refuses nesting the catalog forbids and returns the same document', () => {
    const document = nestedDocument();
    expect(canContain('vpc', 'ecs-service')).toBe(false);
    expect(reparentNode(document, 'web', 'vpc', { x: 100, y: 100 })).toBe(document);
    expect(reparentNode(document, 'repo', 'subnet-a', { x: 100, y: 100 })).toBe(document);
  });

  it('refuses to put a group inside itself or its own descendant', () => {
    const document = addNodes(createDocument(), [
      createNode('vpc', { id: 'vpc', position: { x: 0, y: 0 } }),
      createNode('subnet', { id: 'subnet', position: { x: 40, y: 60 }, parentId: 'vpc' }),
    ]);
    expect(reparentNode(document, 'vpc', 'vpc', { x: 0, y: 0 })).toBe(document);
    // Even where the catalog would allow the kinds, a cycle is refused: region in region is not allowed, so build the case from the tree.
    const nested = nestedDocument();
    expect(reparentNode(nested, 'region', 'subnet-a', { x: 0, y: 0 })).toBe(nested);
    expect(reparentNode(nested, 'vpc', 'az-a', { x: 0, y: 0 })).toBe(nested);
  });

  it('ignores unknown nodes and parents', () => {
    const document = nestedDocument();
    expect(reparentNode(document, 'ghost', 'vpc', { x: 0, y: 0 })).toBe(document);
    expect(reparentNode(document, 'alb', 'ghost', { x: 0, y: 0 })).toBe(document);
  });
});

describe('deleteElements', () => {
  it('removes a group with everything inside it and the edges that lose an end', () => {
    const document = deleteElements(nestedDocument(), ['vpc']);
    expect(document.nodes.map((node) => node.id).sort()).toEqual(['region', 'repo', 'users']);
    expect(document.edges).toEqual([]);
    expectLoadable(document);
  });

  it('removes chosen edges and keeps the rest identical', () => {
    const before = nestedDocument();
    const document = deleteElements(before, [], ['e-web-repo']);
    expect(document.edges.map((edge) => edge.id)).toEqual(['e-users-alb', 'e-alb-web', 'e-web-subnet']);
    expect(document.nodes).toBe(before.nodes);
    expect(document.edges[0]).toBe(before.edges[0]);
  });

  it('removes edges of a deleted leaf only', () => {
    const document = deleteElements(nestedDocument(), ['repo']);
    expect(document.edges.map((edge) => edge.id)).toEqual(['e-users-alb', 'e-alb-web', 'e-web-subnet']);
  });

  it('returns the same document when nothing matches', () => {
    const document = nestedDocument();
    expect(deleteElements(document, ['ghost'], ['ghost-edge'])).toBe(document);
  });
});

describe('extractFragment and insertFragment', () => {
  it('extracts the selection with its descendants and the edges among them', () => {
    const document = nestedDocument();
    const fragment = extractFragment(document, ['cluster', 'repo']);
    expect(fragment.nodes.map((node) => node.id).sort()).toEqual(['cluster', 'fargate', 'repo', 'web']);
    expect(fragment.edges.map((edge) => edge.id)).toEqual(['e-web-repo']);
  });

  it('makes fragment roots top-level at their absolute positions, keeping inner nesting', () => {
    const document = nestedDocument();
    const fragment = extractFragment(document, ['cluster']);
    const cluster = fragment.nodes.find((node) => node.id === 'cluster')!;
    expect('parentId' in cluster).toBe(false);
    expect(cluster.position).toEqual(absolute(document, 'cluster'));
    expect(fragment.nodes.find((node) => node.id === 'fargate')!.parentId).toBe('cluster');
  });

  it('inserts with fresh ids, remapped internal edges, the offset applied to roots', () => {
    const document = nestedDocument();
    const fragment = extractFragment(document, ['cluster', 'repo']);
    const { document: next, insertedNodeIds } = insertFragment(document, fragment, seededIds(7), { x: 5000, y: 5000 });
    expect(next.nodes).toHaveLength(document.nodes.length + 4);
    expect(next.edges).toHaveLength(document.edges.length + 1);
    const ids = [...allIds(next)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(insertedNodeIds).toHaveLength(2);
    for (const id of insertedNodeIds) expect(allIds(document).has(id)).toBe(false);
    const newEdge = next.edges[next.edges.length - 1]!;
    const source = byId(next, newEdge.source);
    const target = byId(next, newEdge.target);
    expect([source.kind, target.kind]).toEqual(['ecs-service', 'ecr-repository']);
    expect(allIds(document).has(source.id)).toBe(false);
    const clusterCopy = next.nodes.find((node) => insertedNodeIds.includes(node.id) && node.kind === 'ecs-cluster')!;
    expect(clusterCopy.position).toEqual({ x: absolute(document, 'cluster').x + 5000, y: absolute(document, 'cluster').y + 5000 });
    const fargateCopy = next.nodes.find((node) => node.parentId === clusterCopy.id)!;
    expect(fargateCopy.kind).toBe('ecs-fargate-capacity');
    expectLoadable(next);
  });

  it('drops edges that leave the fragment', () => {
    const document = nestedDocument();
    const fragment = extractFragment(document, ['web']);
    expect(fragment.edges).toEqual([]);
    const { document: next } = insertFragment(document, fragment, seededIds(), { x: 3000, y: 3000 });
    expect(next.edges).toHaveLength(document.edges.length);
  });

  it('copies props rather than sharing them', () => {
    const document = clusterDocument();
    const fragment = extractFragment(document, ['web']);
    const { document: next, insertedNodeIds } = insertFragment(document, fragment, seededIds(), { x: 2000, y: 0 });
    const copy = byId(next, insertedNodeIds[0]!);
    expect(copy.props).toEqual(byId(document, 'web').props);
    expect(copy.props).not.toBe(byId(document, 'web').props);
    expect(copy.props.capacityProviderStrategy).not.toBe(byId(document, 'web').props.capacityProviderStrategy);
  });

  it('puts the fragment inside the parent it is given, at the same absolute place, and grows it', () => {
    const document = clusterDocument();
    const fragment = extractFragment(document, ['worker']);
    const fargate = new DocumentIndex(document).absoluteRect('fargate');
    const worker = absolute(document, 'worker');
    const offset = { x: fargate.x + 40 - worker.x, y: fargate.y + 150 - worker.y };
    const { document: next, insertedNodeIds } = insertFragment(document, fragment, seededIds(), offset, 'fargate');
    const copy = byId(next, insertedNodeIds[0]!);
    expect(copy.parentId).toBe('fargate');
    expect(absolute(next, copy.id)).toEqual({ x: fargate.x + 40, y: fargate.y + 150 });
    expectFitsWithPadding(next, 'fargate');
    expectLoadable(next);
  });

  it('never re-parents by where the copy lands: without a parent it stays on the canvas', () => {
    const document = clusterDocument();
    const fragment = extractFragment(document, ['worker']);
    const fargate = new DocumentIndex(document).absoluteRect('fargate');
    const worker = absolute(document, 'worker');
    const { document: next, insertedNodeIds } = insertFragment(document, fragment, seededIds(), {
      x: fargate.x + 40 - worker.x,
      y: fargate.y + 100 - worker.y,
    });
    expect(byId(next, insertedNodeIds[0]!).parentId).toBeUndefined();
  });

  it('gives different ids each time the same fragment is pasted', () => {
    const document = clusterDocument();
    const fragment = extractFragment(document, ['cluster']);
    const ids = seededIds(3);
    const once = insertFragment(document, fragment, ids, { x: 2000, y: 0 }).document;
    const twice = insertFragment(once, fragment, ids, { x: 4000, y: 0 }).document;
    const all = [...allIds(twice)];
    expect(new Set(all).size).toBe(all.length);
    expect(twice.nodes).toHaveLength(document.nodes.length + 8);
    expectLoadable(twice);
  });
});

describe('operations keep documents valid (property-based)', () => {
  type Step =
    | { type: 'move'; pick: number; dx: number; dy: number }
    | { type: 'move-many'; moves: { pick: number; dx: number; dy: number }[] }
    | { type: 'reparent'; pick: number; target: number }
    | { type: 'delete'; pick: number }
    | { type: 'duplicate'; pick: number; dx: number; dy: number }
    | { type: 'resize'; pick: number; width: number; height: number }
    | { type: 'connect'; from: number; to: number };

  const delta = fc.integer({ min: -1500, max: 1500 });
  const fractionalDelta = fc.double({ min: -1500, max: 1500, noNaN: true });
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ type: fc.constant('move' as const), pick: fc.nat(), dx: delta, dy: delta }),
    // A multi-selection drag: nodes at different depths, fractional pointer deltas.
    fc.record({
      type: fc.constant('move-many' as const),
      moves: fc.array(fc.record({ pick: fc.nat(), dx: fractionalDelta, dy: fractionalDelta }), { minLength: 2, maxLength: 4 }),
    }),
    fc.record({ type: fc.constant('reparent' as const), pick: fc.nat(), target: fc.nat() }),
    fc.record({ type: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ type: fc.constant('duplicate' as const), pick: fc.nat(), dx: delta, dy: delta }),
    fc.record({
      type: fc.constant('resize' as const),
      pick: fc.nat(),
      width: fc.integer({ min: 1, max: 3000 }),
      height: fc.integer({ min: 1, max: 3000 }),
    }),
    fc.record({ type: fc.constant('connect' as const), from: fc.nat(), to: fc.nat() }),
  );

  function apply(document: DiagramDocument, action: Step, ids: ReturnType<typeof seededIds>): DiagramDocument {
    const nodes = document.nodes;
    if (nodes.length === 0) return document;
    const pick = (index: number) => nodes[index % nodes.length]!;
    switch (action.type) {
      case 'move': {
        const node = pick(action.pick);
        return moveNodes(document, new Map([[node.id, { x: node.position.x + action.dx, y: node.position.y + action.dy }]]));
      }
      case 'move-many': {
        const moves = new Map<string, Point>();
        for (const move of action.moves) {
          const node = pick(move.pick);
          moves.set(node.id, { x: node.position.x + move.dx, y: node.position.y + move.dy });
        }
        return moveNodes(document, moves);
      }
      case 'reparent': {
        const node = pick(action.pick);
        const target = action.target % (nodes.length + 1) === nodes.length ? undefined : pick(action.target);
        const index = new DocumentIndex(document);
        const origin = target ? index.absolutePosition(target.id) : { x: 0, y: 0 };
        return reparentNode(document, node.id, target?.id, { x: origin.x + 30, y: origin.y + 60 });
      }
      case 'delete':
        return deleteElements(document, [pick(action.pick).id]);
      case 'duplicate':
        return insertFragment(document, extractFragment(document, [pick(action.pick).id]), ids, { x: action.dx, y: action.dy }).document;
      case 'resize':
        return updateNode(document, pick(action.pick).id, { size: { width: action.width, height: action.height } });
      case 'connect': {
        const source = pick(action.from);
        const target = pick(action.to);
        const connection = source.id === target.id ? undefined : findConnection(source.kind, target.kind);
        if (!connection) return document;
        return addEdges(document, [
          createEdge(ids('e', allIds(document)), { source: source.id, target: target.id }, connection.definition.props?.parse({}) ?? {}),
        ]);
      }
    }
  }

  it('every sequence of edits yields a document the loader accepts', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        const ids = seededIds(seed);
        let document = nestedDocument();
        for (const action of steps) {
          document = apply(document, action, ids);
          expectLoadable(document);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('moves, reparents and pastes always leave the touched groups fitting their children', () => {
    fc.assert(
      fc.property(
        fc.array(
          step.filter((action) => action.type !== 'resize'),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 1000 }),
        (steps, seed) => {
          const ids = seededIds(seed);
          let document = nestedDocument();
          for (const action of steps) document = apply(document, action, ids);
          // nestedDocument starts fitted and no step here resizes, so every group fits everywhere.
          for (const node of document.nodes) if (node.size) expectFitsWithPadding(document, node.id);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('replaceNodeKind', () => {
  it('turns a node into another kind in place, keeping shared props, its place and the connections that still mean something', () => {
    let document = addNodes(createDocument(), [
      createNode('vpc', { id: 'vpc', position: { x: 0, y: 0 } }),
      createNode('clb', { id: 'lb', position: { x: 40, y: 80 }, parentId: 'vpc', props: { scheme: 'internal' } }),
      createNode('ecs-service', { id: 'svc', position: { x: 400, y: 80 } }),
      createNode('internet', { id: 'users', position: { x: -400, y: 80 } }),
    ]);
    document = addEdges(document, [
      createEdge('e1', { source: 'lb', target: 'svc' }, { listenerPort: 8080, protocol: 'TCP', targetPort: 0, healthCheckPath: '/health' }),
      createEdge('e2', { source: 'users', target: 'lb' }, {}),
    ]);
    const replaced = replaceNodeKind(document, 'lb', 'alb');
    const node = replaced.nodes.find((candidate) => candidate.id === 'lb')!;
    expect(node).toMatchObject({
      kind: 'alb',
      label: 'ALB',
      parentId: 'vpc',
      position: { x: 40, y: 80 },
      props: { scheme: 'internal', ipAddressType: 'ipv4' },
    });
    // TCP is no ALB listener protocol, so the edge takes the ALB default; the port and health check path carry over.
    expect(replaced.edges.find((edge) => edge.id === 'e1')!.props).toMatchObject({
      listenerPort: 8080,
      protocol: 'HTTP',
      healthCheckPath: '/health',
      targetType: 'auto',
    });
    expect(replaced.edges.map((edge) => edge.id)).toEqual(['e1', 'e2']);
    expectLoadable(replaced);
  });

  it('refuses a kind that may not sit where the node is', () => {
    const document = addNodes(createDocument(), [
      createNode('vpc', { id: 'vpc', position: { x: 0, y: 0 } }),
      createNode('clb', { id: 'lb', position: { x: 40, y: 80 }, parentId: 'vpc' }),
    ]);
    expect(replaceNodeKind(document, 'lb', 'ecs-service')).toBe(document);
    expect(replaceNodeKind(document, 'missing', 'alb')).toBe(document);
  });
});

describe('createNodeIn', () => {
  it('gives a new Availability Zone the next free zone letter among its siblings', () => {
    let document = addNodes(createDocument(), [createNode('vpc', { id: 'vpc', position: { x: 0, y: 0 } })]);
    const first = createNodeIn(document, 'availability-zone', { id: 'az1', position: { x: 20, y: 50 }, parentId: 'vpc' });
    expect(first).toMatchObject({ label: 'Availability Zone A', props: { zone: 'a' } });
    document = addNodes(document, [first]);
    const second = createNodeIn(document, 'availability-zone', { id: 'az2', position: { x: 500, y: 50 }, parentId: 'vpc' });
    expect(second).toMatchObject({ label: 'Availability Zone B', props: { zone: 'b' } });
    // Zones in another VPC do not count.
    expect(createNodeIn(document, 'availability-zone', { id: 'az3', position: { x: 0, y: 0 } }).props.zone).toBe('a');
  });
});
