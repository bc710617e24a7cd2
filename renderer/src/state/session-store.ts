import { createStore } from 'zustand/vanilla';

/**
 * What the user is doing, not what they made: selection, view toggles, transient canvas
 * feedback. Never saved into the document and never part of undo.
 */
export interface SessionState {
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  snapToGrid: boolean;
  showMinimap: boolean;
  showProblems: boolean;
  /** The group a dragged node would land in, highlighted while dragging. */
  dropTargetId: string | null;
  /** Where the pointer last was on the canvas, in flow coordinates (paste goes there). */
  lastPointer: { x: number; y: number } | null;
}

export interface SessionActions {
  select(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  clearSelection(): void;
  setSnapToGrid(on: boolean): void;
  setShowMinimap(on: boolean): void;
  setShowProblems(on: boolean): void;
  setDropTarget(id: string | null): void;
  setLastPointer(point: { x: number; y: number } | null): void;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

const NONE: ReadonlySet<string> = new Set();

export function createSessionStore() {
  return createStore<SessionState & SessionActions>()((set, get) => ({
    selectedNodeIds: NONE,
    selectedEdgeIds: NONE,
    snapToGrid: true,
    showMinimap: true,
    showProblems: true,
    dropTargetId: null,
    lastPointer: null,

    select(nodeIds, edgeIds = []) {
      const nodes = new Set(nodeIds);
      const edges = new Set(edgeIds);
      const state = get();
      if (sameSet(nodes, state.selectedNodeIds) && sameSet(edges, state.selectedEdgeIds)) return;
      set({ selectedNodeIds: nodes.size ? nodes : NONE, selectedEdgeIds: edges.size ? edges : NONE });
    },
    clearSelection() {
      const state = get();
      if (state.selectedNodeIds.size === 0 && state.selectedEdgeIds.size === 0) return;
      set({ selectedNodeIds: NONE, selectedEdgeIds: NONE });
    },
    setSnapToGrid: (on) => set({ snapToGrid: on }),
    setShowMinimap: (on) => set({ showMinimap: on }),
    setShowProblems: (on) => set({ showProblems: on }),
    setDropTarget(id) {
      if (get().dropTargetId !== id) set({ dropTargetId: id });
    },
    setLastPointer: (point) => set({ lastPointer: point }),
  }));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
