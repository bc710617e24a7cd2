import { useEffect } from 'react';
import { decodeDocumentBytes, LIMITS, loadDocument } from '../../../shared/document';
import { confirmReplace, openResult, openText } from '../files/file-actions';
import { documentName, isDirty, textToSave } from '../state/document-store';
import { writeRecoveryDraft } from './recovery-draft';
import type { AppServices } from './services';

const DRAFT_DELAY_MS = 1500;

/**
 * Keeps the host in step with the document: window title and unsaved marker, menu enabled
 * states, recovery drafts of unsaved work, close requests, menu clicks, and files the OS
 * or the user hands to the window.
 */
export function useWindowSync(services: AppServices): void {
  const { host, documents, session, commands, ui } = services;

  // Title, unsaved marker and which menu items are enabled.
  useEffect(() => {
    let scheduled = 0;
    const push = () => {
      scheduled = 0;
      const state = documents.getState();
      void host
        .setWindowState({
          title: state.readOnly ? `${documentName(state)} (read-only)` : documentName(state),
          edited: isDirty(state),
          enabledCommands: commands.enabledIds(),
          commandLabels: commands.changedLabels(),
        })
        .catch(() => undefined);
    };
    const schedule = () => {
      if (!scheduled) scheduled = requestAnimationFrame(push);
    };
    push();
    const unsubscribeDocuments = documents.subscribe(schedule);
    const unsubscribeSession = session.subscribe(schedule);
    return () => {
      unsubscribeDocuments();
      unsubscribeSession();
      if (scheduled) cancelAnimationFrame(scheduled);
    };
  }, [commands, documents, host, session]);

  // Recovery draft: unsaved work is written shortly after each change.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = documents.subscribe((state, previous) => {
      if (state.document === previous.document) return;
      clearTimeout(timer);
      if (!isDirty(state)) return;
      timer = setTimeout(() => {
        const current = documents.getState();
        if (!isDirty(current)) return;
        void writeRecoveryDraft(services);
      }, DRAFT_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [documents, services]);

  // Host events: menu clicks, close requests, files to open.
  useEffect(() => {
    const offMenu = host.on('menuCommand', ({ commandId }) => void commands.run(commandId));
    const offClose = host.on('closeRequested', () => {
      void (async () => {
        if (!(await confirmReplace(services))) return;
        await host.clearDraft({});
        await host.closeWindow({});
      })();
    });
    const offOpen = host.on('openFile', (result) => {
      void (async () => {
        if (await confirmReplace(services)) await openResult(services, result);
      })();
    });
    return () => {
      offMenu();
      offClose();
      offOpen();
    };
  }, [commands, host, services]);

  // A .stowage file dropped anywhere on the window opens it.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      void (async () => {
        if (file.size > LIMITS.maxFileBytes) {
          ui.getState().showError(
            `Could not open ${file.name}`,
            `The file is larger than ${LIMITS.maxFileBytes / (1024 * 1024)} MB, which no Stowage diagram needs. Check that you picked the right file.`,
          );
          return;
        }
        if (!(await confirmReplace(services))) return;
        // Dropped files have no path the app may write to, so they open as unsaved copies of the file.
        // Their bytes go through the one decoder (file.text() would turn bad bytes into U+FFFD).
        const decoded = decodeDocumentBytes(new Uint8Array(await file.arrayBuffer()));
        if (!decoded.ok) {
          ui.getState().showError(`Could not open ${file.name}`, decoded.message);
          return;
        }
        await openText(services, decoded.text, null);
      })();
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [services, ui]);
}

/**
 * At start-up, before anything else asks the host for drafts: starts this window's own
 * draft and, if a window that is gone left unsaved work, offers it back. Recovering makes it
 * this window's draft (written before the old one is deleted, so a crash in between keeps
 * both); discarding deletes it. A draft that cannot be loaded is kept for a later version.
 */
export async function offerDraftRecovery(services: AppServices): Promise<void> {
  const { host, ui, documents } = services;
  const offered = await host.beginDrafts({}).catch(() => null);
  if (!offered) return;
  const recover = await ui.getState().askRecoverDraft(offered.savedAt, offered.file?.name ?? null);
  if (!recover) {
    await host.discardDraft({ id: offered.id }).catch(() => undefined);
    return;
  }
  const draft = await host.readDraft({ id: offered.id }).catch(() => null);
  if (!draft) {
    ui.getState().showError('Could not recover the draft', 'The recovery draft could no longer be read.');
    return;
  }
  const loaded = loadDocument(draft.text);
  if (!loaded.ok) {
    ui.getState().showError('Could not recover the draft', loaded.error.message);
    return;
  }
  documents.getState().replace(loaded.document, draft.file, { saved: false, ...(loaded.newer ? { readOnly: loaded.newer } : {}) });
  requestAnimationFrame(() => services.canvas.current?.fitView());
  try {
    // A read-only draft is kept as it was read (textToSave), unknown content included.
    await host.writeDraft({ text: textToSave(documents.getState()), file: draft.file });
  } catch {
    // The old draft stays, so the work is still offered after another crash.
    return;
  }
  await host.discardDraft({ id: offered.id }).catch(() => undefined);
}
