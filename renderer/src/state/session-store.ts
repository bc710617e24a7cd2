import { createStore } from 'zustand/vanilla';

/**
 * What the user is doing, not what they made: selection, view toggles, transient canvas
 * feedback. Never saved into the document and never part of undo.
 */
export interface SessionState {
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  snapToGrid: boolean;
  /** 'auto' shows the minimap for diagrams small enough that it costs nothing noticeable. */
  minimap: 'auto' | 'on' | 'off';
  showProblems: boolean;
  /** The group a dragged node would land in, highlighted while dragging. */
  dropTargetId: string | null;
  /** Where the pointer last was on the canvas, in flow coordinates (paste goes there). */
  lastPointer: { x: number; y: number } | null;
  /** What the left sidebar shows: the palette of components or the Layers panel. */
  sidebarTab: SidebarTab;
  /** Groups whose rows the Layers panel shows closed; every other group shows what it holds. */
  collapsedLayerIds: ReadonlySet<string>;
}

export type SidebarTab = 'components' | 'layers';

export interface SessionActions {
  select(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  clearSelection(): void;
  setSnapToGrid(on: boolean): void;
  setMinimap(mode: 'on' | 'off'): void;
  setShowProblems(on: boolean): void;
  setDropTarget(id: string | null): void;
  setLastPointer(point: { x: number; y: number } | null): void;
  setSidebarTab(tab: SidebarTab): void;
  setLayersCollapsed(ids: Iterable<string>, collapsed: boolean): void;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

const NONE: ReadonlySet<string> = new Set();

export function createSessionStore() {
  return createStore<SessionState & SessionActions>()((set, get) => ({
    selectedNodeIds: NONE,
    selectedEdgeIds: NONE,
    snapToGrid: true,
    minimap: 'auto',
    // Closed until the user opens it: the header shows the counts (see ProblemsPanel).
    showProblems: false,
    dropTargetId: null,
    lastPointer: null,
    sidebarTab: 'components',
    collapsedLayerIds: NONE,

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
    setMinimap: (mode) => set({ minimap: mode }),
    setShowProblems: (on) => set({ showProblems: on }),
    setDropTarget(id) {
      if (get().dropTargetId !== id) set({ dropTargetId: id });
    },
    setLastPointer: (point) => set({ lastPointer: point }),
    setSidebarTab(tab) {
      if (get().sidebarTab !== tab) set({ sidebarTab: tab });
    },
    setLayersCollapsed(ids, collapsed) {
      const current = get().collapsedLayerIds;
      const next = new Set(current);
      for (const id of ids) {
        if (collapsed) next.add(id);
        else next.delete(id);
      }
      if (!sameSet(next, current)) set({ collapsedLayerIds: next.size ? next : NONE });
    },
  }));
}

/** Large diagrams start without the minimap: it redraws every node whenever the view moves. */
export const MINIMAP_AUTO_LIMIT = 400;

export function minimapVisible(mode: SessionState['minimap'], nodeCount: number): boolean {
  return mode === 'on' || (mode === 'auto' && nodeCount <= MINIMAP_AUTO_LIMIT);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
