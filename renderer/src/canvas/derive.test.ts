import { describe, expect, it } from 'vitest';
import {
  createDocument,
  createEdge,
  createNode,
  restack,
  DocumentIndex,
  type DiagramDocument,
  type DiagramNode,
} from '../../../shared/document';
import { FlowDeriver, stackingFor, type DeriveInputs } from './derive';

function doc(nodes: DiagramNode[], edges: DiagramDocument['edges'] = []): DiagramDocument {
  return { ...createDocument(), nodes, edges };
}

function group(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, size: { width: 400, height: 300 }, ...(parentId ? { parentId } : {}) });
}

function leaf(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, ...(parentId ? { parentId } : {}) });
}

const NONE: ReadonlySet<string> = new Set();
const inputs = (document: DiagramDocument, selected: ReadonlySet<string> = NONE): DeriveInputs => ({
  document,
  selectedNodeIds: selected,
  selectedEdgeIds: NONE,
  dropTargetId: null,
  nodeBadges: new Map(),
  edgeBadges: new Map(),
  placeholders: NONE,
});

/** A VPC holding a subnet holding an ALB, a second VPC over it, and a service on the canvas routed to by the ALB. */
function sample(): DiagramDocument {
  return doc(
    [
      group('vpc', 'vpc', 0, 0),
      group('subnet', 'subnet', 24, 48, 'vpc'),
      leaf('alb', 'alb', 24, 48, 'subnet'),
      group('vpc', 'other', 100, 100),
      leaf('ecs-service', 'svc', 800, 0),
    ],
    [createEdge('route', { source: 'alb', target: 'svc' }, {})],
  );
}

describe('stackingFor', () => {
  it('puts every child above its parent and later siblings (with all they hold) above earlier ones', () => {
    const { node } = stackingFor(sample());
    const z = (id: string) => node.get(id)!;
    expect(z('subnet')).toBeGreaterThan(z('vpc'));
    expect(z('alb')).toBeGreaterThan(z('subnet'));
    expect(z('other')).toBeGreaterThan(z('alb'));
    expect(z('svc')).toBeGreaterThan(z('other'));
  });

  it('draws an edge just above the higher of its ends’ parents: over the groups it runs in, under the cards there', () => {
    const stacking = stackingFor(sample());
    const edge = stacking.edge('subnet', undefined);
    expect(edge).toBeGreaterThan(stacking.node.get('subnet')!);
    expect(edge).toBeLessThan(stacking.node.get('alb')!);
    expect(stacking.edge(undefined, undefined)).toBeLessThan(Math.min(...stacking.node.values()));
  });

  it('follows a restack: the VPC brought to the front draws above the other one', () => {
    const document = sample();
    const index = new DocumentIndex(document);
    const { node } = stackingFor(restack(document, ['vpc'], 'front', (id) => index.absoluteRect(id)));
    expect(node.get('vpc')!).toBeGreaterThan(node.get('other')!);
    expect(node.get('alb')!).toBeGreaterThan(node.get('vpc')!);
  });
});

describe('FlowDeriver', () => {
  it('gives React Flow the model’s z-indexes, nodes and edges alike', () => {
    const document = sample();
    const deriver = new FlowDeriver();
    const stacking = stackingFor(document);
    for (const flow of deriver.nodes(inputs(document))) expect(flow.zIndex).toBe(stacking.node.get(flow.id));
    expect(deriver.edges(inputs(document))[0]!.zIndex).toBe(stacking.edge('subnet', undefined));
  });

  it('does not restack on selection: a selected group keeps its place under the groups above it', () => {
    const document = sample();
    const deriver = new FlowDeriver();
    const before = deriver.nodes(inputs(document));
    const after = deriver.nodes(inputs(document, new Set(['vpc'])));
    expect(after.find((flow) => flow.id === 'vpc')!.zIndex).toBe(before.find((flow) => flow.id === 'vpc')!.zIndex);
    expect(after.find((flow) => flow.id === 'vpc')!.selected).toBe(true);
    // Only the node whose selection changed is a new object.
    expect(after.filter((flow, index) => flow !== before[index]).map((flow) => flow.id)).toEqual(['vpc']);
  });

  it('reuses every flow object an edit did not touch, and renews those whose stacking changed', () => {
    const document = sample();
    const deriver = new FlowDeriver();
    const before = deriver.nodes(inputs(document));
    const moved = {
      ...document,
      nodes: document.nodes.map((node) => (node.id === 'svc' ? { ...node, position: { x: 900, y: 0 } } : node)),
    };
    const after = deriver.nodes(inputs(moved));
    expect(after.filter((flow, index) => flow !== before[index]).map((flow) => flow.id)).toEqual(['svc']);
    const index = new DocumentIndex(document);
    const restacked = restack(document, ['other'], 'back', (id) => index.absoluteRect(id));
    const changed = deriver.nodes(inputs(restacked)).filter((flow) => flow.zIndex !== before.find((old) => old.id === flow.id)!.zIndex);
    expect(changed.map((flow) => flow.id).sort()).toEqual(['alb', 'other', 'subnet', 'vpc']);
  });

  it('keeps nesting and sizes for React Flow', () => {
    const flows = new FlowDeriver().nodes(inputs(sample()));
    const alb = flows.find((flow) => flow.id === 'alb')!;
    expect(alb.parentId).toBe('subnet');
    expect(alb.type).toBe('component');
    expect(flows.find((flow) => flow.id === 'vpc')!.type).toBe('group');
    expect(flows.find((flow) => flow.id === 'vpc')!.measured).toEqual({ width: 400, height: 300 });
  });
});
