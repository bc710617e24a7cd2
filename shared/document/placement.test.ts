import { describe, expect, it } from 'vitest';
import { DocumentIndex, type Rect } from './geometry';
import { createDocument, createNode } from './operations';
import { bringToTopOfSiblings, contentRect, findFreeSpot, settlePlacement } from './placement';
import type { DiagramDocument, DiagramNode } from './schema';
import { validateDocument } from './validate';
import { intersects } from './z-order';

function doc(nodes: DiagramNode[]): DiagramDocument {
  return { ...createDocument(), nodes };
}

function group(kind: string, id: string, x: number, y: number, width: number, height: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, size: { width, height }, ...(parentId ? { parentId } : {}) });
}

function leaf(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, ...(parentId ? { parentId } : {}) });
}

const rootOrder = (document: DiagramDocument) => document.nodes.filter((node) => node.parentId === undefined).map((node) => node.id);
const byId = (document: DiagramDocument, id: string) => document.nodes.find((node) => node.id === id)!;

describe('findFreeSpot', () => {
  const size = { width: 100, height: 50 };

  it('takes the preferred spot when it is free', () => {
    expect(findFreeSpot(size, { x: 10, y: 10 }, [])).toEqual({ x: 10, y: 10 });
  });

  it('moves to the nearest spot where the box and its gap overlap nothing', () => {
    const occupied: Rect[] = [{ x: 0, y: 0, width: 100, height: 50 }];
    const spot = findFreeSpot(size, { x: 0, y: 0 }, occupied, { gap: 16, step: 16 })!;
    const box = { x: spot.x - 16, y: spot.y - 16, width: size.width + 32, height: size.height + 32 };
    expect(intersects(box, occupied[0]!)).toBe(false);
    // Nearest: straight down by 50 + 16, rounded up to the 16 px step (64), not off to the side.
    expect(spot).toEqual({ x: 0, y: 80 });
  });

  it('stays inside the area, and gives up when the area is full', () => {
    const area = { x: 0, y: 0, width: 300, height: 200 };
    const spot = findFreeSpot(size, { x: 250, y: 180 }, [], { area })!;
    expect(spot.x + size.width).toBeLessThanOrEqual(300);
    expect(spot.y + size.height).toBeLessThanOrEqual(200);
    expect(findFreeSpot(size, { x: 0, y: 0 }, [area], { area, rings: 10 })).toBeUndefined();
  });

  it('fills a row of spots one after another without overlaps', () => {
    const placed: Rect[] = [];
    for (let count = 0; count < 6; count++) {
      const spot = findFreeSpot(size, { x: 200, y: 200 }, placed)!;
      expect(placed.some((rect) => intersects(rect, { ...spot, ...size }))).toBe(false);
      placed.push({ ...spot, ...size });
    }
  });
});

describe('contentRect', () => {
  it('is the group minus its border padding and title bar', () => {
    const document = doc([group('vpc', 'vpc', 100, 100, 400, 300)]);
    expect(contentRect(new DocumentIndex(document), 'vpc')).toEqual({ x: 124, y: 148, width: 352, height: 228 });
  });
});

describe('settlePlacement', () => {
  it('a group takes in the siblings whose middle it covers and may hold, keeping where they are', () => {
    const document = doc([
      leaf('ecr-repository', 'repo', 1000, 1000),
      group('eks-cluster', 'eks', 200, 200, 300, 200),
      group('region', 'region', 100, 100, 600, 400),
    ]);
    const before = new DocumentIndex(document).absolutePosition('eks');
    const { document: next, adoptedIds } = settlePlacement(document, 'region');
    expect(adoptedIds).toEqual(['eks']);
    expect(byId(next, 'eks').parentId).toBe('region');
    expect(new DocumentIndex(next).absolutePosition('eks')).toEqual(before);
    expect(byId(next, 'repo').parentId).toBeUndefined();
    expect(validateDocument(next).issues).toEqual([]);
  });

  it('a group grows to fit what it takes in', () => {
    // The cluster's middle is inside, its right part is not.
    const document = doc([group('eks-cluster', 'eks', 300, 150, 400, 200), group('region', 'region', 100, 100, 500, 300)]);
    const { document: next } = settlePlacement(document, 'region');
    const region = new DocumentIndex(next).absoluteRect('region');
    expect(region.x + region.width).toBeGreaterThanOrEqual(700);
  });

  it('a group stays below the siblings it covers and may not hold', () => {
    const document = doc([leaf('ecr-repository', 'repo', 150, 150), group('subnet', 'subnet', 100, 100, 400, 200)]);
    const { document: next, adoptedIds } = settlePlacement(document, 'subnet');
    expect(adoptedIds).toEqual([]);
    expect(rootOrder(next)).toEqual(['subnet', 'repo']);
    expect(byId(next, 'repo').parentId).toBeUndefined();
  });

  it('a node put on a sibling group that could not take it draws above that group', () => {
    const document = doc([leaf('ecr-repository', 'repo', 150, 150), group('vpc', 'vpc', 100, 100, 400, 300)]);
    // The repository sits on the VPC but is stored below it.
    expect(rootOrder(settlePlacement(document, 'repo').document)).toEqual(['vpc', 'repo']);
  });

  it('changes nothing where nothing overlaps', () => {
    const document = doc([group('vpc', 'a', 0, 0, 300, 200), group('vpc', 'b', 600, 0, 300, 200)]);
    expect(settlePlacement(document, 'b').document).toBe(document);
    expect(settlePlacement(document, 'missing').document).toBe(document);
  });
});

describe('bringToTopOfSiblings', () => {
  it('puts the node last among its siblings only', () => {
    const document = doc([
      group('vpc', 'v', 0, 0, 600, 400),
      group('subnet', 's1', 24, 48, 200, 120, 'v'),
      group('subnet', 's2', 300, 48, 200, 120, 'v'),
      group('vpc', 'w', 700, 0, 300, 200),
    ]);
    const next = bringToTopOfSiblings(document, 's1');
    expect(next.nodes.map((node) => node.id)).toEqual(['v', 's2', 's1', 'w']);
    expect(bringToTopOfSiblings(next, 's1')).toBe(next);
  });
});
