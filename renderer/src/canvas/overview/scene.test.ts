import { describe, expect, it } from 'vitest';
import {
  createDocument,
  createEdge,
  createNode,
  DocumentIndex,
  restack,
  type DiagramDocument,
  type DiagramNode,
} from '../../../../shared/document';
import { FlowDeriver } from '../derive';
import { buildScene, nodeAt, nodesTouching } from './scene';

function group(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, size: { width: 400, height: 300 }, ...(parentId ? { parentId } : {}) });
}

function leaf(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, ...(parentId ? { parentId } : {}) });
}

const NONE: ReadonlySet<string> = new Set();

function sceneOf(document: DiagramDocument, selected: ReadonlySet<string> = NONE) {
  const deriver = new FlowDeriver();
  const nodes = deriver.nodes({ document, selectedNodeIds: selected, dropTargetId: null, nodeBadges: new Map(), placeholders: NONE });
  const edges = deriver.edges({ document, selectedEdgeIds: NONE, edgeBadges: new Map(), placeholders: NONE });
  return buildScene(nodes, edges, new DocumentIndex(document));
}

/** A VPC holding a subnet holding an ALB; a second VPC stored after the first, overlapping it; a service on the canvas. */
function sample(): DiagramDocument {
  return {
    ...createDocument(),
    nodes: [
      group('vpc', 'vpc', 0, 0),
      group('subnet', 'subnet', 20, 40, 'vpc'),
      leaf('alb', 'alb', 20, 40, 'subnet'),
      group('vpc', 'other', 300, 100),
      leaf('ecs-service', 'service', 900, 0),
    ],
    edges: [createEdge('e1', { source: 'alb', target: 'service' }, {})],
  };
}

describe('the overview scene', () => {
  it('paints in the document stacking: parents below children, later siblings above, edges above the groups they run in', () => {
    const scene = sceneOf(sample());
    const order = scene.items.map((item) => item.id);
    expect(order.indexOf('vpc')).toBeLessThan(order.indexOf('subnet'));
    expect(order.indexOf('subnet')).toBeLessThan(order.indexOf('alb'));
    expect(order.indexOf('alb')).toBeLessThan(order.indexOf('other'));
    expect(order.indexOf('e1')).toBeGreaterThan(order.indexOf('subnet'));
  });

  it('uses absolute positions and the handle sides the DOM canvas picked for edges', () => {
    const scene = sceneOf(sample());
    expect(scene.byId.get('alb')!.rect).toMatchObject({ x: 40, y: 80 });
    const edge = scene.items.find((item) => item.type === 'edge')!;
    expect(edge.type === 'edge' && edge.from.x).toBeGreaterThanOrEqual(40);
  });

  it('hit-tests topmost first: the child before its parent, the later sibling before the earlier', () => {
    const scene = sceneOf(sample());
    expect(nodeAt(scene, { x: 60, y: 100 })?.id).toBe('alb');
    expect(nodeAt(scene, { x: 30, y: 250 })?.id).toBe('subnet');
    expect(nodeAt(scene, { x: 5, y: 5 })?.id).toBe('vpc');
    // Where the two VPCs overlap, the one stored later is drawn above and takes the click.
    expect(nodeAt(scene, { x: 350, y: 290 })?.id).toBe('other');
    expect(nodeAt(scene, { x: 800, y: 800 })).toBeUndefined();
  });

  it('follows a restack: sent to the back, the second VPC no longer takes the click where they overlap', () => {
    const original = sample();
    const index = new DocumentIndex(original);
    const document = restack(original, ['other'], 'back', (id) => index.absoluteRect(id));
    expect(nodeAt(sceneOf(document), { x: 350, y: 290 })?.id).toBe('subnet');
  });

  it('selects what a box touches, partially, and carries the selection into the drawing', () => {
    const scene = sceneOf(sample(), new Set(['service']));
    expect(nodesTouching(scene, { x: 850, y: -10, width: 100, height: 20 })).toEqual(['service']);
    expect(nodesTouching(scene, { x: 0, y: 0, width: 30, height: 30 })).toEqual(['vpc']);
    expect(scene.byId.get('service')!.selected).toBe(true);
    expect(scene.byId.get('vpc')!.selected).toBe(false);
  });
});
