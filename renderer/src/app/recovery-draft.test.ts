import { describe, expect, it, vi } from 'vitest';
import { createDocument, LIMITS } from '../../../shared/document';
import type { HostApi } from '../../../shared/host/contract';
import { createDocumentStore } from '../state/document-store';
import { createUiStore } from '../state/ui-store';
import { writeRecoveryDraft } from './recovery-draft';

function app(writeDraft: HostApi['writeDraft'], description = '') {
  const documents = createDocumentStore();
  documents.getState().replace({ ...createDocument(), metadata: { title: 'Work', description } }, null, { saved: false });
  return { host: { writeDraft } as HostApi, documents, ui: createUiStore() };
}

describe('writeRecoveryDraft', () => {
  it('tells the user when the host fails to write the draft, instead of swallowing it', async () => {
    const services = app(() => Promise.reject(new Error('draft:write: invalid request')));
    expect(await writeRecoveryDraft(services)).toBe(false);
    expect(services.ui.getState().toasts.map((toast) => toast.message)).toEqual([
      'Your unsaved changes could not be kept as a recovery draft: draft:write: invalid request. Save the diagram to keep them.',
    ]);
  });

  it('does not hand the host a draft over the file limit, and says why', async () => {
    const writeDraft = vi.fn();
    const services = app(writeDraft, 'x'.repeat(LIMITS.maxFileBytes));
    expect(await writeRecoveryDraft(services)).toBe(false);
    expect(writeDraft).not.toHaveBeenCalled();
    expect(services.ui.getState().toasts[0]?.message).toMatch(/recovery draft: Saved, it would take 20\.00 MB/);
  });

  it('writes the draft otherwise', async () => {
    const writeDraft = vi.fn(() => Promise.resolve(null));
    expect(await writeRecoveryDraft(app(writeDraft))).toBe(true);
    expect(writeDraft).toHaveBeenCalledTimes(1);
  });
});
