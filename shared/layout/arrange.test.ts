import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDiagram } from '../../bench/generate-diagram';
import { findConnection, isGroupKind } from '../catalog';
import { DocumentIndex, loadDocument, nodeSize, type DiagramDocument, type Rect } from '../document';
import { applyLayout, applyOperation } from '../operations';
import { computeLayout, type LayoutScope } from './arrange';

const examplesDirectory = join(import.meta.dirname, '..', '..', 'examples');

function loadExample(file: string): DiagramDocument {
  const result = loadDocument(readFileSync(join(examplesDirectory, file), 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

const examples = readdirSync(examplesDirectory)
  .filter((file) => file.endsWith('.stowage'))
  .map((file) => [file, loadExample(file)] as const);
const diagrams: (readonly [string, DiagramDocument])[] = [...examples, ['generated 200-node diagram', generateDiagram(200)]];

async function arrange(document: DiagramDocument, scope: LayoutScope = { kind: 'diagram' }): Promise<DiagramDocument> {
  return applyOperation(document, applyLayout, { layout: await computeLayout(document, scope) }).document;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** What must hold after any arrangement: same nesting, every child inside its parent, no two siblings overlapping. */
function expectTidy(before: DiagramDocument, after: DiagramDocument): void {
  expect(after.nodes.map((node) => [node.id, node.parentId])).toEqual(before.nodes.map((node) => [node.id, node.parentId]));
  const index = new DocumentIndex(after);
  for (const node of after.nodes) {
    if (node.parentId !== undefined) {
      const parent = nodeSize(index.node(node.parentId)!);
      const size = nodeSize(node);
      expect(node.position.x, `${node.id} inside its parent`).toBeGreaterThanOrEqual(0);
      expect(node.position.y, `${node.id} inside its parent`).toBeGreaterThanOrEqual(0);
      expect(node.position.x + size.width, `${node.id} inside its parent`).toBeLessThanOrEqual(parent.width);
      expect(node.position.y + size.height, `${node.id} inside its parent`).toBeLessThanOrEqual(parent.height);
    }
  }
  for (const [, siblings] of index.childrenOf) {
    for (let i = 0; i < siblings.length; i++) {
      for (let j = i + 1; j < siblings.length; j++) {
        const a = siblings[i]!;
        const b = siblings[j]!;
        expect(overlaps(index.absoluteRect(a.id), index.absoluteRect(b.id)), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  }
}

describe('auto-layout (Arrange)', () => {
  it.each(diagrams)('arranges %s keeping containment, with no overlapping siblings', async (_name, document) => {
    const after = await arrange(document);
    expect(after).not.toBe(document);
    expectTidy(document, after);
  });

  it.each(examples)(
    'draws requests left to right in %s: users before load balancers before what they route to',
    async (_name, document) => {
      const index = new DocumentIndex(await arrange(document));
      const flows = document.edges.filter((edge) => {
        const relation = findConnection(index.node(edge.source)!.kind, index.node(edge.target)!.kind)?.definition.relation;
        return relation === 'sends-requests' || relation === 'routes-traffic';
      });
      for (const edge of flows) {
        const source = index.absoluteRect(edge.source);
        const target = index.absoluteRect(edge.target);
        expect(source.x + source.width, `${edge.source} left of ${edge.target}`).toBeLessThanOrEqual(target.x);
      }
    },
  );

  it.each(examples)(
    "arranges only one group's contents in %s, resizing it to fit and moving nothing outside it",
    async (_name, document) => {
      const index = new DocumentIndex(document);
      const group = document.nodes.find((node) => isGroupKind(node.kind) && index.descendants(node.id).length > 2)!;
      const inside = new Set(index.descendants(group.id).map((node) => node.id));
      const after = await arrange(document, { kind: 'group', groupId: group.id });
      expectTidy(document, after);
      const afterIndex = new DocumentIndex(after);
      expect(afterIndex.node(group.id)!.position).toEqual(group.position);
      for (const node of document.nodes) {
        if (inside.has(node.id) || isGroupKind(node.kind)) continue;
        expect(afterIndex.absolutePosition(node.id), `${node.id} stays where it was`).toEqual(index.absolutePosition(node.id));
      }
    },
  );

  it('keeps the top-left corner of the whole diagram where it was', async () => {
    const [, document] = examples[0]!;
    const before = new DocumentIndex(document).bounds()!;
    const after = new DocumentIndex(await arrange(document)).bounds()!;
    expect({ x: after.x, y: after.y }).toEqual({ x: before.x, y: before.y });
  });

  it('is one undo step named for what it arranged', async () => {
    const [, document] = examples[0]!;
    const layout = await computeLayout(document, { kind: 'diagram' });
    expect(applyLayout.label({ layout }, document)).toBe('Arrange Diagram');
    const group = document.nodes.find((node) => isGroupKind(node.kind))!;
    const groupLayout = await computeLayout(document, { kind: 'group', groupId: group.id });
    expect(applyLayout.label({ layout: groupLayout }, document)).toBe(`Arrange Contents of ${group.label}`);
  });
});
