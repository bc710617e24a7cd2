import { createContext, useContext } from 'react';
import type { HostApi } from '../../../shared/host/contract';
import type { Point } from '../../../shared/document';
import type { CommandRegistry } from '../commands/registry';
import type { DocumentStore } from '../state/document-store';
import type { SessionStore } from '../state/session-store';
import type { UiStore } from '../state/ui-store';

/** What the canvas offers the command layer once it is mounted (viewport and coordinates). */
export interface CanvasController {
  zoomIn(): void;
  zoomOut(): void;
  zoomTo(level: number): void;
  fitView(nodeIds?: readonly string[]): void;
  /** The flow-coordinate point at the centre of the visible canvas. */
  viewportCenter(): Point;
  screenToFlow(point: Point): Point;
}

/** Everything the UI shares, created once per window in main.tsx. */
export interface AppServices {
  host: HostApi;
  documents: DocumentStore;
  session: SessionStore;
  ui: UiStore;
  commands: CommandRegistry;
  canvas: { current: CanvasController | null };
  /** Last pointer position over the canvas, in flow coordinates; paste lands there. */
  pointer: { current: Point | null };
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesContext.Provider>');
  return services;
}
