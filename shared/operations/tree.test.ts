import { describe, expect, it } from 'vitest';
import {
  DocumentIndex,
  contentRect,
  createDocument,
  createNode,
  intersects,
  loadDocumentValue,
  type DiagramDocument,
  type DiagramNode,
} from '../document';
import { applyOperation, cannotHold, moveInTree, treeMoveRefusal, type TreeMoveArgs } from './index';

function doc(nodes: DiagramNode[]): DiagramDocument {
  return { ...createDocument(), nodes };
}

function group(kind: string, id: string, x: number, y: number, width: number, height: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, label: id, position: { x, y }, size: { width, height }, ...(parentId ? { parentId } : {}) });
}

function leaf(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, label: id, position: { x, y }, ...(parentId ? { parentId } : {}) });
}

const run = (document: DiagramDocument, args: TreeMoveArgs) => applyOperation(document, moveInTree, args);
const childrenOf = (document: DiagramDocument, parentId?: string) =>
  document.nodes.filter((node) => node.parentId === parentId).map((node) => node.id);
const node = (document: DiagramDocument, id: string) => document.nodes.find((candidate) => candidate.id === id)!;

function expectLoadable(document: DiagramDocument): void {
  const result = loadDocumentValue(JSON.parse(JSON.stringify(document)));
  expect(result.ok, result.ok ? '' : JSON.stringify(result.error)).toBe(true);
}

/** A cluster with Fargate capacity holding two services, a subnet, and a service on the canvas far away. */
const sample = () =>
  doc([
    group('ecs-cluster', 'cluster', 0, 0, 700, 400),
    group('ecs-fargate-capacity', 'fargate', 24, 48, 640, 320, 'cluster'),
    leaf('ecs-service', 'api', 24, 48, 'fargate'),
    leaf('ecs-service', 'web', 300, 48, 'fargate'),
    group('subnet', 'subnet', 900, 0, 300, 200),
    leaf('ecs-service', 'worker', 1400, 900),
  ]);

