import type { DragEvent } from 'react';
import { isPaletteDrag } from '../palette/drag';
import type { UiStore } from '../state/ui-store';

/**
 * Drop handlers for a panel beside the canvas: a component dragged from the palette and let go
 * over the panel is refused with a message saying where it goes, instead of vanishing.
 */
export function refuseDrops(ui: UiStore, panel: string) {
  return {
    onDragOver(event: DragEvent) {
      if (!isPaletteDrag(event.dataTransfer.types)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: DragEvent) {
      if (!isPaletteDrag(event.dataTransfer.types)) return;
      event.preventDefault();
      ui.getState().toast(`Nothing was added: drop components on the canvas, not on the ${panel}.`, 'warning');
    },
  };
}
