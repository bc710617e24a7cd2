import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { createDocument, createIdFactory, extractFragment, loadDocumentValue, type DiagramDocument } from '../document';
import { diagram } from '../rules/test-support/diagram-builder.test-support';
import {
  OPERATIONS,
  addComponent,
  applyFix,
  applyOperation,
  connect,
  deleteSelected,
  dropNodes,
  duplicate,
  nudge,
  paste,
  renameNode,
  setNodeProps,
  type Operation,
} from './index';

/** Deterministic ids, so results can be compared. */
const ids = () => createIdFactory(mulberry32(7));

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run<Args, Report>(document: DiagramDocument, operation: Operation<Args, Report>, args: Args) {
  return applyOperation(document, operation, args, { newId: ids() });
}

/** Every operation's result must still be a document the loader accepts. */
function expectLoadable(document: DiagramDocument): void {
  const result = loadDocumentValue(JSON.parse(JSON.stringify(document)));
  expect(result.ok, result.ok ? '' : JSON.stringify(result.error)).toBe(true);
}

describe('the operation registry', () => {
  it('registers each operation once under a unique id', () => {
    const seen = new Set<string>();
    for (const operation of OPERATIONS) {
      expect(seen.has(operation.id), operation.id).toBe(false);
      seen.add(operation.id);
    }
  });
});

