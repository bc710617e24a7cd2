import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import type { DocumentIndex, Point } from '../../../../shared/document';
import type { AppServices } from '../../app/services';
import type { ComponentFlowNode, RelationFlowEdge } from '../flow-types';
import { dropDragged } from '../use-drop-handling';
import type { OverviewDrag } from './paint';
import { nodeAt, nodesTouching, spanned, type OverviewScene } from './scene';

/** What the gestures share with the painter: the scene they hit-test and the feedback they draw. */
export interface OverviewSurface {
  scene: OverviewScene;
  drag: OverviewDrag | null;
  box: { x: number; y: number; width: number; height: number } | null;
  invalidate(): void;
}

/** Screen pixels the pointer must travel before a press becomes a drag (a click otherwise). */
const DRAG_START_PX = 3;
/** Where a double-click on empty overview space zooms to: a working zoom, drawn with the DOM canvas again. */
const ZOOM_IN_LEVEL = 0.6;
const GRID = 16;

type Gesture =
  | { type: 'drag'; grabbedId: string; ids: string[]; moving: ReadonlySet<string>; start: Point; screen: Point; moved: boolean }
  | { type: 'box'; start: Point; screen: Point; additive: boolean; moved: boolean };

/**
 * Pointer input on the overview, mapped to the same operations as the DOM canvas: a click
 * selects the node drawn topmost under the pointer (a child before its parent; Shift, Ctrl or
 * Cmd adds or removes it), a press on empty space drags a selection box (partial, like the
 * canvas's), a drag moves the selection into the group under the pointer at release (one
 * undoable drop, highlighted live), a double-click zooms back in (to the node, or to a working
 * zoom about the pointer) where the DOM canvas takes over. The wheel, middle-button and Space
 * panning go on to React Flow untouched. Listeners sit on the canvas container in the capture
 * phase, before React Flow's pane sees the press.
 */
