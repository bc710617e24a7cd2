import { create } from 'zustand';

export interface RenamingState {
  /** The node whose name is being edited in place on the canvas, if any. UI-only state. */
  nodeId: string | null;
  open: (nodeId: string) => void;
  close: () => void;
}

export const useRenaming = create<RenamingState>()((set) => ({
  nodeId: null,
  open: (nodeId) => set({ nodeId }),
  close: () => set({ nodeId: null }),
}));
