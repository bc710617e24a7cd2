import { describe, expect, it } from 'vitest';
import {
  DocumentIndex,
  createDocument,
  createIdFactory,
  createNode,
  extractFragment,
  loadDocumentValue,
  type DiagramDocument,
  type DiagramNode,
} from '../document';
import {
  addComponent,
  addComponentInView,
  applyOperation,
  cannotHold,
  dropNodes,
  duplicate,
  nestingHint,
  paste,
  restackNodes,
  type Operation,
  type Selection,
} from './index';

/** The operations that put things down: where they land is decided by the pointer or the selection, never by chance. */

function doc(nodes: DiagramNode[]): DiagramDocument {
  return { ...createDocument(), nodes };
}

function group(kind: string, id: string, x: number, y: number, width: number, height: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, size: { width, height }, ...(parentId ? { parentId } : {}) });
}

function leaf(kind: string, id: string, x: number, y: number, parentId?: string, label?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, ...(parentId ? { parentId } : {}), ...(label ? { label } : {}) });
}

function run<Args, Report>(document: DiagramDocument, operation: Operation<Args, Report>, args: Args, selection?: Selection) {
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return applyOperation(document, operation, args, { newId: createIdFactory(random), ...(selection ? { selection } : {}) });
}

function expectLoadable(document: DiagramDocument): void {
  const result = loadDocumentValue(JSON.parse(JSON.stringify(document)));
  expect(result.ok, result.ok ? '' : JSON.stringify(result.error)).toBe(true);
}

const node = (document: DiagramDocument, id: string) => document.nodes.find((candidate) => candidate.id === id)!;
const added = (before: DiagramDocument, after: DiagramDocument) =>
  after.nodes.filter((candidate) => !before.nodes.some((old) => old.id === candidate.id));
const select = (...nodeIds: string[]): Selection => ({ nodeIds, edgeIds: [] });

describe('drop (the end of a drag)', () => {
  // A VPC on the left; a cluster at the bottom, dragged by its title's right end.
  const start = () => doc([group('vpc', 'vpc', 420, 40, 440, 420), group('ecs-cluster', 'cluster', 20, 500, 300, 180)]);

  it('goes by the pointer: released just inside the VPC, the cluster nests although its middle is outside', () => {
    const document = start();
    // Grabbed 270 px from its left: top-left at 180 puts the pointer at 450, inside the VPC (420+).
    const result = run(document, dropNodes, {
      items: [{ id: 'cluster', position: { x: 180, y: 200 } }],
      pointer: { x: 450, y: 212 },
      grabbedId: 'cluster',
    });
    expect(node(result.document, 'cluster').parentId).toBe('vpc');
    expect(new DocumentIndex(result.document).absolutePosition('cluster')).toEqual({ x: 180, y: 200 });
    expectLoadable(result.document);
  });

  it('moves other dragged nodes by the same point of themselves', () => {
    const document = doc([
      group('ecs-cluster', 'cluster', 0, 0, 900, 400),
      group('ecs-fargate-capacity', 'a', 24, 60, 400, 300, 'cluster'),
      group('ecs-fargate-capacity', 'b', 460, 60, 400, 300, 'cluster'),
      leaf('ecs-service', 's1', 40, 60, 'a'),
      leaf('ecs-service', 's2', 40, 160, 'a'),
    ]);
    // Both services move 440 px right, into capacity b; the pointer holds s1 at 10, 10.
    const result = run(document, dropNodes, {
      items: [
        { id: 's1', position: { x: 480, y: 60 } },
        { id: 's2', position: { x: 480, y: 160 } },
      ],
      pointer: { x: 24 + 480 + 10, y: 60 + 60 + 10 },
      grabbedId: 's1',
    });
    expect(node(result.document, 's1').parentId).toBe('b');
    expect(node(result.document, 's2').parentId).toBe('b');
  });

  it('reports the topmost group under the pointer when none may hold the node, and lands the node on top in a new group', () => {
    const document = doc([
      group('vpc', 'vpc', 0, 0, 500, 400),
      group('subnet', 'subnet', 24, 48, 400, 300, 'vpc'),
      leaf('ecs-service', 'api', 600, 600),
    ]);
    const refused = run(document, dropNodes, {
      items: [{ id: 'api', position: { x: 100, y: 100 } }],
      pointer: { x: 150, y: 120 },
      grabbedId: 'api',
    });
    expect(refused.report?.refused).toEqual([{ nodeId: 'api', groupId: 'subnet' }]);
    expect(node(refused.document, 'api').parentId).toBeUndefined();
    // On the canvas but over the VPC: it draws above the VPC.
    expect(refused.document.nodes.filter((candidate) => candidate.parentId === undefined).map((candidate) => candidate.id)).toEqual([
      'vpc',
      'api',
    ]);
  });

  it('a dragged group takes in what it now covers and may hold, and is not "refused" by it', () => {
    const document = doc([group('eks-cluster', 'eks', 460, 300, 320, 200), group('region', 'region', 20, 20, 380, 260)]);
    const result = run(document, dropNodes, {
      items: [{ id: 'region', position: { x: 420, y: 240 } }],
      pointer: { x: 440, y: 254 },
      grabbedId: 'region',
    });
    expect(node(result.document, 'eks').parentId).toBe('region');
    expect(result.report).toEqual({ refused: [], adopted: [{ groupId: 'region', nodeIds: ['eks'] }] });
    expectLoadable(result.document);
  });

  it('a dragged group that cannot hold what it covers goes below it', () => {
    const document = doc([leaf('ecr-repository', 'repo', 500, 360), group('subnet', 'subnet', 20, 20, 380, 220)]);
    const result = run(document, dropNodes, {
      items: [{ id: 'subnet', position: { x: 440, y: 300 } }],
      pointer: { x: 460, y: 314 },
      grabbedId: 'subnet',
    });
    expect(result.document.nodes.map((candidate) => candidate.id)).toEqual(['subnet', 'repo']);
  });
});