describe('operations', () => {
  it('add: places a kind centred on the point, nests it in the group there, selects it and labels the step', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster', { id: 'cluster' });
    const start = d.build();
    const clusterNode = start.nodes.find((node) => node.id === cluster)!;
    const center = { x: clusterNode.position.x + 100, y: clusterNode.position.y + 100 };
    const result = run(start, addComponent, { kindId: 'ecs-fargate-capacity', center });
    const added = result.document.nodes.find((node) => node.id === result.report?.nodeId)!;
    expect(added.kind).toBe('ecs-fargate-capacity');
    expect(added.parentId).toBe(cluster);
    expect(result.selection).toEqual({ nodeIds: [added.id], edgeIds: [] });
    expect(addComponent.label({ kindId: 'ecs-fargate-capacity', center }, start)).toBe(
      `Add ${CATALOG.find((kind) => kind.id === 'ecs-fargate-capacity')!.label}`,
    );
    expectLoadable(result.document);
  });

  it('add: an unknown kind changes nothing', () => {
    const start = createDocument();
    expect(run(start, addComponent, { kindId: 'no-such-kind', center: { x: 0, y: 0 } }).document).toBe(start);
  });

  it('delete: removes nodes with their contents and dangling edges, and clears the selection', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    const capacity = d.add('ecs-fargate-capacity', { in: cluster });
    const service = d.add('ecs-service', { in: capacity });
    const repo = d.add('ecr-repository');
    d.connect(service, repo);
    const start = d.build();
    const result = run(start, deleteSelected, { nodeIds: [cluster], edgeIds: [] });
    expect(result.document.nodes.map((node) => node.id)).toEqual([repo]);
    expect(result.document.edges).toEqual([]);
    expect(result.selection).toEqual({ nodeIds: [], edgeIds: [] });
    expect(deleteSelected.label({ nodeIds: [cluster, repo], edgeIds: ['e'] }, start)).toBe('Delete 3 items');
    expect(deleteSelected.label({ nodeIds: [cluster], edgeIds: [] }, start)).toBe('Delete');
  });

  it('nudge: moves only the outermost selected nodes, and a run of nudges shares one merge key', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    const capacity = d.add('ecs-fargate-capacity', { in: cluster });
    const start = d.build();
    const before = new Map(start.nodes.map((node) => [node.id, node.position]));
    const result = run(start, nudge, { nodeIds: [cluster, capacity], dx: 10, dy: -1 });
    const moved = new Map(result.document.nodes.map((node) => [node.id, node.position]));
    expect(moved.get(cluster)).toEqual({ x: before.get(cluster)!.x + 10, y: before.get(cluster)!.y - 1 });
    expect(moved.get(capacity)).toEqual(before.get(capacity));
    expect(nudge.coalesceKey!({ nodeIds: [capacity, cluster], dx: 1, dy: 0 })).toBe(
      nudge.coalesceKey!({ nodeIds: [cluster, capacity], dx: 0, dy: 1 }),
    );
    expect(nudge.label({ nodeIds: [cluster, capacity], dx: 1, dy: 0 }, start)).toBe('Nudge 2 components');
  });

  it('drop: a node released inside a group that may hold it moves into it; one the group cannot hold is reported', () => {
    const d = diagram();
    const vpc = d.add('vpc', { id: 'vpc' });
    const efs = d.add('efs', { id: 'efs' });
    const service = d.add('ecs-service', { id: 'svc' });
    const start = d.build();
    const vpcNode = start.nodes.find((node) => node.id === vpc)!;
    const inside = { x: vpcNode.position.x + 40, y: vpcNode.position.y + 80 };
    const items = [
      { id: efs, position: inside },
      { id: service, position: { x: inside.x, y: inside.y + 80 } },
    ];
    const result = run(start, dropNodes, { items, pointer: { x: inside.x + 10, y: inside.y + 10 }, grabbedId: efs });
    const byId = new Map(result.document.nodes.map((node) => [node.id, node]));
    expect(byId.get(efs)!.parentId).toBe(vpc);
    expect(byId.get(service)!.parentId).toBeUndefined();
    expect(result.report?.refused).toEqual([{ nodeId: service, groupId: vpc }]);
    expect(dropNodes.label({ items: [], pointer: inside, grabbedId: efs }, start)).toBe('Move 0 components');
    expectLoadable(result.document);
  });

  it('connect: stores the edge the catalog way round, selects it, and refuses pairs without a meaning with the reason', () => {
    const d = diagram();
    const service = d.add('ecs-service');
    const efs = d.add('efs');
    const region = d.add('region');
    const start = d.build();
    const result = run(start, connect, { from: efs, to: service });
    expect(result.report).toMatchObject({ ok: true, label: 'mounts' });
    const edge = result.document.edges[0]!;
    expect([edge.source, edge.target]).toEqual([service, efs]);
    expect(result.selection).toEqual({ nodeIds: [], edgeIds: [edge.id] });
    expect(connect.label({ from: efs, to: service }, start)).toBe('Connect: mounts');

    const refused = run(start, connect, { from: efs, to: region });
    expect(refused.document).toBe(start);
    expect(refused.report).toMatchObject({ ok: false });
    expect(refused.report && !refused.report.ok && refused.report.reason.length > 10).toBe(true);
  });

  it('paste: inserts a fragment with fresh ids at the point given, keeping its structure, and selects it', () => {
    const d = diagram();
    const cluster = d.add('ecs-cluster');
    const capacity = d.add('ecs-fargate-capacity', { in: cluster });
    d.add('ecs-service', { in: capacity });
    const start = d.build();
    const fragment = extractFragment(start, [cluster]);
    const result = run(start, paste, { fragment, at: { x: 5000, y: 5000 } });
    expect(result.document.nodes).toHaveLength(6);
    const pasted = result.document.nodes.filter((node) => !start.nodes.includes(node));
    const top = pasted.find((node) => node.parentId === undefined)!;
    expect(top.position).toEqual({ x: 5000, y: 5000 });
    expect(pasted.filter((node) => node.parentId !== undefined)).toHaveLength(2);
    expect(result.selection).toEqual({ nodeIds: [top.id], edgeIds: [] });
    expect(paste.label({ fragment }, start)).toBe('Paste 3 components');
    expectLoadable(result.document);
  });

  it('duplicate: copies beside the originals, in their group, and selects the copies', () => {
    const d = diagram();
    const repo = d.add('ecr-repository');
    const start = d.build();
    const result = run(start, duplicate, { nodeIds: [repo] });
    const copy = result.document.nodes.find((node) => node.id !== repo)!;
    const original = start.nodes[0]!;
    expect(copy.position).toEqual({ x: original.position.x + 24, y: original.position.y + 24 });
    expect(result.selection).toEqual({ nodeIds: [copy.id], edgeIds: [] });
  });

  it('rename and property edits merge per node and field', () => {
    expect(renameNode.coalesceKey!({ nodeId: 'a', label: 'x' })).not.toBe(renameNode.coalesceKey!({ nodeId: 'b', label: 'x' }));
    const field = { key: 'desiredCount', title: 'Desired tasks' };
    expect(setNodeProps.label({ nodeId: 'a', props: {}, field }, createDocument())).toBe('Edit Desired tasks');
    expect(setNodeProps.coalesceKey!({ nodeId: 'a', props: {}, field })).toBe('prop:a:desiredCount');
  });

  it('fix: applies the finding fix and is labelled with it', () => {
    const start = createDocument();
    const fixed = { ...start, metadata: { ...start.metadata, title: 'fixed' } };
    const fix = { label: 'Use an ALB', apply: () => fixed };
    expect(run(start, applyFix, { fix }).document).toBe(fixed);
    expect(applyFix.label({ fix }, start)).toBe('Fix: Use an ALB');
  });
});
