import { useReactFlow } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { findKind } from '../../../shared/catalog';
import { contains, type DocumentIndex, type Rect } from '../../../shared/document';
import type { SessionStore } from '../state/session-store';
import type { ComponentFlowNode, RelationFlowEdge } from './flow-types';

/**
 * A selected node can be grabbed anywhere inside its bounds, even where another group covers
 * it (a group stored above it, or brought to the front): a press there drags the selection
 * instead of the group on top. What sits on the selected node keeps the press: its contents,
 * any card, and any group lying wholly inside it; so does a press with a modifier. A click
 * without moving still selects what is on top.
 *
 * React Flow starts a node drag from a mousedown on that node's element, so the press is
 * handed to the selected node's element; the drag then follows the real pointer as usual.
 */
export function useSelectionGrab(
  container: RefObject<HTMLDivElement | null>,
  session: SessionStore,
  index: RefObject<DocumentIndex>,
): void {
  const flow = useReactFlow<ComponentFlowNode, RelationFlowEdge>();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onMouseDown = (event: MouseEvent) => {
      if (!event.isTrusted || event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
      const selected = session.getState().selectedNodeIds;
      if (selected.size === 0) return;
      const hit = (event.target as Element | null)?.closest<HTMLElement>('.react-flow__node');
      const hitId = hit?.dataset.id;
      if (!hit || hitId === undefined || selected.has(hitId)) return;
      if ((event.target as Element).closest('.react-flow__handle, .react-flow__resize-control, .nodrag')) return;
      const documentIndex = index.current;
      const covering = documentIndex.node(hitId);
      if (!covering || !findKind(covering.kind)?.group) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const coveringRect = documentIndex.absoluteRect(hitId);
      const grabbed = [...selected].find((id) => {
        if (!documentIndex.node(id) || !contains(documentIndex.absoluteRect(id), point)) return false;
        // Inside the selected node, or lying wholly on it: the press belongs to the group on top.
        if (documentIndex.ancestors(hitId).some((ancestor) => ancestor.id === id)) return false;
        return !within(coveringRect, documentIndex.absoluteRect(id));
      });
      if (grabbed === undefined) return;
      const target = element.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(grabbed)}"]`);
      if (!target) return;
      event.stopPropagation();
      event.preventDefault();
      target.dispatchEvent(
        new MouseEvent('mousedown', {
          bubbles: true,
          cancelable: true,
          view: window,
          clientX: event.clientX,
          clientY: event.clientY,
          screenX: event.screenX,
          screenY: event.screenY,
          button: 0,
          buttons: 1,
        }),
      );
    };
    element.addEventListener('mousedown', onMouseDown, true);
    return () => element.removeEventListener('mousedown', onMouseDown, true);
  }, [container, flow, index, session]);
}

function within(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
