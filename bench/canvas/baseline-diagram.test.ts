import { describe, expect, it } from 'vitest';
import { findKind } from '../../shared/catalog';
import { DocumentIndex } from '../../shared/document';
import { generateDiagram } from '../generate-diagram';
import { toBaselineFlow } from './baseline-diagram';

describe('toBaselineFlow', () => {
  const document = generateDiagram(120);
  const flow = toBaselineFlow(document);

  it('keeps every node and edge with the same ids, positions, parents and sizes', () => {
    expect(flow.nodes.map((node) => node.id)).toEqual(document.nodes.map((node) => node.id));
    expect(flow.edges.map((edge) => [edge.source, edge.target])).toEqual(document.edges.map((edge) => [edge.source, edge.target]));
    const index = new DocumentIndex(document);
    for (const node of flow.nodes) {
      const source = index.node(node.id)!;
      expect(node.position).toEqual(source.position);
      expect(node.parentId).toBe(source.parentId);
      expect({ width: node.width, height: node.height }).toEqual(source.size ?? findKind(source.kind)!.size);
    }
  });

  it('makes catalog groups React Flow group nodes and lists parents before children', () => {
    const seen = new Set<string>();
    for (const node of flow.nodes) {
      if (node.parentId) expect(seen.has(node.parentId)).toBe(true);
      seen.add(node.id);
      const kind = findKind(document.nodes.find((candidate) => candidate.id === node.id)!.kind)!;
      expect(node.type === 'group').toBe(kind.group !== undefined);
    }
  });
});
