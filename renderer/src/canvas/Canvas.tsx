import { useTheme } from '../theme/theme';
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
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useStore } from 'zustand';
import { appearanceOf, findKind, resolveConnection } from '../../../shared/catalog';
import { DocumentIndex } from '../../../shared/document';
import { THEMES } from '../../../shared/export/svg/style';
import { useServices } from '../app/services';
import { connectNodes } from '../commands/edit-actions';
import { ConnectionLine } from './ConnectionLine';
import { ComponentNode } from './ComponentNode';
import { FlowDeriver } from './derive';
import type { BadgeInfo, ComponentFlowNode, RelationFlowEdge } from './flow-types';
import { GroupNode } from './GroupNode';
import { PlaceholderGroupNode, PlaceholderNode } from './PlaceholderNode';
import { RelationEdge } from './RelationEdge';
import { useContextMenu, type ContextTarget } from './context-menu-state';
import { HANDLE_REACH_PX, nodeWithDotNear, showDotsOf } from './handle-priority';
import { OffscreenHint } from './OffscreenHint';
import { RenameEditor } from './RenameEditor';
import { useRenaming } from './rename-state';
import { useCanvasController } from './use-canvas-controller';
import { useDropHandling } from './use-drop-handling';
import { useSelectionGrab } from './selection-grab';
import { minimapVisible } from '../state/session-store';
import { FAR_ZOOM, FarZoom, OVERVIEW_ZOOM } from './zoom';
import { OverviewLayer } from './overview/OverviewLayer';
import { buildScene } from './overview/scene';

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
/*
 * React Flow measures where a node was grabbed when its drag starts. With its default 1 px
 * threshold that is the first mousemove past it; a quick flick whose moves the browser delivers
 * as one coalesced mousemove then starts the drag at the release point, and the node does not
 * move at all. Starting at the press keeps every flick whole; use-drop-handling ignores the
 * "drag" a plain click then reports.
 */
