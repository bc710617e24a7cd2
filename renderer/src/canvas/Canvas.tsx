import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  SelectionMode,
  applyNodeChanges,
  useConnection,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { useStore } from 'zustand';
import { appearanceOf, containersOf, findKind, resolveConnection } from '../../../shared/catalog';
import { DocumentIndex } from '../../../shared/document';
import { THEMES } from '../../../shared/export/svg/style';
import { useServices } from '../app/services';
import { addComponent, commitDrag, connectNodes } from '../commands/edit-actions';
import { PALETTE_DRAG_TYPE } from '../palette/drag';
import { ConnectionLine } from './ConnectionLine';
import { ComponentNode } from './ComponentNode';
import { FlowDeriver } from './derive';
import type { BadgeInfo, ComponentFlowNode, RelationFlowEdge } from './flow-types';
import { GroupNode } from './GroupNode';
import { PlaceholderGroupNode, PlaceholderNode } from './PlaceholderNode';
import { RelationEdge } from './RelationEdge';
import { useContextMenu, type ContextTarget } from './context-menu-state';
import { minimapVisible } from '../state/session-store';
import { FAR_ZOOM } from './zoom';

const nodeTypes = { component: ComponentNode, group: GroupNode, placeholder: PlaceholderNode, placeholderGroup: PlaceholderGroupNode };
const edgeTypes = { relation: RelationEdge };
const GRID = 16;
const EMPTY_BADGES: ReadonlyMap<string, BadgeInfo> = new Map();
const NO_PLACEHOLDERS: ReadonlySet<string> = new Set();
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: THEMES.light.edge } };
const proOptions = { hideAttribution: true };
// Props React Flow compares by identity: an array or function made anew on every render would
// make it re-subscribe key handlers, rebuild pan-zoom and notify every store subscriber per frame.
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];
const ZOOM_KEYS = ['Meta', 'Control'];
const PAN_BUTTONS = [1];
const SNAP_GRID: [number, number] = [GRID, GRID];

export interface CanvasProps {
  nodeBadges?: ReadonlyMap<string, BadgeInfo>;
  edgeBadges?: ReadonlyMap<string, BadgeInfo>;
}

/**
 * The diagram canvas. React Flow renders nodes derived from the document; the only state
 * kept here is transient (positions mid-drag, sizes mid-resize). Every change that should
 * last goes through the command layer as one undoable document change.
 */
