import { describe, expect, it } from 'vitest';
import { LEAF_SIZE } from '../catalog/common';
import { DocumentIndex, GROUP_PADDING, contains, nodeSize } from './geometry';
import { addNodes, createDocument, createNode } from './operations';
import { nestedDocument } from './sample-documents.test-support';
import type { DiagramDocument, DiagramNode } from './schema';

const ids = (nodes: readonly DiagramNode[]) => nodes.map((node) => node.id);

/** Region(0,0) ⊃ VPC(40,60) ⊃ AZ(40,60) ⊃ subnet(24,60), and a cluster in the VPC with Fargate capacity. */
function tree(): DiagramDocument {
  return {
    schemaVersion: 1,
    metadata: { title: '', description: '' },
    nodes: [
      { id: 'region', kind: 'region', label: 'r', position: { x: 0, y: 0 }, size: { width: 2000, height: 1500 }, props: {} },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'v',
        parentId: 'region',
        position: { x: 40, y: 60 },
        size: { width: 1900, height: 1400 },
        props: {},
      },
      {
        id: 'az',
        kind: 'availability-zone',
        label: 'a',
        parentId: 'vpc',
        position: { x: 40, y: 60 },
        size: { width: 500, height: 600 },
        props: {},
      },
      {
        id: 'subnet',
        kind: 'subnet',
        label: 's',
        parentId: 'az',
        position: { x: 24, y: 60 },
        size: { width: 400, height: 300 },
        props: {},
      },
      { id: 'alb', kind: 'alb', label: 'lb', parentId: 'subnet', position: { x: 30, y: 70 }, props: {} },
      {
        id: 'cluster',
        kind: 'ecs-cluster',
        label: 'c',
        parentId: 'vpc',
        position: { x: 700, y: 60 },
        size: { width: 800, height: 500 },
        props: {},
      },
      {
        id: 'fargate',
        kind: 'ecs-fargate-capacity',
        label: 'f',
        parentId: 'cluster',
        position: { x: 24, y: 48 },
        size: { width: 320, height: 260 },
        props: {},
      },
      { id: 'web', kind: 'ecs-service', label: 'w', parentId: 'fargate', position: { x: 40, y: 60 }, props: {} },
      { id: 'users', kind: 'internet', label: 'u', position: { x: -500, y: 100 }, props: {} },
    ],
    edges: [],
  };
}

describe('nodeSize', () => {
  it('uses the stored size of a group, else the catalog size', () => {
    const document = tree();
    expect(nodeSize(document.nodes[0]!)).toEqual({ width: 2000, height: 1500 });
    const { size: _size, ...withoutSize } = document.nodes[1]!;
    expect(nodeSize(withoutSize)).toEqual({ width: 1000, height: 640 });
    expect(nodeSize(document.nodes[4]!)).toEqual(LEAF_SIZE);
    expect(nodeSize({ ...document.nodes[4]!, kind: 'unknown-kind' })).toEqual(LEAF_SIZE);
  });
});

describe('DocumentIndex structure', () => {
  const index = new DocumentIndex(tree());

  it('looks nodes up and lists children, top level included', () => {
    expect(index.node('alb')?.kind).toBe('alb');
    expect(index.node('ghost')).toBeUndefined();
    expect(ids(index.children(undefined))).toEqual(['region', 'users']);
    expect(ids(index.children('vpc'))).toEqual(['az', 'cluster']);
    expect(index.children('alb')).toEqual([]);
  });

  it('lists ancestors from the parent outwards, and depth', () => {
    expect(ids(index.ancestors('alb'))).toEqual(['subnet', 'az', 'vpc', 'region']);
    expect(index.ancestors('region')).toEqual([]);
    expect(index.depth('alb')).toBe(4);
    expect(index.depth('users')).toBe(0);
  });

  it('lists every descendant', () => {
    expect(ids(index.descendants('vpc')).sort()).toEqual(['alb', 'az', 'cluster', 'fargate', 'subnet', 'web']);
    expect(index.descendants('web')).toEqual([]);
  });

  it('survives parent cycles in documents that were never validated', () => {
    const document = tree();
    document.nodes[0] = { ...document.nodes[0]!, parentId: 'alb' };
    const broken = new DocumentIndex(document);
    expect(broken.ancestors('alb').length).toBeLessThanOrEqual(document.nodes.length);
    expect(Number.isFinite(broken.absolutePosition('alb').x)).toBe(true);
  });
});