export function useOverviewGestures(
  container: RefObject<HTMLDivElement | null>,
  services: AppServices,
  surface: RefObject<OverviewSurface>,
  index: RefObject<DocumentIndex>,
  onNodeMenu: (event: MouseEvent, nodeId: string) => void,
): void {
  const flow = useReactFlow<ComponentFlowNode, RelationFlowEdge>();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { session } = services;
    const toFlow = (event: MouseEvent): Point => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const onPane = (event: Event) => event.target instanceof Element && event.target.closest('.react-flow__pane') !== null;
    let spaceHeld = false;
    let gesture: Gesture | null = null;

    const moved = (event: PointerEvent, from: Point) => Math.hypot(event.clientX - from.x, event.clientY - from.y) >= DRAG_START_PX;

    const onPointerMove = (event: PointerEvent) => {
      if (!gesture) return;
      const point = toFlow(event);
      if (!gesture.moved && !moved(event, gesture.screen)) return;
      gesture.moved = true;
      const view = surface.current;
      if (gesture.type === 'box') {
        view.box = spanned(gesture.start, point);
      } else {
        view.drag = { moving: gesture.moving, ...offset(gesture, point) };
        const grabbed = index.current.node(gesture.grabbedId);
        const target = grabbed ? index.current.dropTarget(point, grabbed.kind, gesture.moving) : undefined;
        session.getState().setDropTarget(target && target.id !== grabbed?.parentId ? target.id : null);
      }
      view.invalidate();
    };

    const offset = (drag: Extract<Gesture, { type: 'drag' }>, point: Point) => {
      let dx = point.x - drag.start.x;
      let dy = point.y - drag.start.y;
      const grabbed = index.current.node(drag.grabbedId);
      if (session.getState().snapToGrid && grabbed) {
        // As React Flow snaps a dragged node: its position lands on the grid, the rest follow.
        dx = Math.round((grabbed.position.x + dx) / GRID) * GRID - grabbed.position.x;
        dy = Math.round((grabbed.position.y + dy) / GRID) * GRID - grabbed.position.y;
      }
      return { dx, dy };
    };

    const finish = (event: PointerEvent) => {
      window.removeEventListener('pointermove', onPointerMove, true);
      window.removeEventListener('pointerup', finish, true);
      window.removeEventListener('pointercancel', finish, true);
      const done = gesture;
      gesture = null;
      if (!done) return;
      const view = surface.current;
      if (done.type === 'box') {
        view.box = null;
        view.invalidate();
        if (!done.moved) {
          if (!done.additive) session.getState().clearSelection();
          return;
        }
        const touched = nodesTouching(view.scene, spanned(done.start, toFlow(event)));
        const state = session.getState();
        if (done.additive) state.select([...state.selectedNodeIds, ...touched], state.selectedEdgeIds);
        else state.select(touched);
        return;
      }
      session.getState().setDropTarget(null);
      if (!done.moved || event.type === 'pointercancel') {
        view.drag = null;
        view.invalidate();
        return;
      }
      const { dx, dy } = offset(done, toFlow(event));
      const items = done.ids.flatMap((id) => {
        const node = index.current.node(id);
        return node ? [{ id, position: { x: node.position.x + dx, y: node.position.y + dy } }] : [];
      });
      dropDragged(services, { items, pointer: toFlow(event), grabbedId: done.grabbedId });
      // The new document redraws the nodes where they landed; until then keep them where they were let go.
      requestAnimationFrame(() => {
        view.drag = null;
        view.invalidate();
      });
    };

    const onPointerDown = (event: PointerEvent) => {
      if (!event.isPrimary || event.button !== 0 || spaceHeld || !onPane(event)) return;
      event.stopPropagation();
      event.preventDefault();
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      const start = toFlow(event);
      const screen = { x: event.clientX, y: event.clientY };
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      const hit = nodeAt(surface.current.scene, start);
      const state = session.getState();
      if (!hit) {
        gesture = { type: 'box', start, screen, additive, moved: false };
      } else {
        let selected = state.selectedNodeIds;
        if (additive) {
          const next = new Set(selected);
          if (next.has(hit.id)) next.delete(hit.id);
          else next.add(hit.id);
          state.select(next, state.selectedEdgeIds);
          selected = next;
        } else if (!selected.has(hit.id)) {
          state.select([hit.id]);
          selected = new Set([hit.id]);
        }
        if (selected.has(hit.id) && !services.documents.getState().readOnly) {
          const documentIndex = index.current;
          // As React Flow drags: the selected nodes whose parent is not selected too; the rest move with them.
          const ids = [...selected].filter(
            (id) => documentIndex.node(id) && !documentIndex.ancestors(id).some((ancestor) => selected.has(ancestor.id)),
          );
          const moving = new Set(ids);
          for (const id of ids) for (const inner of documentIndex.descendants(id)) moving.add(inner.id);
          gesture = { type: 'drag', grabbedId: hit.id, ids, moving, start, screen, moved: false };
        }
      }
      if (!gesture) return;
      window.addEventListener('pointermove', onPointerMove, true);
      window.addEventListener('pointerup', finish, true);
      window.addEventListener('pointercancel', finish, true);
    };

    // React Flow's pane would clear its own (empty) selection and zoom on a double-click; the overview decides both.
    const onClick = (event: MouseEvent) => {
      if (onPane(event)) event.stopPropagation();
    };
    const onDoubleClick = (event: MouseEvent) => {
      if (!onPane(event)) return;
      event.stopPropagation();
      event.preventDefault();
      const point = toFlow(event);
      const hit = nodeAt(surface.current.scene, point);
      if (hit) {
        services.canvas.current?.fitView([hit.id]);
        return;
      }
      const pane = element.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return;
      const screen = { x: event.clientX - pane.left, y: event.clientY - pane.top };
      void flow.setViewport(
        { x: screen.x - point.x * ZOOM_IN_LEVEL, y: screen.y - point.y * ZOOM_IN_LEVEL, zoom: ZOOM_IN_LEVEL },
        { duration: 200 },
      );
    };
    const onContextMenu = (event: MouseEvent) => {
      if (!onPane(event)) return;
      const hit = nodeAt(surface.current.scene, toFlow(event));
      if (!hit) return;
      event.stopPropagation();
      onNodeMenu(event, hit.id);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.code === 'Space') spaceHeld = event.type === 'keydown';
    };

    element.addEventListener('pointerdown', onPointerDown, true);
    element.addEventListener('click', onClick, true);
    element.addEventListener('dblclick', onDoubleClick, true);
    element.addEventListener('contextmenu', onContextMenu, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKey, true);
    return () => {
      element.removeEventListener('pointerdown', onPointerDown, true);
      element.removeEventListener('click', onClick, true);
      element.removeEventListener('dblclick', onDoubleClick, true);
      element.removeEventListener('contextmenu', onContextMenu, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKey, true);
      window.removeEventListener('pointermove', onPointerMove, true);
      window.removeEventListener('pointerup', finish, true);
      window.removeEventListener('pointercancel', finish, true);
      gesture = null;
    };
  }, [container, flow, index, onNodeMenu, services, surface]);
}
