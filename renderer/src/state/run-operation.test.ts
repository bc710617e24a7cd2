import { describe, expect, it } from 'vitest';
import { createDocument } from '../../../shared/document';
import { addComponent, deleteSelected, renameNode } from '../../../shared/operations';
import { createDocumentStore } from './document-store';
import { undoLabel } from './history';
import { redoWithSelection, runOperation, undoWithSelection } from './run-operation';
import { createSessionStore } from './session-store';

function stores() {
  let clock = 0;
  return { documents: createDocumentStore(createDocument(), () => (clock += 10_000)), session: createSessionStore() };
}

describe('runOperation', () => {
  it('records one labelled step, selects what the operation selects, and undo/redo restore the selection', () => {
    const app = stores();
    const first = runOperation(app, addComponent, { kindId: 'ecr-repository', center: { x: 0, y: 0 } }).report!.nodeId;
    const second = runOperation(app, addComponent, { kindId: 'efs', center: { x: 400, y: 0 } }).report!.nodeId;
    expect([...app.session.getState().selectedNodeIds]).toEqual([second]);
    app.session.getState().select([first, second]);

    const outcome = runOperation(app, deleteSelected, { nodeIds: [first, second], edgeIds: [] });
    expect(outcome.changed).toBe(true);
    expect(app.documents.getState().document.nodes).toHaveLength(0);
    expect(app.session.getState().selectedNodeIds.size).toBe(0);
    expect(undoLabel(app.documents.getState().history)).toBe('Delete 2 items');

    expect(undoWithSelection(app)).toBe(true);
    expect(app.documents.getState().document.nodes).toHaveLength(2);
    expect([...app.session.getState().selectedNodeIds].sort()).toEqual([first, second].sort());

    expect(redoWithSelection(app)).toBe(true);
    expect(app.documents.getState().document.nodes).toHaveLength(0);
    expect(app.session.getState().selectedNodeIds.size).toBe(0);

    undoWithSelection(app);
    undoWithSelection(app);
    expect([...app.session.getState().selectedNodeIds]).toEqual([first]);
  });

  it('records nothing when the operation changes nothing', () => {
    const app = stores();
    const outcome = runOperation(app, renameNode, { nodeId: 'missing', label: 'x' });
    expect(outcome.changed).toBe(false);
    expect(app.documents.getState().history.past).toHaveLength(0);
    expect(undoWithSelection(app)).toBe(false);
  });
});
