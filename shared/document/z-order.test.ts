import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from './geometry';
import { createDocument, createNode } from './operations';
import type { DiagramDocument, DiagramNode } from './schema';
import { validateDocument } from './validate';
import { childrenAfterParents, moveInStack, restack, stackingOrder, stackingRanks, type RestackMove } from './z-order';

function vpc(id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode('vpc', { id, position: { x, y }, size: { width: 300, height: 200 }, ...(parentId ? { parentId } : {}) });
}

function subnet(id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode('subnet', { id, position: { x, y }, size: { width: 200, height: 120 }, ...(parentId ? { parentId } : {}) });
}

function doc(nodes: DiagramNode[]): DiagramDocument {
  return { ...createDocument(), nodes };
}

const ids = (nodes: readonly DiagramNode[]) => nodes.map((node) => node.id);
const rectOf = (document: DiagramDocument) => {
  const index = new DocumentIndex(document);
  return (id: string) => index.absoluteRect(id);
};
const rootOrder = (document: DiagramDocument) => ids(document.nodes.filter((node) => node.parentId === undefined));

describe('stackingOrder', () => {
  it('draws each parent, then its subtree, siblings in stored order', () => {
    // Stored interleaved: a, b, then their children.
    const document = doc([
      vpc('a', 0, 0),
      vpc('b', 500, 0),
      subnet('b1', 24, 48, 'b'),
      subnet('a1', 24, 48, 'a'),
      subnet('a2', 50, 60, 'a'),
    ]);
    expect(ids(stackingOrder(document.nodes))).toEqual(['a', 'a1', 'a2', 'b', 'b1']);
    const ranks = stackingRanks(document.nodes);
    expect(ranks.get('a1')).toBeGreaterThan(ranks.get('a')!);
    expect(ranks.get('b')).toBeGreaterThan(ranks.get('a2')!);
  });

  it('treats nodes with a missing parent as roots and never loops on a parent cycle', () => {
    const orphan = subnet('orphan', 0, 0, 'nowhere');
    const x = { ...subnet('x', 0, 0), parentId: 'y' };
    const y = { ...subnet('y', 0, 0), parentId: 'x' };
    expect(ids(stackingOrder([orphan, x, y]))).toEqual(['orphan']);
  });
});

describe('childrenAfterParents', () => {
  it('moves an early child after its parent and leaves the parent in place', () => {
    const moved = { ...subnet('s', 0, 0), parentId: 'b' };
    const result = childrenAfterParents([moved, vpc('a', 0, 0), vpc('b', 400, 0), vpc('c', 800, 0)]);
    expect(ids(result)).toEqual(['a', 'b', 's', 'c']);
  });

  it('brings along what waited for the moved child', () => {
    const child = { ...subnet('s', 0, 0), parentId: 'b' };
    const grandchild = createNode('alb', { id: 'lb', position: { x: 30, y: 60 }, parentId: 's' });
    expect(ids(childrenAfterParents([child, grandchild, vpc('a', 0, 0), vpc('b', 0, 0)]))).toEqual(['a', 'b', 's', 'lb']);
  });
});

describe('moveInStack', () => {
  const base = () => doc([vpc('a', 0, 0), subnet('a1', 24, 48, 'a'), vpc('b', 0, 0), subnet('b1', 24, 48, 'b'), vpc('c', 0, 0)]);

  it('moves a node with its subtree just above a sibling', () => {
    const result = moveInStack(base(), 'a', { above: 'b' });
    expect(rootOrder(result)).toEqual(['b', 'a', 'c']);
    expect(ids(stackingOrder(result.nodes))).toEqual(['b', 'b1', 'a', 'a1', 'c']);
    expect(validateDocument(result).issues).toEqual([]);
  });

  it('moves a node just below a sibling', () => {
    expect(rootOrder(moveInStack(base(), 'c', { below: 'a' }))).toEqual(['c', 'a', 'b']);
  });

  it('changes nothing when already there, or when the two are not siblings', () => {
    const document = base();
    expect(moveInStack(document, 'b', { above: 'a' })).toBe(document);
    expect(moveInStack(document, 'a1', { above: 'b' })).toBe(document);
    expect(moveInStack(document, 'missing', { above: 'b' })).toBe(document);
  });

  it('keeps the moved node before the sibling that followed the anchor, even where the anchor’s children come later', () => {
    // a, n (sibling), a1 (child of a): above a means between a and n.
    const document = doc([vpc('a', 0, 0), vpc('n', 0, 0), vpc('m', 0, 0), subnet('a1', 24, 48, 'a')]);
    expect(rootOrder(moveInStack(document, 'm', { above: 'a' }))).toEqual(['a', 'm', 'n']);
  });
});

