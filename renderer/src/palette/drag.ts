/** dataTransfer type for dragging a kind from the palette onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-stowage-kind';
