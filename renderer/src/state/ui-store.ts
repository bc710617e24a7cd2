import { createStore } from 'zustand/vanilla';
import type { UnsavedChangesChoice } from '../../../shared/host/contract';

/**
 * Dialogs and notifications. Dialogs resolve a promise, so flows such as "ask before
 * replacing an unsaved document" read as straight-line code.
 */
export type DialogRequest =
  | { type: 'error'; title: string; message: string; details: string[] }
  | { type: 'unsaved-changes'; documentName: string; resolve: (choice: UnsavedChangesChoice) => void }
  | { type: 'recover-draft'; savedAt: string; fileName: string | null; resolve: (recover: boolean) => void }
  | { type: 'shortcuts' }
  | { type: 'about' }
  | { type: 'start' }
  | { type: 'learn'; kindId: string }
  | { type: 'export'; tab: 'image' | 'cdk' };

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'warning' | 'error';
}

export interface UiState {
  dialog: DialogRequest | null;
  toasts: readonly Toast[];
}

export interface UiActions {
  showError(title: string, message: string, details?: string[]): void;
  askUnsavedChanges(documentName: string): Promise<UnsavedChangesChoice>;
  askRecoverDraft(savedAt: string, fileName: string | null): Promise<boolean>;
  showShortcuts(): void;
  showAbout(): void;
  /** The start screen: templates, the trainer's own, recent files. */
  showStart(): void;
  /** A kind's learn card on its own (the concept a rule teaches). */
  showLearn(kindId: string): void;
  showExport(tab?: 'image' | 'cdk'): void;
  closeDialog(): void;
  toast(message: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}

export type UiStore = ReturnType<typeof createUiStore>;

const TOAST_MS = 4000;

export function createUiStore() {
  let nextToast = 1;
  return createStore<UiState & UiActions>()((set, get) => ({
    dialog: null,
    toasts: [],
    showError(title, message, details = []) {
      set({ dialog: { type: 'error', title, message, details } });
    },
    askUnsavedChanges(documentName) {
      return new Promise((resolve) => {
        set({
          dialog: {
            type: 'unsaved-changes',
            documentName,
            resolve: (choice) => {
              set({ dialog: null });
              resolve(choice);
            },
          },
        });
      });
    },
    askRecoverDraft(savedAt, fileName) {
      return new Promise((resolve) => {
        set({
          dialog: {
            type: 'recover-draft',
            savedAt,
            fileName,
            resolve: (recover) => {
              set({ dialog: null });
              resolve(recover);
            },
          },
        });
      });
    },
    showShortcuts() {
      set({ dialog: { type: 'shortcuts' } });
    },
    showAbout() {
      set({ dialog: { type: 'about' } });
    },
    showStart() {
      set({ dialog: { type: 'start' } });
    },
    showLearn(kindId) {
      set({ dialog: { type: 'learn', kindId } });
    },
    showExport(tab = 'image') {
      set({ dialog: { type: 'export', tab } });
    },
    closeDialog() {
      const dialog = get().dialog;
      if (dialog?.type === 'unsaved-changes') dialog.resolve('cancel');
      else if (dialog?.type === 'recover-draft') dialog.resolve(false);
      else set({ dialog: null });
    },
    toast(message, tone = 'info') {
      // A message already on screen is not stacked again (a key held down on a read-only diagram).
      if (get().toasts.some((toast) => toast.message === message)) return;
      const id = nextToast++;
      set({ toasts: [...get().toasts.slice(-3), { id, message, tone }] });
      setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast(id) {
      set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
    },
  }));
}
