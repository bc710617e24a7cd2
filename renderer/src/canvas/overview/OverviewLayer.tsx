import { useStoreApi } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { DocumentIndex } from '../../../../shared/document';
import { useServices } from '../../app/services';
import type { ComponentFlowNode, RelationFlowEdge } from '../flow-types';
import { paintOverview } from './paint';
import type { OverviewScene } from './scene';
import { useOverviewGestures, type OverviewSurface } from './use-overview-gestures';

export interface OverviewLayerProps {
  scene: OverviewScene;
  container: RefObject<HTMLDivElement | null>;
  index: RefObject<DocumentIndex>;
  onNodeMenu: (event: MouseEvent, nodeId: string) => void;
}

/**
 * The zoomed-out canvas: below OVERVIEW_ZOOM every card, group and edge is painted on this one
 * <canvas> (React Flow then holds no nodes in the DOM), repainted once per frame in which the
 * view, the scene or a gesture changed. It lets every pointer event through to the container,
 * whose gesture listeners hit-test the same scene (use-overview-gestures.ts).
 */
export function OverviewLayer({ scene, container, index, onNodeMenu }: OverviewLayerProps) {
  const store = useStoreApi<ComponentFlowNode, RelationFlowEdge>();
  const services = useServices();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<number | null>(null);
  const surface = useRef<OverviewSurface>({
    scene,
    drag: null,
    box: null,
    invalidate: () => {
      if (frame.current === null) frame.current = requestAnimationFrame(paint);
    },
  });

  const paint = () => {
    frame.current = null;
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const { transform, width, height } = store.getState();
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (element.width !== pixelWidth || element.height !== pixelHeight) {
      element.width = pixelWidth;
      element.height = pixelHeight;
    }
    const { scene: current, drag, box } = surface.current;
    paintOverview(context, {
      scene: current,
      viewport: { x: transform[0], y: transform[1], zoom: transform[2] },
      width,
      height,
      ratio,
      drag,
      box,
    });
  };

  useLayoutEffect(() => {
    surface.current.scene = scene;
    surface.current.invalidate();
  }, [scene]);

  useEffect(() => {
    let last = store.getState();
    const unsubscribe = store.subscribe((state) => {
      if (state.transform !== last.transform || state.width !== last.width || state.height !== last.height) surface.current.invalidate();
      last = state;
    });
    return () => {
      unsubscribe();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [store]);

  useOverviewGestures(container, services, surface, index, onNodeMenu);

  return <canvas ref={canvas} className="stowage-overview" data-testid="canvas-overview" data-nodes={scene.nodes.length} />;
}