describe('DocumentIndex geometry', () => {
  it('adds parent offsets for absolute positions', () => {
    const index = new DocumentIndex(tree());
    expect(index.absolutePosition('region')).toEqual({ x: 0, y: 0 });
    expect(index.absolutePosition('alb')).toEqual({ x: 0 + 40 + 40 + 24 + 30, y: 0 + 60 + 60 + 60 + 70 });
    expect(index.absolutePosition('web')).toEqual({ x: 40 + 700 + 24 + 40, y: 60 + 60 + 48 + 60 });
    expect(index.absolutePosition('users')).toEqual({ x: -500, y: 100 });
    expect(index.absolutePosition('ghost')).toEqual({ x: 0, y: 0 });
  });

  it('gives the same answers in any query order (cache)', () => {
    const forward = new DocumentIndex(tree());
    const backward = new DocumentIndex(tree());
    const nodeIds = tree().nodes.map((node) => node.id);
    const first = nodeIds.map((id) => forward.absolutePosition(id));
    const second = [...nodeIds]
      .reverse()
      .map((id) => backward.absolutePosition(id))
      .reverse();
    expect(second).toEqual(first);
  });

  it('treats a node whose parent is missing as positioned from the origin', () => {
    const document = tree();
    document.nodes[4] = { ...document.nodes[4]!, parentId: 'ghost' };
    expect(new DocumentIndex(document).absolutePosition('alb')).toEqual({ x: 30, y: 70 });
  });

  it('builds absolute rectangles from position and size', () => {
    const index = new DocumentIndex(tree());
    expect(index.absoluteRect('subnet')).toEqual({ x: 104, y: 180, width: 400, height: 300 });
    expect(index.absoluteRect('alb')).toEqual({ x: 134, y: 250, ...LEAF_SIZE });
    expect(index.absoluteRect('ghost')).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });

  it('bounds all or some nodes', () => {
    const index = new DocumentIndex(tree());
    expect(index.bounds()).toEqual({ x: -500, y: 0, width: 2500, height: 1500 });
    expect(index.bounds(['alb', 'users'])).toEqual({ x: -500, y: 100, width: 634 + LEAF_SIZE.width, height: 206 });
    expect(index.bounds(['ghost'])).toBeUndefined();
    expect(index.bounds([])).toBeUndefined();
  });

  it('contains includes the border', () => {
    const rect = { x: 0, y: 0, width: 10, height: 10 };
    expect(contains(rect, { x: 0, y: 0 })).toBe(true);
    expect(contains(rect, { x: 10, y: 10 })).toBe(true);
    expect(contains(rect, { x: 10.01, y: 5 })).toBe(false);
  });
});

describe('dropTarget', () => {
  const index = new DocumentIndex(tree());
  const inside = (id: string, dx = 5, dy = 5) => {
    const rect = index.absoluteRect(id);
    return { x: rect.x + dx, y: rect.y + dy };
  };

  it('picks the innermost group that may hold the kind', () => {
    expect(index.dropTarget(inside('subnet'), 'alb')?.id).toBe('subnet');
    expect(index.dropTarget(inside('subnet'), 'ecs-cluster')?.id).toBe('subnet');
    // A subnet cannot hold an AZ; the VPC around it can.
    expect(index.dropTarget(inside('subnet'), 'availability-zone')?.id).toBe('vpc');
    expect(index.dropTarget(inside('subnet'), 'ecr-repository')?.id).toBe('region');
    expect(index.dropTarget(inside('fargate'), 'ecs-service')?.id).toBe('fargate');
    expect(index.dropTarget(inside('cluster', 600, 400), 'ecs-service')?.id).toBe('cluster');
  });

  it('finds nothing on empty canvas or for kinds no group holds', () => {
    expect(index.dropTarget({ x: -2000, y: -2000 }, 'alb')).toBeUndefined();
    expect(index.dropTarget(inside('subnet'), 'internet')).toBeUndefined();
    expect(index.dropTarget(inside('subnet'), 'region')).toBeUndefined();
  });

  it('skips the excluded nodes and everything inside them (a group is never dropped into itself)', () => {
    expect(index.dropTarget(inside('fargate'), 'ecs-service', new Set(['fargate']))?.id).toBe('cluster');
    expect(index.dropTarget(inside('fargate'), 'ecs-service', new Set(['cluster']))).toBeUndefined();
    expect(index.dropTarget(inside('subnet'), 'subnet', new Set(['subnet']))?.id).toBe('az');
    expect(index.dropTarget(inside('subnet'), 'availability-zone', new Set(['vpc']))).toBeUndefined();
  });

  it('prefers the group drawn on top where siblings overlap', () => {
    const document = addNodes(createDocument(), [
      createNode('subnet', { id: 'below', position: { x: 0, y: 0 } }),
      createNode('subnet', { id: 'above', position: { x: 100, y: 100 } }),
    ]);
    const overlap = new DocumentIndex(document);
    expect(overlap.dropTarget({ x: 150, y: 150 }, 'alb')?.id).toBe('above');
    expect(overlap.dropTarget({ x: 50, y: 50 }, 'alb')?.id).toBe('below');
  });

  it('agrees with the groups of a real nested document', () => {
    const document = nestedDocument();
    const nested = new DocumentIndex(document);
    for (const node of document.nodes) {
      if (!node.parentId) continue;
      const rect = nested.absoluteRect(node.id);
      // The centre of the node's title bar, as a drop would use.
      const target = nested.dropTarget(
        { x: rect.x + rect.width / 2, y: rect.y + Math.min(rect.height / 2, 28) },
        node.kind,
        new Set([node.id]),
      );
      expect(target?.id, node.id).toBe(node.parentId);
    }
  });

  it('uses the padding constants the canvas draws with', () => {
    expect(GROUP_PADDING).toEqual({ side: 24, top: 48, bottom: 24 });
  });
});
