import { describe, expect, it, vi } from 'vitest';
import { createDocument, LIMITS, type DiagramDocument } from '../../../shared/document';
import type { HostApi } from '../../../shared/host/contract';
import { Slot, type AppServices } from '../app/services';
import { createDocumentStore, isDirty } from '../state/document-store';
import { createSessionStore } from '../state/session-store';
import { createUiStore } from '../state/ui-store';
import { save, saveAs } from './file-actions';

function services(host: Partial<HostApi>, document: DiagramDocument = createDocument()): AppServices {
  const documents = createDocumentStore(document);
  return {
    host: { clearDraft: () => Promise.resolve(null), ...host } as HostApi,
    documents,
    session: createSessionStore(),
    ui: createUiStore(),
    canvas: new Slot(),
    pointer: new Slot(),
  } as Partial<AppServices> as AppServices;
}

/** A document whose saved text is over the file limit: held only if something went around the edit checks. */
function oversized(): DiagramDocument {
  return { ...createDocument(), metadata: { title: 'Big', description: 'x'.repeat(LIMITS.maxFileBytes) } };
}

describe('save', () => {
  it('refuses a text Stowage would not open again, before writing, says so and keeps the document unsaved', async () => {
    const saveDocumentAs = vi.fn();
    const app = services({ saveDocumentAs });
    app.documents.getState().replace(oversized(), null, { saved: false });
    expect(await saveAs(app)).toBe(false);
    expect(saveDocumentAs).not.toHaveBeenCalled();
    const dialog = app.ui.getState().dialog;
    expect(dialog).toMatchObject({ type: 'error', title: 'Could not save' });
    expect(JSON.stringify(dialog)).toMatch(/too large to save: Stowage could not open the file again\. Saved, it would take 20\.00 MB/);
    expect(isDirty(app.documents.getState())).toBe(true);
  });

  it('reports a host that fails outright (a refused bridge call) instead of dropping the promise, and stays unsaved', async () => {
    const app = services({
      saveDocument: () => Promise.reject(new Error('file:save: invalid request')),
      saveDocumentAs: () => Promise.reject(new Error('file:save-as: invalid request')),
    });
    app.documents.getState().replace(createDocument('Work'), { path: '/tmp/work.stowage', name: 'work.stowage' }, { saved: false });
    expect(await save(app)).toBe(false);
    expect(JSON.stringify(app.ui.getState().dialog)).toContain('The diagram could not be written (file:save: invalid request).');
    expect(isDirty(app.documents.getState())).toBe(true);
  });
});
