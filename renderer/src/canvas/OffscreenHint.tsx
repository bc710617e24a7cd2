import { useOnViewportChange, useStore as useFlowStore, useStoreApi, type Viewport } from '@xyflow/react';
import { memo, useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { findCommand, formatShortcut } from '../../../shared/commands/definitions';
import { DocumentIndex, intersects } from '../../../shared/document';
import { useServices } from '../app/services';
import { isSaneViewport, visibleFlowRect } from './viewport';

/**
 * When the diagram has components but none is in view (panned or zoomed far away), says so
 * and offers Fit Diagram, so an empty-looking canvas is never a mystery. Checked when the view
 * stops moving and when the document changes, never on every frame. A view React Flow cannot
 * draw (not finite) is put back at the origin.
 */
export const OffscreenHint = memo(function OffscreenHint() {
  const services = useServices();
  const store = useStoreApi();
  const document = useStore(services.documents, (state) => state.document);
  const width = useFlowStore((state) => state.width);
  const height = useFlowStore((state) => state.height);
  const [viewport, setViewport] = useState<Viewport>(() => {
    const [x, y, zoom] = store.getState().transform;
    return { x, y, zoom };
  });

  useOnViewportChange({
    onEnd: useCallback(
      (next: Viewport) => {
        if (isSaneViewport(next)) setViewport(next);
        else services.canvas.current?.resetView();
      },
      [services],
    ),
  });

  const lost = useMemo(() => {
    if (document.nodes.length === 0 || width <= 0 || height <= 0 || !isSaneViewport(viewport)) return false;
    const view = visibleFlowRect(viewport, { width, height });
    const index = new DocumentIndex(document);
    return !document.nodes.some((node) => intersects(view, index.absoluteRect(node.id)));
  }, [document, height, viewport, width]);

  if (!lost) return null;
  const shortcut = findCommand('view.fit')?.shortcuts?.[0];
  return (
    <div className="stowage-offscreen" role="status" data-testid="offscreen-hint">
      <span>Nothing of the diagram is in view.</span>
      <button type="button" onClick={() => void services.commands.run('view.fit')}>
        Fit Diagram{shortcut ? ` (${formatShortcut(shortcut, services.host.platform)})` : ''}
      </button>
    </div>
  );
});
