import { createContext, useContext } from 'react';
import type { HostApi } from '../../../shared/host/contract';
import type { Point, Rect } from '../../../shared/document';
import type { CommandRegistry } from '../commands/registry';
import type { DocumentStore } from '../state/document-store';
import type { SessionStore } from '../state/session-store';
import type { UiStore } from '../state/ui-store';
import type { SimulationStore } from '../simulation/simulation-store';

/** What the canvas offers the command layer once it is mounted (viewport and coordinates). */
export interface CanvasController {
  zoomIn(): void;
  zoomOut(): void;
  zoomTo(level: number): void;
  /** Shows the given nodes (all when omitted) as large as fits, clear of the minimap; ids no longer in the document are ignored. */
  fitView(nodeIds?: readonly string[]): void;
  /** Back to the origin at actual size (a new, empty diagram). */
  resetView(): void;
  /** Pans, at the same zoom, so the given nodes are in view when they are not. */
  reveal(nodeIds: readonly string[]): void;
  /** The flow-coordinate point at the centre of the visible canvas. */
  viewportCenter(): Point;
  /** The part of the canvas in view, in flow coordinates. */
  visibleRect(): Rect;
  screenToFlow(point: Point): Point;
}

/**
 * A value one component provides while it is mounted and other code reads when it needs it
 * (the canvas controller, the last pointer position). Written only through `set`, so the
 * component that provides it never assigns into an object it got from a hook.
 */
export class Slot<T> {
  #value: T | null = null;

  get current(): T | null {
    return this.#value;
  }

  set(value: T | null): void {
    this.#value = value;
  }
}

/** Everything the UI shares, created once per window in main.tsx. */
export interface AppServices {
  host: HostApi;
  documents: DocumentStore;
  session: SessionStore;
  ui: UiStore;
  /** The Simulate panel's run and playback (session state, never saved). */
  simulation: SimulationStore;
  commands: CommandRegistry;
  canvas: Slot<CanvasController>;
  /** Last pointer position over the canvas, in flow coordinates; paste lands there. */
  pointer: Slot<Point>;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesContext.Provider>');
  return services;
}