describe('moving in the containment tree', () => {
  it('reorders among siblings without moving anything on the canvas: one block, order kept', () => {
    const start = doc([leaf('ecr-repository', 'a', 0, 0), leaf('ecr-repository', 'b', 300, 0), leaf('ecr-repository', 'c', 600, 0)]);
    const result = run(start, { nodeIds: ['c'], at: { below: 'a' } });
    expect(childrenOf(result.document)).toEqual(['c', 'a', 'b']);
    expect(result.document.nodes.map((candidate) => candidate.position)).toEqual([
      { x: 600, y: 0 },
      { x: 0, y: 0 },
      { x: 300, y: 0 },
    ]);
    expect(moveInTree.label({ nodeIds: ['c'], at: { below: 'a' } }, start)).toBe('Reorder');

    const four = doc([...start.nodes, leaf('ecr-repository', 'd', 900, 0)]);
    const both = run(four, { nodeIds: ['c', 'a'], at: { above: 'd' } });
    expect(childrenOf(both.document)).toEqual(['b', 'd', 'a', 'c']);
    expect(both.selection).toEqual({ nodeIds: ['a', 'c'], edgeIds: [] });
    expect(moveInTree.label({ nodeIds: ['c', 'a'], at: { above: 'd' } }, four)).toBe('Reorder 2 components');
  });

  it('goes on top of its siblings when no place among them is given', () => {
    const start = doc([leaf('ecr-repository', 'a', 0, 0), leaf('ecr-repository', 'b', 300, 0), leaf('ecr-repository', 'c', 600, 0)]);
    expect(childrenOf(run(start, { nodeIds: ['a'] }).document)).toEqual(['b', 'c', 'a']);
  });

  it('moves a node into a group that may hold it, to a free spot inside it, and keeps it on top there', () => {
    const start = sample();
    const result = run(start, { nodeIds: ['worker'], parentId: 'fargate' });
    const index = new DocumentIndex(result.document);
    expect(node(result.document, 'worker').parentId).toBe('fargate');
    expect(childrenOf(result.document, 'fargate')).toEqual(['api', 'web', 'worker']);
    const rect = index.absoluteRect('worker');
    const content = contentRect(index, 'fargate');
    expect(rect.x).toBeGreaterThanOrEqual(content.x);
    expect(rect.y).toBeGreaterThanOrEqual(content.y);
    expect(rect.x + rect.width).toBeLessThanOrEqual(content.x + content.width);
    expect(rect.y + rect.height).toBeLessThanOrEqual(content.y + content.height);
    for (const sibling of ['api', 'web']) expect(intersects(rect, index.absoluteRect(sibling)), sibling).toBe(false);
    expect(moveInTree.label({ nodeIds: ['worker'], parentId: 'fargate' }, start)).toBe('Move into Fargate capacity "fargate"');
    expectLoadable(result.document);
  });

  it('keeps a node where it is when that spot lies free inside its new group', () => {
    // Drawn over the capacity's free right half, but not nested in it (an older file, say).
    const start = doc([...sample().nodes.filter((candidate) => candidate.id !== 'worker'), leaf('ecs-service', 'worker', 400, 250)]);
    const before = new DocumentIndex(start).absoluteRect('worker');
    const result = run(start, { nodeIds: ['worker'], parentId: 'fargate' });
    expect(new DocumentIndex(result.document).absoluteRect('worker')).toEqual(before);
    expect(node(result.document, 'worker').position).toEqual({ x: 400 - 24, y: 250 - 48 });
  });

  it('puts a node at the given place among its new siblings', () => {
    const result = run(sample(), { nodeIds: ['worker'], parentId: 'fargate', at: { below: 'api' } });
    expect(childrenOf(result.document, 'fargate')).toEqual(['worker', 'api', 'web']);
  });

  it('moves a group with everything inside it; a node inside a moved one moves with it, not on its own', () => {
    const start = doc([
      group('region', 'region', 0, 0, 1200, 800),
      group('vpc', 'vpc', 40, 60, 600, 500),
      group('availability-zone', 'az', 24, 48, 300, 300, 'vpc'),
    ]);
    const result = run(start, { nodeIds: ['vpc', 'az'], parentId: 'region' });
    expect(node(result.document, 'vpc').parentId).toBe('region');
    expect(node(result.document, 'az').parentId).toBe('vpc');
    expect(node(result.document, 'az').position).toEqual({ x: 24, y: 48 });
    expect(moveInTree.label({ nodeIds: ['vpc', 'az'], parentId: 'region' }, start)).toBe('Move into Region "region"');
    expectLoadable(result.document);
  });

  it('puts a group too large for the free room below what its new group holds, and the group grows to fit', () => {
    const start = doc([
      group('vpc', 'vpc', 0, 0, 500, 300),
      group('availability-zone', 'az-a', 24, 48, 440, 220, 'vpc'),
      group('availability-zone', 'az-b', 800, 0, 440, 220),
    ]);
    const result = run(start, { nodeIds: ['az-b'], parentId: 'vpc' });
    const index = new DocumentIndex(result.document);
    const a = index.absoluteRect('az-a');
    const b = index.absoluteRect('az-b');
    expect(node(result.document, 'az-b').parentId).toBe('vpc');
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
    expect(index.absoluteRect('vpc').height).toBeGreaterThan(300);
    expect(contentRect(index, 'vpc').y + contentRect(index, 'vpc').height).toBeGreaterThanOrEqual(b.y + b.height);
  });

  it('moves a node out onto the canvas, clear of everything there, so it does not look nested', () => {
    const start = sample();
    const result = run(start, { nodeIds: ['api'] });
    const index = new DocumentIndex(result.document);
    expect(node(result.document, 'api').parentId).toBeUndefined();
    const rect = index.absoluteRect('api');
    for (const other of ['cluster', 'subnet', 'worker']) expect(intersects(rect, index.absoluteRect(other)), other).toBe(false);
    expect(moveInTree.label({ nodeIds: ['api'] }, start)).toBe('Move onto the canvas');
    expect(moveInTree.label({ nodeIds: ['api', 'web'] }, start)).toBe('Move 2 components onto the canvas');
    expectLoadable(result.document);
  });

  it('refuses, moving nothing, a group that may not hold one of the nodes, and says what it may hold', () => {
    const start = sample();
    const result = run(start, { nodeIds: ['web', 'worker'], parentId: 'subnet' });
    expect(result.document).toBe(start);
    expect(result.report?.refused).toBe(cannotHold(start, 'subnet', 'ecs-service'));
    expect(result.report?.refused).toMatch(/^Subnet "subnet" cannot hold ECS service \(it may hold: .+\)\.$/);
    expect(treeMoveRefusal(start, ['worker'], 'fargate')).toBeUndefined();
  });

  it('refuses a group going inside itself or inside what it holds', () => {
    const start = sample();
    expect(run(start, { nodeIds: ['cluster'], parentId: 'fargate' }).report?.refused).toBe(
      'ECS cluster "cluster" cannot go inside itself.',
    );
    expect(treeMoveRefusal(start, ['fargate'], 'fargate')).toBe('Fargate capacity "fargate" cannot go inside itself.');
  });

  it('changes nothing when the nodes already are where they are asked to go', () => {
    const start = sample();
    expect(run(start, { nodeIds: ['web'], parentId: 'fargate' }).document).toBe(start);
    expect(run(start, { nodeIds: ['api'], parentId: 'fargate', at: { below: 'web' } }).document).toBe(start);
    expect(run(start, { nodeIds: ['gone'] }).document).toBe(start);
  });
});
