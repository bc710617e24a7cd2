import { describe, expect, it } from 'vitest';
import { createDocument, LIMITS, savedByteLength } from '../../../shared/document';
import { largeDocument } from '../../../shared/document/large-documents.test-support';
import { addComponent, deleteSelected, renameNode, setDescription } from '../../../shared/operations';
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

  it('refuses an edit after which the diagram could not be saved and opened again, and says why', () => {
    const app = stores();
    app.documents.getState().replace(largeDocument({ nodes: LIMITS.maxNodes, edges: 0 }), null);
    const outcome = runOperation(app, addComponent, { kindId: 'ecr-repository', center: { x: 0, y: 0 } });
    expect(outcome.changed).toBe(false);
    expect(outcome.refused).toMatch(
      /^Add ECR repository was not done: the diagram could not be saved any more\. It would hold 20,001 components/,
    );
    expect(app.documents.getState().document.nodes).toHaveLength(LIMITS.maxNodes);
    expect(app.documents.getState().history.past).toHaveLength(0);
  });

  it('refuses a description that would take the saved text over the file limit', () => {
    const app = stores();
    const document = largeDocument({ nodes: 15_000, edges: 0, label: () => '\u0001'.repeat(LIMITS.maxLabelLength) });
    // Within 50 kB of the limit; a description of escaped control characters takes 60 kB.
    expect(LIMITS.maxFileBytes - savedByteLength(document)).toBeGreaterThan(0);
    expect(LIMITS.maxFileBytes - savedByteLength(document)).toBeLessThan(50_000);
    app.documents.getState().replace(document, null);
    const outcome = runOperation(app, setDescription, { description: '\u0001'.repeat(LIMITS.maxDescriptionLength) });
    expect(outcome.refused).toMatch(
      /^Edit description was not done: .* Saved, it would take 20\.\d\d MB; a Stowage file holds at most 20 MB\./,
    );
    expect(app.documents.getState().document).toBe(document);
  });
});
