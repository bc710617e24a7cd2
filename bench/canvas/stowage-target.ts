import type { CanvasTarget } from './page-probe';

/** The diagram handed to the Stowage page before a timed load. */
export interface StowagePayload {
  document: unknown;
  /** An empty document, shown between runs. */
  empty: unknown;
}

/** The part of `window.__stowage` (renderer/src/main.tsx) the benchmark drives. */
interface StowageServices {
  documents: { getState(): { replace(document: unknown, file: null): void; undo(): boolean } };
  session: { getState(): { clearSelection(): void; setSnapToGrid(on: boolean): void } };
  canvas: { current: { fitView(nodeIds?: readonly string[]): void; zoomTo(level: number): void } | null };
}

interface StowageWindow {
  __stowage?: StowageServices;
  __benchTarget?: CanvasTarget & { services(): StowageServices };
  document: { querySelector(selectors: string): unknown };
}

/**
 * Adapts the app to the probe's CanvasTarget through its real stores, the way opening a file
 * does (renderer/src/files/file-actions.ts), without touching the renderer's code. Serialised
 * into the page by addInitScript, so it stays self-contained.
 */
export function installStowageTarget(): void {
  const page = globalThis as unknown as StowageWindow;
  let staged: StowagePayload | null = null;
  const services = () => {
    if (!page.__stowage) throw new Error('window.__stowage is missing: is this the Stowage web build?');
    return page.__stowage;
  };
  let configured = false;
  page.__benchTarget = {
    ready() {
      if (!page.__stowage?.canvas.current || !page.document.querySelector('.react-flow__pane')) return false;
      if (!configured) {
        // Snapping would move a dragged node off its generated (off-grid) position on release,
        // and the app would then grow its groups, changing the diagram between runs.
        page.__stowage.session.getState().setSnapToGrid(false);
        configured = true;
      }
      return true;
    },
    stage(payload) {
      staged = payload as StowagePayload;
    },
    load() {
      if (!staged) throw new Error('Nothing staged to load');
      services().documents.getState().replace(staged.document, null);
    },
    revertEdits() {
      // A selected group draws a thicker border, which changes what "fit" fits.
      services().session.getState().clearSelection();
      // replace() starts a fresh history, so undoing everything returns to the loaded diagram.
      while (services().documents.getState().undo()) {
        // keep undoing
      }
    },
    clear() {
      services().session.getState().clearSelection();
      if (staged) services().documents.getState().replace(staged.empty, null);
    },
    services,
  };
}
