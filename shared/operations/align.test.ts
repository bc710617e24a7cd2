import { describe, expect, it } from 'vitest';
import { DocumentIndex, type DiagramDocument } from '../document';
import { diagram } from '../rules/test-support/diagram-builder.test-support';
import { align, distribute, type Alignment } from './align';
import { applyOperation } from './index';

function rects(document: DiagramDocument, ids: readonly string[]) {
  const index = new DocumentIndex(document);
  return ids.map((id) => index.absoluteRect(id));
}

/** Three leaves of one size and a group, scattered; one leaf sits inside the group. */
function scattered() {
  const d = diagram();
  const vpc = d.add('vpc', { id: 'vpc' });
  const a = d.add('ecr-repository', { id: 'a' });
  const b = d.add('efs', { id: 'b' });
  const c = d.add('nat-gateway', { id: 'c', in: vpc });
  let document = d.build();
  const place = (id: string, x: number, y: number) => {
    document = { ...document, nodes: document.nodes.map((node) => (node.id === id ? { ...node, position: { x, y } } : node)) };
  };
  place('vpc', 600, 400);
  place('a', 10, 20);
  place('b', 300, 150);
  place('c', 40, 80);
  return { document, ids: [vpc, a, b, c] };
}

describe('align', () => {
  const cases: [Alignment, (rect: { x: number; y: number; width: number; height: number }) => number][] = [
    ['left', (rect) => rect.x],
    ['right', (rect) => rect.x + rect.width],
    ['center', (rect) => rect.x + rect.width / 2],
    ['top', (rect) => rect.y],
    ['bottom', (rect) => rect.y + rect.height],
    ['middle', (rect) => rect.y + rect.height / 2],
  ];
  for (const [alignment, edge] of cases) {
    it(`lines up ${alignment} across parents, keeping every node in its parent`, () => {
      const { document } = scattered();
      const ids = ['a', 'b', 'c'];
      const result = applyOperation(document, align, { nodeIds: ids, alignment }).document;
      const edges = rects(result, ids).map((rect) => Math.round(edge(rect) * 100) / 100);
      expect(new Set(edges).size, `${alignment}: ${edges.join(', ')}`).toBe(1);
      expect(result.nodes.find((node) => node.id === 'c')!.parentId).toBe('vpc');
    });
  }

  it('moves a selected group with its contents, not the contents on their own', () => {
    const { document } = scattered();
    const before = rects(document, ['c'])[0]!;
    const vpcBefore = rects(document, ['vpc'])[0]!;
    const result = applyOperation(document, align, { nodeIds: ['vpc', 'c', 'a'], alignment: 'left' }).document;
    const [vpc, c] = rects(result, ['vpc', 'c']);
    expect(vpc!.x).toBe(10);
    expect(c!.x - vpc!.x).toBe(before.x - vpcBefore.x);
  });

  it('needs two components', () => {
    const { document } = scattered();
    expect(applyOperation(document, align, { nodeIds: ['a'], alignment: 'left' }).document).toBe(document);
    expect(align.label({ nodeIds: ['a', 'b'], alignment: 'left' }, document)).toBe('Align left edges of 2 components');
  });
});

describe('distribute', () => {
  it('leaves equal gaps between neighbours and keeps the outer two in place', () => {
    const { document } = scattered();
    const ids = ['a', 'b', 'vpc'];
    const before = rects(document, ids);
    const result = applyOperation(document, distribute, { nodeIds: ids, axis: 'horizontal' }).document;
    const [a, b, vpc] = rects(result, ids);
    expect(a).toEqual(before[0]);
    expect(vpc).toEqual(before[2]);
    expect(b!.x - (a!.x + a!.width)).toBeCloseTo(vpc!.x - (b!.x + b!.width), 1);
    expect(b!.y).toBe(before[1]!.y);
  });

  it('distributes vertically in order of position, whatever the selection order', () => {
    const { document } = scattered();
    const result = applyOperation(document, distribute, { nodeIds: ['vpc', 'b', 'a'], axis: 'vertical' }).document;
    const [a, b, vpc] = rects(result, ['a', 'b', 'vpc']);
    expect(b!.y - (a!.y + a!.height)).toBeCloseTo(vpc!.y - (b!.y + b!.height), 1);
  });

  it('needs three components', () => {
    const { document } = scattered();
    expect(applyOperation(document, distribute, { nodeIds: ['a', 'b'], axis: 'vertical' }).document).toBe(document);
  });
});
