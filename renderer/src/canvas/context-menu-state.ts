import { create } from 'zustand';

export type ContextTarget = { type: 'node'; id: string } | { type: 'edge'; id: string } | { type: 'pane' } | { type: 'selection' };

export interface ContextMenuState {
  menu: { x: number; y: number; target: ContextTarget } | null;
  open: (menu: { x: number; y: number; target: ContextTarget }) => void;
  close: () => void;
}

/** Where the canvas context menu is open, if it is. UI-only state. */
export const useContextMenu = create<ContextMenuState>()((set) => ({
  menu: null,
  open: (menu) => set({ menu }),
  close: () => set({ menu: null }),
}));
