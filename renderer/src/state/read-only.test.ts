import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandId } from '../../../shared/commands/definitions';
import { createDocument, loadDocument, serializeDocument, type NewerContent } from '../../../shared/document';
import { addComponent, renameNode } from '../../../shared/operations';
import { CommandRegistry, type CommandBehaviour } from '../commands/registry';
import { createDocumentStore, textToSave } from './document-store';
import { runOperation } from './run-operation';
import { createSessionStore } from './session-store';
import { createUiStore } from './ui-store';

/** A read-only document (from a newer Stowage) refuses every edit, in the one place edits go through. */

const newerText = `${JSON.stringify(
  {
    schemaVersion: 1,
    metadata: { title: 'Later', description: '', owner: 'payments' },
    nodes: [
      { id: 'users', kind: 'internet', label: 'Users', position: { x: 0, y: 0 }, props: {} },
      { id: 'runner', kind: 'apprunner-service', label: 'api', position: { x: 400, y: 0 }, props: { cpu: '1 vCPU' } },
    ],
    edges: [],
  },
  null,
  2,
)}\n`;

function newerContent(): { document: ReturnType<typeof createDocument>; newer: NewerContent } {
  const loaded = loadDocument(newerText);
  if (!loaded.ok || !loaded.newer) throw new Error('expected a read-only load');
  return { document: loaded.document, newer: loaded.newer };
}

function readOnlyWindow() {
  const { document, newer } = newerContent();
  const documents = createDocumentStore();
  documents.getState().replace(document, { path: '/tmp/later.stowage', name: 'later.stowage' }, { readOnly: newer });
  return { documents, session: createSessionStore(), ui: createUiStore() };
}

describe('runOperation on a read-only document', () => {
  it('runs nothing, records nothing, and says why', () => {
    const app = readOnlyWindow();
    const before = app.documents.getState().document;
    const outcome = runOperation(app, renameNode, { nodeId: 'users', label: 'Everyone' });
    expect(outcome.changed).toBe(false);
    expect(outcome.report).toBeUndefined();
    expect(outcome.refused).toMatch(/read-only.*newer version of Stowage.*Save As/);
    expect(runOperation(app, addComponent, { kindId: 'efs', center: { x: 0, y: 0 } }).changed).toBe(false);
    expect(app.documents.getState().document).toBe(before);
    expect(app.documents.getState().history.past).toHaveLength(0);
    expect(app.ui.getState().toasts.map((toast) => toast.message)).toEqual([outcome.refused]);
  });

  it('the store itself refuses a commit, whoever tries', () => {
    const app = readOnlyWindow();
    const before = app.documents.getState().document;
    expect(
      app.documents.getState().commit(createDocument('other'), {
        label: 'x',
        selectionBefore: { nodeIds: [], edgeIds: [] },
        selectionAfter: { nodeIds: [], edgeIds: [] },
      }),
    ).toBe(false);
    expect(app.documents.getState().document).toBe(before);
  });

  it('edits again once another document replaces it', () => {
    const app = readOnlyWindow();
    app.documents.getState().replace(createDocument(), null);
    expect(runOperation(app, addComponent, { kindId: 'efs', center: { x: 0, y: 0 } }).changed).toBe(true);
  });
});

describe('textToSave', () => {
  it('is the file exactly as read while read-only, unknown content included', () => {
    const app = readOnlyWindow();
    expect(textToSave(app.documents.getState())).toBe(newerText);
    expect(serializeDocument(app.documents.getState().document)).not.toContain('owner');
  });

  it('is the serialized document otherwise', () => {
    const documents = createDocumentStore();
    expect(textToSave(documents.getState())).toBe(serializeDocument(documents.getState().document));
  });
});

describe('commands on a read-only document', () => {
  const behaviours = () => {
    const ran: string[] = [];
    const record = Object.fromEntries(COMMANDS.map((command) => [command.id, { run: () => void ran.push(command.id) }])) as Record<
      CommandId,
      CommandBehaviour
    >;
    return { ran, record };
  };

  it('turns off every command but those that leave the document alone, and explains a refused one', async () => {
    let reason: string | null = 'read-only because newer';
    const refused: string[] = [];
    const { ran, record } = behaviours();
    const registry = new CommandRegistry(record, {
      reason: () => reason,
      refused: (command, why) => refused.push(`${command.id}: ${why}`),
    });
    const editing = COMMANDS.filter((command) => !('availableReadOnly' in command)).map((command) => command.id);
    expect(editing).toEqual(
      expect.arrayContaining(['edit.delete', 'edit.paste', 'edit.cut', 'edit.undo', 'edit.nudgeLeft', 'file.save', 'arrange.alignLeft']),
    );
    expect(editing).not.toContain('edit.copy');
    expect(editing).not.toContain('file.saveAs');
    for (const id of editing) expect(registry.isEnabled(id), id).toBe(false);
    expect(registry.enabledIds()).not.toContain('edit.delete');
    expect(registry.enabledIds()).toEqual(expect.arrayContaining(['edit.copy', 'file.saveAs', 'view.fit']));

    expect(await registry.run('edit.delete')).toBe(false);
    expect(refused).toEqual(['edit.delete: read-only because newer']);
    expect(await registry.run('edit.copy')).toBe(true);
    expect(ran).toEqual(['edit.copy']);

    reason = null;
    expect(registry.isEnabled('edit.delete')).toBe(true);
    expect(await registry.run('edit.delete')).toBe(true);
    expect(ran).toEqual(['edit.copy', 'edit.delete']);
  });
});