const DRAG_FROM_PRESS = 0;

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
  // Zoomed out this far, one <canvas> draws the diagram instead of React Flow's DOM nodes.
  const overview = useFlowStore((state) => state.transform[2] < OVERVIEW_ZOOM);
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

  // Transient copies: React Flow moves nodes here while dragging; a new derivation replaces them,
  // except where a drag is still under way (a drop-target highlight re-derives mid-drag).
  const [nodeState, setNodeState] = useState({ derived: derivedNodes, nodes: derivedNodes, dragged: NOT_DRAGGING });
  if (nodeState.derived !== derivedNodes) {
    setNodeState({
      derived: derivedNodes,
      nodes: keepDragged(derivedNodes, nodeState.nodes, nodeState.dragged),
      dragged: nodeState.dragged,
    });
  }

  const index = useMemo(() => new DocumentIndex(document), [document]);
  // Drag and connection callbacks read the index of the committed document without being
  // recreated on every edit (React Flow compares them by identity).
  const indexRef = useRef(index);
  useLayoutEffect(() => {
    indexRef.current = index;
  }, [index]);
  const scene = useMemo(
    () => (overview ? buildScene(derivedNodes, derivedEdges, index) : null),
    [overview, derivedNodes, derivedEdges, index],
  );
  const container = useRef<HTMLDivElement>(null);
  useCanvasController(services, container);
  const drops = useDropHandling(services, indexRef);
  useSelectionGrab(container, session, indexRef);

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

  const onPointerMove = useCallback(
    (event: ReactMouseEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      services.pointer.set(point);
      // Near a connection dot, edges let the pointer through and the dot shows, so it can be grabbed.
      if (event.buttons !== 0) return;
      showDotsOf(container.current, nodeWithDotNear(indexRef.current, point, HANDLE_REACH_PX / flow.getZoom()));
    },
    [flow, services],
  );
  const onPointerLeave = useCallback(() => {
    // Paste then cascades from the originals rather than landing where the pointer last was.
    services.pointer.set(null);
    showDotsOf(container.current, undefined);
  }, [services]);

  // Set on the element at once rather than through a render: a quick connection can be let go
  // before React draws again, and the drop must already find the node under the edges.
  // (Attributes, not classes: React rewrites className when it renders.)
  const onConnectStart = useCallback(() => container.current?.setAttribute('data-connecting', ''), []);
  const onConnectEnd = useCallback(() => container.current?.removeAttribute('data-connecting'), []);

  // While dragged, nodes (with what they hold) draw above everything, not under the groups they pass.
  const onNodeDragStart = useCallback((_event: unknown, _node: ComponentFlowNode, dragged: ComponentFlowNode[]) => {
    const ids: ReadonlySet<string> = new Set(dragged.map((item) => item.id));
    setNodeState((state) => ({ ...state, nodes: raised(state.nodes, ids), dragged: ids }));
  }, []);
  const onNodeDragStop = useCallback(
    (event: unknown, node: ComponentFlowNode, dragged: ComponentFlowNode[]) => {
      drops.onNodeDragStop(event, node, dragged);
      // Back to the document's drawing: a drop that changed it derives anew anyway; one that did not leaves it as it was.
      setNodeState((state) => ({ derived: state.derived, nodes: state.derived, dragged: NOT_DRAGGING }));
    },
    [drops],
  );

  const onNodeDoubleClick = useCallback(
    (event: ReactMouseEvent, node: ComponentFlowNode) => {
      const isGroup = findKind(node.data.node.kind)?.group !== undefined;
      if (isGroup) {
        // Groups rename from their title bar; a double-click inside is just a double-click.
        const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        if (point.y - indexRef.current.absolutePosition(node.id).y > GROUP_TITLE_HEIGHT) return;
      }
      session.getState().select([node.id]);
      useRenaming.getState().open(node.id);
    },
    [flow, session],
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
  const onOverviewNodeMenu = useCallback((event: MouseEvent, nodeId: string) => showMenu(event, { type: 'node', id: nodeId }), [showMenu]);
  const onPaneContextMenu = useCallback((event: ReactMouseEvent | MouseEvent) => showMenu(event, { type: 'pane' }), [showMenu]);
  const onSelectionContextMenu = useCallback((event: ReactMouseEvent) => showMenu(event, { type: 'selection' }), [showMenu]);

  const theme = useTheme();
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
      className={`stowage-canvas${far ? ' is-far' : ''}${overview ? ' is-overview' : ''}${readOnly ? ' is-read-only' : ''}`}
      onMouseMove={onPointerMove}
      onMouseLeave={onPointerLeave}
      ref={container}
      data-testid="canvas"
    >
      <FarZoom value={far}>
        <ReactFlow<ComponentFlowNode, RelationFlowEdge>
          nodes={overview ? NO_NODES : nodeState.nodes}
          edges={overview ? NO_EDGES : derivedEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={drops.onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          nodeDragThreshold={DRAG_FROM_PRESS}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          connectionMode={ConnectionMode.Loose}
          connectionLineComponent={ConnectionLine}
          connectionRadius={24}
          onDragOver={drops.onDragOver}
          onDragLeave={drops.onDragLeave}
          onDrop={drops.onDrop}
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
          colorMode={theme}
        >
          {!far && <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} color="var(--grid-dot)" />}
          <Controls showInteractive={false} position="bottom-left" />
          {scene && <OverviewLayer scene={scene} container={container} index={indexRef} onNodeMenu={onOverviewNodeMenu} />}
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
          <RenameEditor />
        </ReactFlow>
      </FarZoom>
      <OffscreenHint />
    </div>
  );
}

const NOT_DRAGGING: ReadonlySet<string> = new Set();
const NO_NODES: ComponentFlowNode[] = [];
const NO_EDGES: RelationFlowEdge[] = [];

/** A group's title bar, in flow pixels: a double-click there renames the group. */
const GROUP_TITLE_HEIGHT = 32;

/**
 * A new derivation of the nodes, keeping the position of every node React Flow is dragging
 * right now: dropping it back to the document's position would make it jump for a frame.
 */
function keepDragged(
  derived: ComponentFlowNode[],
  transient: readonly ComponentFlowNode[],
  dragged: ReadonlySet<string>,
): ComponentFlowNode[] {
  if (dragged.size === 0) return derived;
  const moving = new Map<string, ComponentFlowNode>();
  for (const node of transient) if (dragged.has(node.id)) moving.set(node.id, node);
  const kept = derived.map((node) => {
    const current = moving.get(node.id);
    return current && current.parentId === node.parentId ? { ...node, position: current.position, dragging: current.dragging } : node;
  });
  return raised(kept, dragged);
}

/** Above every z-index the document's stacking gives (see derive.ts). */
const DRAG_LIFT = 1_000_000;

/** The nodes with `ids` and everything inside them lifted above the rest, keeping their order among themselves. */
function raised(nodes: ComponentFlowNode[], ids: ReadonlySet<string>): ComponentFlowNode[] {
  if (ids.size === 0) return nodes;
  const lifted = new Set<string>();
  // Parents come first, so a parent is lifted before its children are looked at.
  return nodes.map((node) => {
    if (!ids.has(node.id) && (node.parentId === undefined || !lifted.has(node.parentId))) return node;
    lifted.add(node.id);
    return { ...node, zIndex: (node.zIndex ?? 0) + DRAG_LIFT };
  });
}
