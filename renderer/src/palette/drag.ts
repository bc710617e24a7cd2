/** dataTransfer type for dragging a kind from the palette onto the canvas; its value is the kind id. */
export const PALETTE_DRAG_TYPE = 'application/x-stowage-kind';

/**
 * A second type naming the kind itself. While dragging, the browser lets a page see only the
 * types, not the values, and the canvas needs the kind to highlight the group it would land in.
 */
const KIND_TYPE_PREFIX = `${PALETTE_DRAG_TYPE}-`;

export function paletteKindType(kindId: string): string {
  return `${KIND_TYPE_PREFIX}${kindId}`;
}

/** The kind being dragged from the palette, from a drag event's types; undefined for anything else. */
export function draggedPaletteKind(types: readonly string[]): string | undefined {
  const type = types.find((candidate) => candidate.startsWith(KIND_TYPE_PREFIX));
  return type?.slice(KIND_TYPE_PREFIX.length);
}

export function isPaletteDrag(types: readonly string[]): boolean {
  return types.includes(PALETTE_DRAG_TYPE);
}
