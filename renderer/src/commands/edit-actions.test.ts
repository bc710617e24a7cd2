import { describe, expect, it } from 'vitest';
import { createDocument, createNode, type DiagramDocument, type DiagramNode } from '../../../shared/document';
import { Slot, type AppServices, type CanvasController } from '../app/services';
import { createDocumentStore } from '../state/document-store';
import { undoLabel } from '../state/history';
import { createSessionStore } from '../state/session-store';
import { createUiStore } from '../state/ui-store';
import {
  addComponentInView,
  commitDrag,
  copySelection,
  cutSelection,
  duplicateSelection,
  pasteText,
  renameNodeTo,
  restackSelection,
} from './edit-actions';

function group(kind: string, id: string, x: number, y: number, width: number, height: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, size: { width, height }, ...(parentId ? { parentId } : {}) });
}

function leaf(kind: string, id: string, x: number, y: number, parentId?: string): DiagramNode {
  return createNode(kind, { id, position: { x, y }, ...(parentId ? { parentId } : {}) });
}

/** The window's services with real stores, and a canvas that shows the flow rectangle `view`. */
function services(nodes: DiagramNode[], view = { x: 0, y: 0, width: 1000, height: 800 }): AppServices {
  let clock = 0;
  const document: DiagramDocument = { ...createDocument(), nodes };
  const canvas = new Slot<CanvasController>();
  canvas.set({ visibleRect: () => view } as Partial<CanvasController> as CanvasController);
  return {
    documents: createDocumentStore(document, () => (clock += 10_000)),
    session: createSessionStore(),
    ui: createUiStore(),
    canvas,
    pointer: new Slot(),
  } as Partial<AppServices> as AppServices;
}

const nodes = (app: AppServices) => app.documents.getState().document.nodes;
const selected = (app: AppServices) => [...app.session.getState().selectedNodeIds];
const lastStep = (app: AppServices) => undoLabel(app.documents.getState().history);

describe('edit actions', () => {
  it('copy and paste: the copy goes beside the selected original, is selected, and is one labelled step', () => {
    const app = services([group('ecs-fargate-capacity', 'capacity', 0, 0, 600, 400), leaf('ecs-service', 'api', 40, 60, 'capacity')]);
    app.session.getState().select(['api']);
    const text = copySelection(app);
    expect(text).toContain('"api"');
    const report = pasteText(app, text);
    expect(report?.parentId).toBe('capacity');
    const copy = nodes(app).find((node) => node.id === report!.insertedIds[0])!;
    expect(copy.position).toEqual({ x: 64, y: 84 });
    expect(selected(app)).toEqual([copy.id]);
    expect(lastStep(app)).toBe('Paste');
  });

  it('paste refuses text that is not a Stowage fragment, and falls back to the last copy when the clipboard is empty', () => {
    const app = services([leaf('ecr-repository', 'repo', 0, 0)]);
    expect(pasteText(app, 'hello')).toBeUndefined();
    app.session.getState().select(['repo']);
    copySelection(app);
    app.session.getState().clearSelection();
    expect(pasteText(app, null)?.insertedIds).toHaveLength(1);
  });

  it('paste at the pointer puts the copy there on the canvas', () => {
    const app = services([leaf('ecr-repository', 'repo', 0, 0)]);
    app.session.getState().select(['repo']);
    const text = copySelection(app);
    app.session.getState().clearSelection();
    const report = pasteText(app, text, { x: 500, y: 300 })!;
    expect(nodes(app).find((node) => node.id === report.insertedIds[0])!.position).toEqual({ x: 500, y: 300 });
  });

  it('cut copies and deletes in one step; duplicate copies a group with its contents', () => {
    const app = services([group('ecs-cluster', 'cluster', 0, 0, 600, 400), leaf('ecs-service', 'api', 40, 60, 'cluster')]);
    app.session.getState().select(['cluster']);
    duplicateSelection(app);
    expect(nodes(app)).toHaveLength(4);
    expect(lastStep(app)).toBe('Duplicate');
    app.session.getState().select(['cluster']);
    expect(cutSelection(app)).toContain('"cluster"');
    expect(nodes(app)).toHaveLength(2);
    expect(lastStep(app)).toBe('Delete');
  });

  it('click-to-add asks the canvas what is in view and goes into the selected group that may hold the kind', () => {
    const app = services([group('ecs-fargate-capacity', 'capacity', 3000, 3000, 600, 400)]);
    app.session.getState().select(['capacity']);
    const report = addComponentInView(app, 'ecs-service')!;
    expect(nodes(app).find((node) => node.id === report.nodeId)!.parentId).toBe('capacity');
    app.session.getState().clearSelection();
    const loose = addComponentInView(app, 'ecr-repository')!;
    const repo = nodes(app).find((node) => node.id === loose.nodeId)!;
    expect(repo.parentId).toBeUndefined();
    expect(repo.position.x).toBeGreaterThanOrEqual(0);
    expect(repo.position.x + 220).toBeLessThanOrEqual(1000);
  });

  it('commitDrag goes by the pointer and reports a refusal', () => {
    const app = services([group('subnet', 'subnet', 0, 0, 400, 220), leaf('ecs-service', 'api', 600, 600)]);
    const report = commitDrag(app, { items: [{ id: 'api', position: { x: 100, y: 80 } }], pointer: { x: 150, y: 100 }, grabbedId: 'api' });
    expect(report.refused).toEqual([{ nodeId: 'api', groupId: 'subnet' }]);
    expect(lastStep(app)).toBe('Move');
  });

  it('restack and rename are each one labelled step on the selection', () => {
    const app = services([group('vpc', 'a', 0, 0, 300, 200), group('vpc', 'b', 100, 50, 300, 200)]);
    app.session.getState().select(['a']);
    restackSelection(app, 'front');
    expect(nodes(app).map((node) => node.id)).toEqual(['b', 'a']);
    expect(lastStep(app)).toBe('Bring to Front');
    renameNodeTo(app, 'a', 'shared');
    expect(nodes(app).find((node) => node.id === 'a')!.label).toBe('shared');
    expect(lastStep(app)).toBe('Rename');
    app.session.getState().clearSelection();
    restackSelection(app, 'back');
    expect(lastStep(app)).toBe('Rename');
  });
});
