import { createContext } from 'react';

/** Below this zoom, 11 px text is a few pixels tall: summaries, edge labels and grid dots are left out. */
export const FAR_ZOOM = 0.4;

/**
 * Below this zoom the canvas draws cards, groups and edges on one <canvas> layer (overview/) rather
 * than as DOM nodes: cards are then under 55 × 16 px, their text unreadable, and at the zoom where
 * a 1,000-node diagram fits, the DOM canvas cannot keep up with panning.
 */
export const OVERVIEW_ZOOM = 0.25;

/** Whether the view is below FAR_ZOOM, provided by the canvas to what it draws (edges read it instead of each subscribing to the view). */
export const FarZoom = createContext(false);