describe('add', () => {
  it('a palette drop nests by the pointer even when an earlier drop already sits there', () => {
    const document = doc([
      group('ecs-cluster', 'cluster', 0, 0, 700, 420),
      group('ecs-fargate-capacity', 'capacity', 24, 60, 300, 200, 'cluster'),
    ]);
    const pointer = { x: 24 + 280, y: 60 + 180 };
    const first = run(document, addComponent, { kindId: 'ecs-service', center: pointer });
    const second = run(first.document, addComponent, { kindId: 'ecs-service', center: pointer });
    const [one] = added(document, first.document);
    const [two] = added(first.document, second.document);
    expect(one!.parentId).toBe('capacity');
    expect(two!.parentId).toBe('capacity');
    expect(two!.position).not.toEqual(one!.position);
  });

  it('a new group takes in what it is dropped over, and names no refusal', () => {
    const document = doc([group('eks-cluster', 'eks', 300, 300, 320, 200)]);
    const result = run(document, addComponent, { kindId: 'region', center: { x: 460, y: 400 } });
    expect(node(result.document, 'eks').parentId).toBe(result.report?.nodeId);
    expect(result.report?.refusedBy).toBeUndefined();
    expect(result.report?.adoptedIds).toEqual(['eks']);
  });

  it('names the group under the pointer that could not take the new node', () => {
    const document = doc([group('subnet', 'subnet', 0, 0, 400, 220)]);
    const result = run(document, addComponent, { kindId: 'ecs-service', center: { x: 200, y: 110 } });
    expect(result.report?.refusedBy).toBe('subnet');
  });
});

describe('click-to-add', () => {
  const view = { x: 0, y: 0, width: 900, height: 700 };

  it('puts each new node in a free spot in view, never on another', () => {
    let document = doc([leaf('ecs-service', 'existing', 340, 320)]);
    for (let count = 0; count < 5; count++) document = run(document, addComponentInView, { kindId: 'ecs-service', view }).document;
    const index = new DocumentIndex(document);
    const rects = document.nodes.map((candidate) => index.absoluteRect(candidate.id));
    for (const [at, rect] of rects.entries()) {
      expect(rect.x >= view.x && rect.y >= view.y && rect.x + rect.width <= view.width && rect.y + rect.height <= view.height).toBe(true);
      for (const other of rects.slice(at + 1)) {
        const overlap =
          rect.x < other.x + other.width &&
          other.x < rect.x + rect.width &&
          rect.y < other.y + other.height &&
          other.y < rect.y + rect.height;
        expect(overlap).toBe(false);
      }
    }
  });

  it('goes into the selected group when it may hold the kind, beside what is there', () => {
    const document = doc([group('ecs-fargate-capacity', 'capacity', 2000, 2000, 600, 400), leaf('ecs-service', 'api', 24, 48, 'capacity')]);
    const result = run(document, addComponentInView, { kindId: 'ecs-service', view, into: 'capacity' });
    const [service] = added(document, result.document);
    expect(service!.parentId).toBe('capacity');
    expect(service!.position).not.toEqual({ x: 24, y: 48 });
  });

  it('ignores a selected group that cannot hold the kind', () => {
    const document = doc([group('subnet', 'subnet', 2000, 2000, 400, 220)]);
    const [service] = added(document, run(document, addComponentInView, { kindId: 'ecs-service', view, into: 'subnet' }).document);
    expect(service!.parentId).toBeUndefined();
  });
});

