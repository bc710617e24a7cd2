import { describe, expect, it } from 'vitest';
import type { DiagramNode } from './schema';
import { describeNode, parentsFirst, validateDocument } from './validate';

const node = (id: string, parentId?: string): DiagramNode => ({
  id,
  kind: 'vpc',
  label: id,
  position: { x: 0, y: 0 },
  ...(parentId === undefined ? {} : { parentId }),
  props: {},
});

describe('parentsFirst', () => {
  it('keeps the original order where it already has parents first', () => {
    const nodes = [node('a'), node('b', 'a'), node('c'), node('d', 'c')];
    expect(parentsFirst(nodes).map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves parents ahead of their children, and nothing else', () => {
    const nodes = [node('child', 'parent'), node('other'), node('parent', 'grand'), node('grand')];
    expect(parentsFirst(nodes).map((item) => item.id)).toEqual(['grand', 'parent', 'child', 'other']);
  });

  it('handles very deep chains without recursion and keeps every node once', () => {
    const count = 50_000;
    const nodes = Array.from({ length: count }, (_, index) => node(`n${index}`, index + 1 < count ? `n${index + 1}` : undefined));
    const ordered = parentsFirst(nodes);
    expect(ordered).toHaveLength(count);
    expect(ordered[0]!.id).toBe(`n${count - 1}`);
    expect(ordered[count - 1]!.id).toBe('n0');
  });

  it('terminates on cycles and missing parents, keeping every node once', () => {
    const nodes = [node('a', 'b'), node('b', 'a'), node('c', 'ghost'), node('self', 'self')];
    const ordered = parentsFirst(nodes);
    expect(ordered.map((item) => item.id).sort()).toEqual(['a', 'b', 'c', 'self']);
  });
});

describe('validateDocument', () => {
  it('returns the nodes as given when there are issues, parents first when there are none', () => {
    const nodes = [
      { ...node('subnet', 'az'), kind: 'subnet' },
      { ...node('az'), kind: 'availability-zone' },
    ];
    const valid = validateDocument({ schemaVersion: 1, metadata: { title: '', description: '' }, nodes, edges: [] });
    expect(valid.issues).toEqual([]);
    expect(valid.document.nodes.map((item) => item.id)).toEqual(['az', 'subnet']);
    const invalid = validateDocument({
      schemaVersion: 1,
      metadata: { title: '', description: '' },
      nodes: [nodes[0]!, { ...nodes[1]!, props: { zone: 'AB' } }],
      edges: [],
    });
    expect(invalid.issues).toHaveLength(1);
    expect(invalid.document.nodes.map((item) => item.id)).toEqual(['subnet', 'az']);
  });

  it('describes nodes by label, or by id when the label is blank', () => {
    expect(describeNode(node('n-1'), 'VPC')).toBe('VPC "n-1"');
    expect(describeNode({ ...node('n-1'), label: '  ' })).toBe('"n-1"');
    expect(describeNode({ ...node('n-1'), label: 'Main' })).toBe('"Main"');
  });
});
