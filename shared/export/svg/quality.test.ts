import { describe, expect, it } from 'vitest';
import { createDocument, createEdge, createNode, type DiagramDocument, type DiagramNode } from '../../document';
import { diagramQuality, segmentCrosses } from './quality';

function node(
  kind: string,
  id: string,
  x: number,
  y: number,
  options: { parent?: string; width?: number; height?: number } = {},
): DiagramNode {
  return createNode(kind, {
    id,
    position: { x, y },
    ...(options.parent !== undefined ? { parentId: options.parent } : {}),
    ...(options.width !== undefined ? { size: { width: options.width, height: options.height ?? options.width } } : {}),
  });
}

function documentOf(nodes: DiagramNode[], edges: [string, string, string][]): DiagramDocument {
  return { ...createDocument('quality'), nodes, edges: edges.map(([id, source, target]) => createEdge(id, { source, target }, {})) };
}

describe('segmentCrosses', () => {
  const box = { x: 10, y: 10, width: 20, height: 20 };
  it('sees a segment through the inside, not one beside or ending at the border', () => {
    expect(segmentCrosses({ x: 0, y: 20 }, { x: 40, y: 20 }, box)).toBe(true);
    expect(segmentCrosses({ x: 0, y: 5 }, { x: 40, y: 5 }, box)).toBe(false);
    expect(segmentCrosses({ x: 0, y: 20 }, { x: 10, y: 20 }, box)).toBe(false);
    expect(segmentCrosses({ x: 20, y: 0 }, { x: 20, y: 15 }, box)).toBe(true);
  });
});

describe('diagram quality', () => {
  it('counts an edge that runs through a card it has nothing to do with, and not once the card moves away', () => {
    const users = node('internet', 'users', 0, 0);
    const alb = node('alb', 'alb', 800, 0);
    const inTheWay = node('ecr-repository', 'repo', 400, 0);
    const crossed = diagramQuality(documentOf([users, alb, inTheWay], [['e', 'users', 'alb']]));
    expect(crossed.edgeBoxCrossings).toBe(1);
    expect(crossed.details).toContain('e crosses repo');
    const clear = diagramQuality(documentOf([users, alb, { ...inTheWay, position: { x: 400, y: 300 } }], [['e', 'users', 'alb']]));
    expect(clear.edgeBoxCrossings).toBe(0);
  });

  it('lets an edge pass through the groups that hold its ends', () => {
    const nodes = [
      node('internet', 'users', 0, 300),
      node('region', 'region', 400, 0, { width: 900, height: 700 }),
      node('vpc', 'vpc', 40, 60, { parent: 'region', width: 800, height: 600 }),
      node('subnet', 'subnet', 40, 60, { parent: 'vpc', width: 700, height: 500 }),
      node('alb', 'alb', 300, 200, { parent: 'subnet' }),
    ];
    expect(diagramQuality(documentOf(nodes, [['e', 'users', 'alb']])).edgeBoxCrossings).toBe(0);
  });

  it('counts labels on one another and labels on cards', () => {
    const nodes = [node('internet', 'users', 0, 0), node('alb', 'alb', 800, 0)];
    const twice = diagramQuality(
      documentOf(nodes, [
        ['e1', 'users', 'alb'],
        ['e2', 'users', 'alb'],
      ]),
    );
    expect(twice.labelOverlaps).toBe(1);
    expect(twice.details).toContain('label of e1 on label of e2');
    const onCard = diagramQuality(documentOf([...nodes, node('ecr-repository', 'repo', 390, 10)], [['e1', 'users', 'alb']]));
    expect(onCard.details).toContain('label of e1 on repo');
  });
});