export function Canvas({ nodeBadges = EMPTY_BADGES, edgeBadges = EMPTY_BADGES }: CanvasProps) {
  const services = useServices();
  const { documents, session, ui } = services;
  const flow = useReactFlow<ComponentFlowNode, RelationFlowEdge>();
  const document = useStore(documents, (state) => state.document);
  // A diagram from a newer Stowage: nothing can be moved, resized or connected (runOperation refuses edits anyway).
  const readOnly = useStore(documents, (state) => state.readOnly);
  const placeholders = useMemo(
    () => (readOnly ? new Set([...readOnly.placeholderNodeIds, ...readOnly.placeholderEdgeIds]) : NO_PLACEHOLDERS),
    [readOnly],
  );
  const selectedNodeIds = useStore(session, (state) => state.selectedNodeIds);
  const selectedEdgeIds = useStore(session, (state) => state.selectedEdgeIds);
  const dropTargetId = useStore(session, (state) => state.dropTargetId);
  const snapToGrid = useStore(session, (state) => state.snapToGrid);
  const minimap = useStore(session, (state) => state.minimap);
  const far = useFlowStore((state) => state.transform[2] < FAR_ZOOM);
  const connecting = useConnection((connection) => connection.inProgress);
  const openContextMenu = useContextMenu((state) => state.open);

  // One deriver per canvas. Its cache only lets equal inputs return the same flow objects, so
  // what a render sees depends on the inputs alone; it lives in state as a stable instance.
  const [deriver] = useState(() => new FlowDeriver());
  const derivedNodes = useMemo(
    () => deriver.nodes({ document, selectedNodeIds, dropTargetId, nodeBadges, placeholders }),
    [deriver, document, selectedNodeIds, dropTargetId, nodeBadges, placeholders],
  );
  const derivedEdges = useMemo(
    () => deriver.edges({ document, selectedEdgeIds, edgeBadges, placeholders }),
    [deriver, document, selectedEdgeIds, edgeBadges, placeholders],
  );

  // Transient copies: React Flow moves nodes here while dragging; a new derivation replaces them.
  const [nodeState, setNodeState] = useState({ derived: derivedNodes, nodes: derivedNodes });
  if (nodeState.derived !== derivedNodes) setNodeState({ derived: derivedNodes, nodes: derivedNodes });

  const index = useMemo(() => new DocumentIndex(document), [document]);
  // Drag and connection callbacks read the index of the committed document without being
  // recreated on every edit (React Flow compares them by identity).
  const indexRef = useRef(index);
  useLayoutEffect(() => {
    indexRef.current = index;
  }, [index]);

  useEffect(() => {
    services.canvas.set({
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      zoomTo: (level) => void flow.zoomTo(level, { duration: 150 }),
      fitView: (nodeIds) =>
        void flow.fitView({
          padding: 0.05,
          duration: 200,
          maxZoom: 1.5,
          ...(nodeIds?.length ? { nodes: nodeIds.map((id) => ({ id })) } : {}),
        }),
      viewportCenter: () => {
        const pane = window.document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!pane) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
      },
      screenToFlow: (point) => flow.screenToFlowPosition(point),
    });
    return () => {
      services.canvas.set(null);
    };
  }, [flow, services]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ComponentFlowNode>[]) => {
      const selectChanges = changes.filter((change) => change.type === 'select');
      if (selectChanges.length > 0) {
        const next = new Set(session.getState().selectedNodeIds);
        for (const change of selectChanges) {
          if (change.type !== 'select') continue;
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        }
        session.getState().select(next, session.getState().selectedEdgeIds);
      }
      // 'replace' arrives when React Flow re-syncs its copies (a queued fitView waits for it to be applied).
      const transient = changes.filter((change) => change.type === 'position' || change.type === 'dimensions' || change.type === 'replace');
      if (transient.length > 0) setNodeState((state) => ({ ...state, nodes: applyNodeChanges(transient, state.nodes) }));
    },
    [session],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<RelationFlowEdge>[]) => {
      const selectChanges = changes.filter((change) => change.type === 'select');
      if (selectChanges.length === 0) return;
      const next = new Set(session.getState().selectedEdgeIds);
      for (const change of selectChanges) {
        if (change.type !== 'select') continue;
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      session.getState().select(session.getState().selectedNodeIds, next);
    },
    [session],
  );

  const onNodeDrag = useCallback(
    (_event: unknown, node: ComponentFlowNode, dragged: ComponentFlowNode[]) => {
      const internal = flow.getInternalNode(node.id);
      if (!internal) return;
      const index = indexRef.current;
      const size = { width: node.width ?? 0, height: node.height ?? 0 };
      const center = {
        x: internal.internals.positionAbsolute.x + size.width / 2,
        y: internal.internals.positionAbsolute.y + size.height / 2,
      };
      const target = index.dropTarget(center, node.data.node.kind, new Set(dragged.map((item) => item.id)));
      session.getState().setDropTarget(target && target.id !== node.parentId ? target.id : null);
    },
    [flow, session],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: ComponentFlowNode, dragged: ComponentFlowNode[]) => {
      session.getState().setDropTarget(null);
      const items = dragged.flatMap((item) => {
        const internal = flow.getInternalNode(item.id);
        return internal ? [{ id: item.id, position: item.position, absolute: internal.internals.positionAbsolute }] : [];
      });
      const notNested = commitDrag(services, items);
      const [first] = notNested;
      if (first) {
        ui.getState().toast(
          `"${first.label || first.id}" stays on the canvas: the group under it cannot hold it. ${nestingHint(first.kind)}`,
          'info',
        );
      }
    },
    [flow, services, session, ui],
  );

  const isValidConnection = useCallback<IsValidConnection<RelationFlowEdge>>((connection) => {
    if (connection.source === connection.target) return false;
    const index = indexRef.current;
    const source = index.node(connection.source);
    const target = index.node(connection.target);
    return Boolean(source && target && resolveConnection(source.kind, target.kind));
  }, []);

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = connectNodes(services, {
        from: connection.source,
        to: connection.target,
        fromHandle: connection.sourceHandle,
        toHandle: connection.targetHandle,
      });
      if (!result.ok) ui.getState().toast(result.reason, 'warning');
    },
    [services, ui],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kindId = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!kindId) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addComponent(services, kindId, point);
    },
    [flow, services],
  );

  const onPointerMove = useCallback(
    (event: ReactMouseEvent) => {
      services.pointer.set(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow, services],
  );

  const showMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent, target: ContextTarget) => {
      event.preventDefault();
      if (target.type === 'node' && !session.getState().selectedNodeIds.has(target.id)) session.getState().select([target.id]);
      if (target.type === 'edge' && !session.getState().selectedEdgeIds.has(target.id)) session.getState().select([], [target.id]);
      services.pointer.set(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      openContextMenu({ x: event.clientX, y: event.clientY, target });
    },
    [flow, openContextMenu, services, session],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: ComponentFlowNode) => showMenu(event, { type: 'node', id: node.id }),
    [showMenu],
  );
  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: RelationFlowEdge) => showMenu(event, { type: 'edge', id: edge.id }),
    [showMenu],
  );
  const onPaneContextMenu = useCallback((event: ReactMouseEvent | MouseEvent) => showMenu(event, { type: 'pane' }), [showMenu]);
  const onSelectionContextMenu = useCallback((event: ReactMouseEvent) => showMenu(event, { type: 'selection' }), [showMenu]);

  const minimapColor = useCallback((node: ComponentFlowNode) => {
    const kind = findKind(node.data.node.kind);
    if (!kind) return '#7d8998';
    return kind.group ? 'transparent' : appearanceOf(kind, node.data.node.props).color;
  }, []);
  const minimapStroke = useCallback((node: ComponentFlowNode) => {
    const kind = findKind(node.data.node.kind);
    return kind?.group ? appearanceOf(kind, node.data.node.props).color : 'transparent';
  }, []);

  return (
    <div
      className={`stowage-canvas${far ? ' is-far' : ''}${connecting ? ' is-connecting' : ''}${readOnly ? ' is-read-only' : ''}`}
      onMouseMove={onPointerMove}
      data-testid="canvas"
    >
      <ReactFlow<ComponentFlowNode, RelationFlowEdge>
        nodes={nodeState.nodes}
        edges={derivedEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        connectionMode={ConnectionMode.Loose}
        connectionLineComponent={ConnectionLine}
        connectionRadius={24}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onSelectionContextMenu={onSelectionContextMenu}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        panActivationKeyCode="Space"
        zoomOnPinch
        zoomActivationKeyCode={ZOOM_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        minZoom={0.05}
        maxZoom={3}
        zIndexMode="manual"
        elevateNodesOnSelect={false}
        onlyRenderVisibleElements
        proOptions={proOptions}
      >
        {!far && <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} color="#c3c9d0" />}
        <Controls showInteractive={false} position="bottom-left" />
        {minimapVisible(minimap, document.nodes.length) && (
          <MiniMap
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeColor={minimapStroke}
            nodeStrokeWidth={6}
            position="bottom-right"
            ariaLabel="Minimap"
          />
        )}
      </ReactFlow>
    </div>
  );
}

/** "Put it inside an ECS cluster or Fargate capacity." from the catalog's nesting rules. */
function nestingHint(kindId: string): string {
  const containers = containersOf(kindId).map((kind) => kind.label);
  if (containers.length === 0) return '';
  const list = containers.length === 1 ? containers[0] : `${containers.slice(0, -1).join(', ')} or ${containers[containers.length - 1]}`;
  return `Drop it inside ${list}.`;
}
