import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { slotAt, targetAt, type LayerRow, type LayerTree, type TreeTarget } from './layer-tree';

/** How far the pointer goes, in CSS pixels, before a press on a row becomes a drag. */
const DRAG_THRESHOLD = 4;
/** Within this distance of the list's top or bottom edge a drag scrolls the list, faster nearer the edge. */
const SCROLL_ZONE = 28;
const SCROLL_MAX_PX_PER_FRAME = 14;

export interface Modifiers {
  shift: boolean;
  /** Cmd on macOS, Ctrl elsewhere. */
  mod: boolean;
}

export interface LayerDrag {
  moving: ReadonlySet<string>;
  target: TreeTarget | undefined;
  /** The pointer is in the lower half of the list: what the panel says about the drag goes above, out of its way. */
  pointerLow: boolean;
}

export interface LayerDragOptions {
  list: RefObject<HTMLDivElement | null>;
  /** The rows and tree as drawn now (read at every event, so a re-render mid-drag is seen). */
  rows: RefObject<readonly LayerRow[]>;
  tree: RefObject<LayerTree>;
  isMac: boolean;
  /** A press on a row (selection changes on press, so the row pressed is what a drag moves). */
  onPress(id: string, modifiers: Modifiers): void;
  /** A press let go without dragging. */
  onClick(id: string, modifiers: Modifiers): void;
  /** Which ids a drag that starts on row `id` moves. */
  movingFor(id: string): string[];
  /** False refuses to start a drag (a read-only diagram); the callback says why. */
  canDrag(): boolean;
  onDrop(moving: readonly string[], target: TreeTarget): void;
}

interface Press {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  dragging: boolean;
  moving: ReadonlySet<string>;
  lastX: number;
  lastY: number;
}

/**
 * Dragging rows of the Layers panel with the pointer. Where a drag lands is decided from the
 * pointer's position at release alone (never from how far drawing had caught up), so a quick
 * flick lands where a slow drag would. Listens on the window from the press on, so input that
 * arrives in one burst (press, a single coalesced move, release) is still a drag.
 */
