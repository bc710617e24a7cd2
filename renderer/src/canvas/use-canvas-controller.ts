import { useStoreApi, useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { DocumentIndex, type Rect } from '../../../shared/document';
import type { AppServices } from '../app/services';
import type { ComponentFlowNode, RelationFlowEdge } from './flow-types';
import { fitViewport, isSaneViewport, visibleFlowRect, type Viewport } from './viewport';

const FIT_PADDING = 24;
const FIT_MAX_ZOOM = 1.5;
const MIN_ZOOM = 0.05;

/**
 * Offers the canvas's viewport to the command layer (services.canvas). Fitting is computed
 * here from the document, not by React Flow's queued fitView: a queued fit waits for the next
 * node update and then fits whatever nodes exist by then, so a fit asked for one diagram could
 * land on the next one (or, with ids that are gone, on the origin at full zoom) and leave the
 * view far from everything. Every viewport set here is checked to be finite first.
 */
export function useCanvasController(services: AppServices, container: RefObject<HTMLDivElement | null>): void {
  const flow = useReactFlow<ComponentFlowNode, RelationFlowEdge>();
  const store = useStoreApi<ComponentFlowNode, RelationFlowEdge>();

  useEffect(() => {
    const paneSize = () => {
      const { width, height } = store.getState();
      return { width, height };
    };
    /** Minimap and zoom controls, in pane pixels. */
    const overlays = (): Rect[] => {
      const root = container.current;
      if (!root) return [];
      const pane = root.getBoundingClientRect();
      return [...root.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((element) => {
        const box = element.getBoundingClientRect();
        return { x: box.left - pane.left, y: box.top - pane.top, width: box.width, height: box.height };
      });
    };
    // Where an animated move of the view is heading until it arrives: a reveal asked for meanwhile
    // (a quick run of selections) measures against it, not against a view about to change.
    let heading: { viewport: Viewport; until: number } | null = null;
    const animateTo = (viewport: Viewport, duration: number) => {
      heading = { viewport, until: performance.now() + duration };
      void flow.setViewport(viewport, { duration });
    };
    const viewportNow = (): Viewport => {
      if (heading && performance.now() < heading.until) return heading.viewport;
      const [x, y, zoom] = store.getState().transform;
      return { x, y, zoom };
    };
    const visibleRect = (): Rect => {
      const [x, y, zoom] = store.getState().transform;
      return visibleFlowRect({ x, y, zoom }, paneSize());
    };
    services.canvas.set({
      zoomIn: () => {
        heading = null;
        void flow.zoomIn({ duration: 150 });
      },
      zoomOut: () => {
        heading = null;
        void flow.zoomOut({ duration: 150 });
      },
      zoomTo: (level) => {
        heading = null;
        void flow.zoomTo(level, { duration: 150 });
      },
      fitView: (nodeIds) => {
        const index = new DocumentIndex(services.documents.getState().document);
        const present = nodeIds?.filter((id) => index.node(id));
        if (nodeIds && nodeIds.length > 0 && present?.length === 0) return;
        const bounds = index.bounds(present && present.length > 0 ? present : undefined);
        if (!bounds) {
          animateTo({ x: 0, y: 0, zoom: 1 }, 200);
          return;
        }
        const viewport = fitViewport(bounds, paneSize(), {
          padding: FIT_PADDING,
          minZoom: MIN_ZOOM,
          maxZoom: FIT_MAX_ZOOM,
          overlays: overlays(),
        });
        if (viewport) animateTo(viewport, 200);
      },
      resetView: () => {
        heading = null;
        void flow.setViewport({ x: 0, y: 0, zoom: 1 });
      },
      reveal: (nodeIds) => {
        const bounds = new DocumentIndex(services.documents.getState().document).bounds(nodeIds);
        if (!bounds) return;
        const now = viewportNow();
        const view = visibleFlowRect(now, paneSize());
        const inside =
          bounds.x >= view.x &&
          bounds.y >= view.y &&
          bounds.x + bounds.width <= view.x + view.width &&
          bounds.y + bounds.height <= view.y + view.height;
        if (inside) return;
        const { zoom } = now;
        const target = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
        const viewport = { x: paneSize().width / 2 - target.x * zoom, y: paneSize().height / 2 - target.y * zoom, zoom };
        if (isSaneViewport(viewport)) animateTo(viewport, 200);
      },
      viewportCenter: () => {
        const view = visibleRect();
        return { x: view.x + view.width / 2, y: view.y + view.height / 2 };
      },
      visibleRect,
      screenToFlow: (point) => flow.screenToFlowPosition(point),
    });
    return () => services.canvas.set(null);
  }, [container, flow, services, store]);
}