describe('paste and duplicate', () => {
  const cluster = () =>
    doc([
      group('eks-cluster', 'eks', 20, 20, 820, 360),
      group('eks-managed-node-group', 'nodes', 24, 60, 360, 260, 'eks'),
      leaf('eks-workload', 'web', 40, 60, 'nodes'),
      group('eks-fargate-profile', 'profile', 420, 60, 360, 260, 'eks'),
      group('vpc', 'vpc', 900, 20, 400, 300),
    ]);

  it('never re-parents by where it lands: with the copied workload selected it goes beside it, wherever the pointer is', () => {
    const document = cluster();
    const fragment = extractFragment(document, ['web']);
    const profile = new DocumentIndex(document).absoluteRect('profile');
    const result = run(document, paste, { fragment, at: { x: profile.x + 100, y: profile.y + 100 } }, select('web'));
    const [copy] = added(document, result.document);
    expect(copy!.parentId).toBe('nodes');
    expect(copy!.position).toEqual({ x: 64, y: 84 });
    expect(result.report?.refusedBy).toBeUndefined();
  });

  it('goes into a selected group that may hold it, at the pointer when the pointer is inside', () => {
    const document = cluster();
    const fragment = extractFragment(document, ['web']);
    const profile = new DocumentIndex(document).absoluteRect('profile');
    const at = { x: profile.x + 60, y: profile.y + 80 };
    const result = run(document, paste, { fragment, at }, select('profile'));
    const [copy] = added(document, result.document);
    expect(copy!.parentId).toBe('profile');
    expect(new DocumentIndex(result.document).absolutePosition(copy!.id)).toEqual(at);
  });

  it('goes on the canvas with the refusing group named when the selected group cannot hold it', () => {
    const document = cluster();
    const result = run(document, paste, { fragment: extractFragment(document, ['web']) }, select('vpc'));
    const [copy] = added(document, result.document);
    expect(copy!.parentId).toBeUndefined();
    expect(result.report?.refusedBy).toBe('vpc');
  });

  it('with nothing selected goes beside the originals, one step further for each copy already there', () => {
    const document = cluster();
    const fragment = extractFragment(document, ['web']);
    const once = run(document, paste, { fragment });
    const twice = run(once.document, paste, { fragment });
    const [first] = added(document, once.document);
    const [second] = added(once.document, twice.document);
    expect(first!.parentId).toBe('nodes');
    expect(first!.position).toEqual({ x: 64, y: 84 });
    expect(second!.position).toEqual({ x: 88, y: 108 });
  });

  it('keeps the copied structure and selects the copy', () => {
    const document = cluster();
    const fragment = extractFragment(document, ['eks']);
    const result = run(document, paste, { fragment, at: { x: 2000, y: 2000 } });
    const copies = added(document, result.document);
    expect(copies.map((copy) => copy.kind)).toEqual(['eks-cluster', 'eks-managed-node-group', 'eks-workload', 'eks-fargate-profile']);
    const top = copies[0]!;
    expect(top.parentId).toBeUndefined();
    expect(copies.slice(1).every((copy) => copies.some((parent) => parent.id === copy.parentId))).toBe(true);
    expect(result.selection).toEqual({ nodeIds: [top.id], edgeIds: [] });
    expectLoadable(result.document);
  });

  it('a pasted group takes in what it lands over and may hold', () => {
    const document = doc([group('region', 'region', 20, 20, 300, 200), group('eks-cluster', 'eks', 460, 360, 260, 160)]);
    const result = run(document, paste, { fragment: extractFragment(document, ['region']), at: { x: 440, y: 310 } }, select('region'));
    const [copy] = added(document, result.document);
    expect(node(result.document, 'eks').parentId).toBe(copy!.id);
    expect(result.report?.adopted).toEqual([{ groupId: copy!.id, nodeIds: ['eks'] }]);
  });

  it('duplicate keeps the copy in the original’s group', () => {
    const document = cluster();
    const result = run(document, duplicate, { nodeIds: ['web'] });
    const [copy] = added(document, result.document);
    expect(copy!.parentId).toBe('nodes');
    expect(result.selection).toEqual({ nodeIds: [copy!.id], edgeIds: [] });
  });
});

describe('restack', () => {
  it('is labelled after the command and changes only the order among siblings', () => {
    const document = doc([group('vpc', 'a', 0, 0, 300, 200), group('vpc', 'b', 100, 50, 300, 200)]);
    const result = run(document, restackNodes, { nodeIds: ['a'], move: 'front' });
    expect(result.document.nodes.map((candidate) => candidate.id)).toEqual(['b', 'a']);
    expect(restackNodes.label({ nodeIds: ['a'], move: 'front' }, document)).toBe('Bring to Front');
    expect(restackNodes.label({ nodeIds: ['a'], move: 'backward' }, document)).toBe('Send Backward');
    expect(run(result.document, restackNodes, { nodeIds: ['a'], move: 'front' }).document).toBe(result.document);
  });
});

describe('nesting messages', () => {
  it('name the group, what it may hold, and where the component could go', () => {
    const document = doc([group('subnet', 'subnet', 0, 0, 400, 220)]);
    document.nodes[0]!.label = 'private-a';
    const message = cannotHold(document, 'subnet', 'ecs-service');
    expect(message).toContain('Subnet "private-a" cannot hold ECS service');
    expect(message).toContain('NAT gateway');
    expect(nestingHint('ecs-service')).toMatch(/^Drop it inside ECS cluster, .* or /);
    expect(nestingHint('region')).toBe('');
  });
});
