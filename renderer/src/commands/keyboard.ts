import { useEffect } from 'react';
import type { AppServices } from '../app/services';
import { copySelection, cutSelection, pasteText } from './edit-actions';
import { pasteMessage } from '../canvas/placement-messages';
import { hasOwnUndo, isActivatable, isEditableTarget, matchesShortcut } from './shortcuts';

/** Commands whose shortcut a document field passes on once its text is committed (see hasOwnUndo). */
const DOCUMENT_UNDO = new Set(['edit.undo', 'edit.redo']);
/** Keys that press a focused button; a command with such a shortcut leaves them to the button. */
const ACTIVATION_KEYS = new Set(['Enter', ' ']);

/**
 * Keyboard shortcuts for every command with one, and the platform's cut/copy/paste events
 * for the clipboard commands (so text fields keep their own clipboard behaviour).
 * In Electron the menu also carries the modified shortcuts: on macOS the menu sees them
 * first and the page never does; elsewhere the page sees them first, and preventDefault
 * here stops the menu from running the command a second time.
 */
export function useKeyboardShortcuts(services: AppServices): void {
  useEffect(() => {
    const isMac = services.host.platform === 'mac';

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isEditableTarget(event.target);
      for (const command of services.commands.all()) {
        if (command.nativeRole || !command.shortcuts) continue;
        const shortcut = command.shortcuts.find((candidate) => matchesShortcut(event, candidate, isMac));
        if (!shortcut) continue;
        if (typing && !command.whileTyping && !(DOCUMENT_UNDO.has(command.id) && !hasOwnUndo(event.target))) return;
        if (ACTIVATION_KEYS.has(event.key) && isActivatable(event.target)) return;
        if (!services.commands.isEnabled(command.id)) {
          // On a read-only diagram an editing key says why it does nothing.
          if (services.commands.blockedReason(command.id) !== null) {
            event.preventDefault();
            void services.commands.run(command.id);
          }
          return;
        }
        event.preventDefault();
        void services.commands.run(command.id);
        return;
      }
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isEditableTarget(document.activeElement)) return;
      const text = copySelection(services);
      if (!text) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    /** Cut and paste arrive as platform events (the native menu's roles too): a read-only diagram refuses them here. */
    const refusedAsReadOnly = (event: ClipboardEvent, id: 'edit.cut' | 'edit.paste') => {
      if (services.commands.blockedReason(id) === null) return false;
      event.preventDefault();
      void services.commands.run(id);
      return true;
    };
    const onCut = (event: ClipboardEvent) => {
      if (isEditableTarget(document.activeElement)) return;
      if (refusedAsReadOnly(event, 'edit.cut')) return;
      const text = cutSelection(services);
      if (!text) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(document.activeElement)) return;
      if (refusedAsReadOnly(event, 'edit.paste')) return;
      const text = event.clipboardData?.getData('text/plain') ?? null;
      const report = pasteText(services, text, services.pointer.current ?? undefined);
      if (!report) return;
      event.preventDefault();
      const message = pasteMessage(services.documents.getState().document, report);
      if (message) services.ui.getState().toast(message, 'info');
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [services]);
}