export function useLayerDrag(options: LayerDragOptions) {
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const [drag, setDrag] = useState<LayerDrag | null>(null);
  const press = useRef<Press | null>(null);
  const detach = useRef<(() => void) | null>(null);
  const scrollFrame = useRef(0);

  const targetFor = useCallback((clientX: number, clientY: number, moving: ReadonlySet<string>) => {
    const { rows, tree, list } = optionsRef.current;
    const point = toRows(list.current, clientX, clientY);
    return targetAt(tree.current, rows.current, slotAt(rows.current, point.x, point.y), moving);
  }, []);
  const dragAt = useCallback(
    (clientX: number, clientY: number, moving: ReadonlySet<string>): LayerDrag => {
      const box = optionsRef.current.list.current?.getBoundingClientRect();
      return { moving, target: targetFor(clientX, clientY, moving), pointerLow: box ? clientY > box.top + box.height / 2 : false };
    },
    [targetFor],
  );

  const show = useCallback((next: LayerDrag | null) => {
    setDrag((previous) => {
      if (previous === next) return previous;
      if (
        previous &&
        next &&
        previous.moving === next.moving &&
        previous.pointerLow === next.pointerLow &&
        sameTarget(previous.target, next.target)
      ) {
        return previous;
      }
      return next;
    });
  }, []);

  const stop = useCallback(() => {
    detach.current?.();
    detach.current = null;
    press.current = null;
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = 0;
    show(null);
  }, [show]);

  useEffect(() => stop, [stop]);

  const begin = useCallback(
    (current: Press) => {
      if (!optionsRef.current.canDrag()) {
        stop();
        return false;
      }
      current.dragging = true;
      current.moving = new Set(optionsRef.current.movingFor(current.id));
      return true;
    },
    [stop],
  );

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>, id: string) => {
      if (event.button !== 0) return;
      stop();
      const { isMac } = optionsRef.current;
      const modifiers = { shift: event.shiftKey, mod: isMac ? event.metaKey : event.ctrlKey };
      optionsRef.current.onPress(id, modifiers);
      const current: Press = {
        id,
        pointerId: event.pointerId,
        startX: event.clientX,
        startY: event.clientY,
        dragging: false,
        moving: new Set(),
        lastX: event.clientX,
        lastY: event.clientY,
      };
      press.current = current;
      const far = (x: number, y: number) => Math.hypot(x - current.startX, y - current.startY) >= DRAG_THRESHOLD;
      /** Scrolls the list while the drag holds the pointer near its top or bottom edge. */
      const autoScroll = () => {
        scrollFrame.current = 0;
        const list = optionsRef.current.list.current;
        if (press.current !== current || !current.dragging || !list) return;
        const box = list.getBoundingClientRect();
        const fromTop = current.lastY - box.top;
        const fromBottom = box.bottom - current.lastY;
        const speed = fromTop < SCROLL_ZONE ? -scrollSpeed(fromTop) : fromBottom < SCROLL_ZONE ? scrollSpeed(fromBottom) : 0;
        if (speed === 0) return;
        const before = list.scrollTop;
        list.scrollTop = Math.max(0, Math.min(list.scrollHeight - list.clientHeight, before + speed));
        if (list.scrollTop !== before) show(dragAt(current.lastX, current.lastY, current.moving));
        scrollFrame.current = requestAnimationFrame(autoScroll);
      };

      const onMove = (move: PointerEvent) => {
        if (move.pointerId !== current.pointerId || press.current !== current) return;
        current.lastX = move.clientX;
        current.lastY = move.clientY;
        if (!current.dragging && (!far(move.clientX, move.clientY) || !begin(current))) return;
        show(dragAt(move.clientX, move.clientY, current.moving));
        if (!scrollFrame.current) scrollFrame.current = requestAnimationFrame(autoScroll);
      };
      const onUp = (up: PointerEvent) => {
        if (up.pointerId !== current.pointerId || press.current !== current) return;
        // A burst of input may arrive as press and release only: the distance decides, not the moves seen.
        const dragged = current.dragging || (far(up.clientX, up.clientY) && begin(current));
        const moving = current.moving;
        const target = dragged ? targetFor(up.clientX, up.clientY, moving) : undefined;
        stop();
        if (!dragged) optionsRef.current.onClick(id, modifiers);
        else if (target) optionsRef.current.onDrop([...moving], target);
      };
      const onCancel = (cancel: PointerEvent) => {
        if (cancel.pointerId === current.pointerId) stop();
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onCancel);
      detach.current = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('pointercancel', onCancel);
      };
    },
    [begin, dragAt, show, stop, targetFor],
  );

  /** Escape: the drag ends where it began. */
  const cancel = useCallback(() => {
    if (!press.current?.dragging) return false;
    stop();
    return true;
  }, [stop]);

  return { drag, onPointerDown, cancel };
}

/** A pointer position in the rows' own coordinates: from the first row's top-left, scrolled content included. */
function toRows(list: HTMLElement | null, clientX: number, clientY: number): { x: number; y: number } {
  if (!list) return { x: 0, y: 0 };
  const box = list.getBoundingClientRect();
  return { x: clientX - box.left, y: clientY - box.top + list.scrollTop };
}

function scrollSpeed(distanceFromEdge: number): number {
  const depth = Math.min(1, Math.max(0, (SCROLL_ZONE - distanceFromEdge) / SCROLL_ZONE));
  return Math.max(1, Math.round(depth * SCROLL_MAX_PX_PER_FRAME));
}

function sameTarget(a: TreeTarget | undefined, b: TreeTarget | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.parentId !== b.parentId || a.index !== b.index) return false;
  const [x, y] = [a.indicator, b.indicator];
  if (x.type === 'row' || y.type === 'row') return x.type === y.type && x.type === 'row' && y.type === 'row' && x.id === y.id;
  return x.boundary === y.boundary && x.depth === y.depth;
}
