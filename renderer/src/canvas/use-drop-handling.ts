import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, type DragEvent, type RefObject } from 'react';
import type { DocumentIndex, Point } from '../../../shared/document';
import type { AppServices } from '../app/services';
import { addComponent, commitDrag } from '../commands/edit-actions';
import { PALETTE_DRAG_TYPE, draggedPaletteKind, isPaletteDrag } from '../palette/drag';
import type { ComponentFlowNode, RelationFlowEdge } from './flow-types';
import { addMessage, adoptedMessage, refusedDropMessage } from './placement-messages';

type PointerLike = { clientX: number; clientY: number };

function samePoint(a: Point | undefined, b: Point): boolean {
  return a !== undefined && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}

function hasPointer(event: unknown): event is PointerLike {
  return typeof event === 'object' && event !== null && 'clientX' in event && 'clientY' in event;
}

/**
 * Settles a drag (the DOM canvas's or the overview's): one undoable drop into the group under
 * the pointer, and a message for anything refused or adopted.
 */
export function dropDragged(services: AppServices, drop: Parameters<typeof commitDrag>[1]): void {
  const report = commitDrag(services, drop);
  const document = services.documents.getState().document;
  const refused = refusedDropMessage(document, report.refused);
  if (refused) services.ui.getState().toast(refused, 'info');
  const adopted = adoptedMessage(document, report.adopted);
  if (adopted) services.ui.getState().toast(adopted, 'info');
}

/**
 * Where dragged nodes and palette drops land: always the group under the pointer, at release,
 * that may hold the node (see the drop operation), highlighted live while dragging. React Flow's
 * own idea of the node's position lags the pointer whenever input comes faster than React
 * renders, so nothing here reads it: the pointer and the drag's reported positions decide.
 */
export function useDropHandling(services: AppServices, index: RefObject<DocumentIndex>) {
  const flow = useReactFlow<ComponentFlowNode, RelationFlowEdge>();
  const { session, ui, documents } = services;

  const toFlow = useCallback((event: PointerLike): Point => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), [flow]);

  const onNodeDrag = useCallback(
    (event: unknown, node: ComponentFlowNode, dragged: ComponentFlowNode[]) => {
      if (!hasPointer(event)) return;
      const target = index.current.dropTarget(toFlow(event), node.data.node.kind, new Set(dragged.map((item) => item.id)));
      session.getState().setDropTarget(target && target.id !== node.parentId ? target.id : null);
    },
    [index, session, toFlow],
  );

  const onNodeDragStop = useCallback(
    (event: unknown, node: ComponentFlowNode, dragged: ComponentFlowNode[]) => {
      session.getState().setDropTarget(null);
      if (!hasPointer(event)) return;
      // React Flow starts its drag at the press (nodeDragThreshold 0), so a plain click ends a
      // "drag" too; it changes nothing and must not settle anything.
      const current = index.current;
      if (dragged.every((item) => samePoint(current.node(item.id)?.position, item.position))) return;
      dropDragged(services, {
        items: dragged.map((item) => ({ id: item.id, position: item.position })),
        pointer: toFlow(event),
        grabbedId: node.id,
      });
    },
    [index, services, session, toFlow],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!isPaletteDrag(event.dataTransfer.types)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      const kind = draggedPaletteKind(event.dataTransfer.types);
      const target = kind ? index.current.dropTarget(toFlow(event), kind) : undefined;
      session.getState().setDropTarget(target?.id ?? null);
    },
    [index, session, toFlow],
  );

  const onDragLeave = useCallback(
    (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      session.getState().setDropTarget(null);
    },
    [session],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kindId = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!kindId) return;
      event.preventDefault();
      session.getState().setDropTarget(null);
      const report = addComponent(services, kindId, toFlow(event));
      const message = report ? addMessage(documents.getState().document, report) : undefined;
      if (message) ui.getState().toast(message, 'info');
    },
    [documents, services, session, toFlow, ui],
  );

  return useMemo(
    () => ({ onNodeDrag, onNodeDragStop, onDragOver, onDragLeave, onDrop }),
    [onDragLeave, onDragOver, onDrop, onNodeDrag, onNodeDragStop],
  );
}