describe('restack', () => {
  // Three overlapping VPCs and one far away.
  const four = () => doc([vpc('a', 0, 0), vpc('b', 100, 50), vpc('c', 200, 100), vpc('far', 2000, 2000)]);
  const run = (document: DiagramDocument, chosen: string[], move: RestackMove) => restack(document, chosen, move, rectOf(document));

  it('brings to front and sends to back, keeping the chosen ones in their order', () => {
    expect(rootOrder(run(four(), ['a', 'b'], 'front'))).toEqual(['c', 'far', 'a', 'b']);
    expect(rootOrder(run(four(), ['c', 'far'], 'back'))).toEqual(['c', 'far', 'a', 'b']);
  });

  it('steps forward past the next sibling it overlaps, and backward likewise', () => {
    expect(rootOrder(run(four(), ['a'], 'forward'))).toEqual(['b', 'a', 'c', 'far']);
    // "far" overlaps nothing: it steps past the next one down.
    expect(rootOrder(run(four(), ['far'], 'backward'))).toEqual(['a', 'b', 'far', 'c']);
    // c overlaps b just below it.
    expect(rootOrder(run(four(), ['c'], 'backward'))).toEqual(['a', 'c', 'b', 'far']);
  });

  it('skips a sibling it does not touch to pass the next one it overlaps', () => {
    const document = doc([vpc('a', 0, 0), vpc('far', 2000, 2000), vpc('b', 100, 50)]);
    expect(rootOrder(run(document, ['a'], 'forward'))).toEqual(['far', 'b', 'a']);
  });

  it('leaves the document alone when nothing can move', () => {
    const document = four();
    expect(run(document, ['far'], 'front')).toBe(document);
    expect(run(document, ['a'], 'back')).toBe(document);
    expect(run(document, ['a', 'b', 'c', 'far'], 'forward')).toBe(document);
  });

  it('restacks among siblings only: children stay above their parent', () => {
    const document = doc([vpc('v', 0, 0), subnet('s1', 24, 48, 'v'), subnet('s2', 40, 60, 'v'), vpc('w', 50, 50)]);
    const result = run(document, ['s2'], 'back');
    expect(ids(stackingOrder(result.nodes))).toEqual(['v', 's2', 's1', 'w']);
    expect(run(document, ['v'], 'front').nodes.map((node) => node.id)).toEqual(['w', 'v', 's1', 's2']);
  });

  it('always keeps documents valid, parents first, and every node where nesting puts it (property-based)', () => {
    const moves: RestackMove[] = ['front', 'back', 'forward', 'backward'];
    const nodes = [
      vpc('a', 0, 0),
      subnet('a1', 24, 48, 'a'),
      subnet('a2', 40, 60, 'a'),
      vpc('b', 100, 80),
      subnet('b1', 24, 48, 'b'),
      vpc('c', 150, 40),
      subnet('a3', 60, 70, 'a'),
    ];
    const all = nodes.map((node) => node.id);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.subarray(all, { minLength: 1 }), fc.constantFrom(...moves)), { maxLength: 12 }), (steps) => {
        let document = doc(nodes);
        for (const [chosen, move] of steps) document = run(document, chosen, move);
        expect(validateDocument(document).issues).toEqual([]);
        expect(new Set(ids(document.nodes))).toEqual(new Set(all));
        const ranks = stackingRanks(document.nodes);
        for (const node of document.nodes) {
          if (node.parentId !== undefined) expect(ranks.get(node.id)!).toBeGreaterThan(ranks.get(node.parentId)!);
        }
        // A restack never changes the nesting.
        for (const node of document.nodes) expect(node.parentId).toBe(nodes.find((original) => original.id === node.id)!.parentId);
      }),
    );
  });
});
