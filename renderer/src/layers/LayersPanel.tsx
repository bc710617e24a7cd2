import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { useStore } from 'zustand';
import { readOnlyRefusal, type DiagramDocument, type DiagramNode } from '../../../shared/document';
import { moveInTree, treeMoveRefusal } from '../../../shared/operations';
import { useServices, type AppServices } from '../app/services';
import type { BadgeInfo } from '../canvas/flow-types';
import { useContextMenu } from '../canvas/context-menu-state';
import { useRenaming } from '../canvas/rename-state';
import { moveNodesInTree, renameNodeTo } from '../commands/edit-actions';
import {
  INDENT,
  ROW_HEIGHT,
  ROW_PADDING,
  buildLayerTree,
  collapsedAncestors,
  draggedIds,
  findingsInside,
  groupsWithChildren,
  isTreeKey,
  placementOf,
  rowRange,
  rowWindow,
  stepFor,
  typeAhead,
  visibleRows,
  type LayerTree,
  type TreeTarget,
} from './layer-tree';
import { LayerRowView, layerName, rowDomId } from './LayerRowView';
import { useLayerDrag, type Modifiers } from './use-layer-drag';

const NO_BADGES: ReadonlyMap<string, BadgeInfo> = new Map();
/** The drop line starts where a row at its depth shows its icon (past the open/close arrow). */
const LINE_INSET = 18;
/** How long typed letters add up to one type-ahead prefix. */
const TYPE_AHEAD_MS = 700;

/**
 * The Layers panel: every component in its containment tree (Region ⊃ VPC ⊃ AZ ⊃ subnet,
 * cluster ⊃ capacity ⊃ services), what draws on top listed first. Selecting here selects on the
 * canvas and brings the node into view; selecting on the canvas opens the groups around it
 * here and scrolls to it. Rows rename in place, and dragging them reorders siblings or moves a
 * node into another group (as far as the catalog allows, saying so when not), one undo step
 * each. So anything covered, off screen or too small to grab is reached from here. Only the
 * rows in view are drawn, so a diagram of thousands of nodes scrolls as lightly as a small one.
 */
export function LayersPanel({ badges = NO_BADGES }: { badges?: ReadonlyMap<string, BadgeInfo> }) {
  const services = useServices();
  const { documents, session, ui, host } = services;
  const isMac = host.platform === 'mac';
  const diagram = useStore(documents, (state) => state.document);
  const selected = useStore(session, (state) => state.selectedNodeIds);
  const collapsed = useStore(session, (state) => state.collapsedLayerIds);

  const tree = useMemo(() => buildLayerTree(diagram.nodes), [diagram.nodes]);
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const rowIndex = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const nodesById = useMemo(() => new Map(diagram.nodes.map((node) => [node.id, node])), [diagram.nodes]);
  const inside = useMemo(() => findingsInside(tree, badges), [tree, badges]);

  const list = useRef<HTMLDivElement>(null);
  const rowsRef = useRef(rows);
  const treeRef = useRef(tree);
  useLayoutEffect(() => {
    rowsRef.current = rows;
    treeRef.current = tree;
  }, [rows, tree]);

  const firstSelected = () => {
    const ids = session.getState().selectedNodeIds;
    return rows.find((row) => ids.has(row.id))?.id;
  };
  const [focusedId, setFocusedId] = useState<string | undefined>(firstSelected);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  const anchor = useRef<string | undefined>(undefined);
  /** Set while this panel changes the selection: the row is already where it is wanted, so nothing else moves. */
  const selecting = useRef(false);
  /** A row to scroll into view once it is shown. */
  const pendingReveal = useRef<string | undefined>(focusedId);
  const typed = useRef({ prefix: '', at: 0 });

  const selectOwn = useCallback(
    (ids: Iterable<string>, edgeIds: Iterable<string> = []) => {
      selecting.current = true;
      try {
        session.getState().select(ids, edgeIds);
      } finally {
        selecting.current = false;
      }
    },
    [session],
  );
  const revealOnCanvas = useCallback((ids: readonly string[]) => revealIn(services, ids), [services]);

  // Selected elsewhere (the canvas, the problems panel, undo): open the groups around it and scroll to it.
  useEffect(() => {
    let cachedNodes: readonly DiagramNode[] | null = null;
    let cachedTree: LayerTree | null = null;
    return session.subscribe((state, previous) => {
      if (state.selectedNodeIds === previous.selectedNodeIds || selecting.current) return;
      if (state.selectedNodeIds.size === 0) return;
      // The document may have changed in the same step (an added node is selected): ask it, not the last render.
      const nodes = documents.getState().document.nodes;
      if (nodes !== cachedNodes || !cachedTree) {
        cachedNodes = nodes;
        cachedTree = buildLayerTree(nodes);
      }
      const hidden = collapsedAncestors(cachedTree, state.selectedNodeIds, state.collapsedLayerIds);
      if (hidden.length > 0) session.getState().setLayersCollapsed(hidden, false);
      const shown = visibleRows(cachedTree, session.getState().collapsedLayerIds);
      const first = shown.find((row) => state.selectedNodeIds.has(row.id))?.id;
      if (first === undefined) return;
      anchor.current = first;
      pendingReveal.current = first;
      setFocusedId(first);
    });
  }, [documents, session]);

  // Keeps the row asked for in view, once the rows include it.
  useLayoutEffect(() => {
    const id = pendingReveal.current;
    const element = list.current;
    if (id === undefined || !element) return;
    const at = rowIndex.get(id);
    if (at === undefined) return;
    pendingReveal.current = undefined;
    const top = at * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  });

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => setView({ scrollTop: element.scrollTop, height: element.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onPress = useCallback(
    (id: string, modifiers: Modifiers) => {
      list.current?.focus({ preventScroll: true });
      setFocusedId(id);
      const current = session.getState().selectedNodeIds;
      if (modifiers.shift) {
        selectOwn(rowRange(rowsRef.current, anchor.current ?? id, id));
        return;
      }
      anchor.current = id;
      if (modifiers.mod) {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        selectOwn(next, session.getState().selectedEdgeIds);
        if (next.has(id)) revealOnCanvas([id]);
        return;
      }
      // A press on a selected row keeps the selection, so a drag moves all of it; a click then selects the row alone.
      if (current.has(id)) return;
      selectOwn([id]);
      revealOnCanvas([id]);
    },
    [revealOnCanvas, selectOwn, session],
  );
  const onClick = useCallback(
    (id: string, modifiers: Modifiers) => {
      if (modifiers.shift || modifiers.mod) return;
      selectOwn([id]);
      revealOnCanvas([id]);
    },
    [revealOnCanvas, selectOwn],
  );
  const canDrag = useCallback(() => {
    const locked = documents.getState().readOnly;
    if (!locked) return true;
    ui.getState().toast(readOnlyRefusal(locked), 'warning');
    return false;
  }, [documents, ui]);
  const movingFor = useCallback((id: string) => draggedIds(id, session.getState().selectedNodeIds), [session]);
  const onDrop = useCallback(
    (moving: readonly string[], target: TreeTarget) => {
      const at = placementOf(treeRef.current, target, new Set(moving));
      const report = moveNodesInTree(services, {
        nodeIds: moving,
        ...(target.parentId !== undefined ? { parentId: target.parentId } : {}),
        ...(at ? { at } : {}),
      });
      if (report?.refused) {
        ui.getState().toast(report.refused, 'warning');
        return;
      }
      if (target.parentId !== undefined) session.getState().setLayersCollapsed([target.parentId], false);
      // Moved into or out of a group, a node may have gone to a free spot elsewhere: show it.
      revealOnCanvas(moving);
    },
    [revealOnCanvas, services, session, ui],
  );
  const { drag, onPointerDown, cancel } = useLayerDrag({
    list,
    rows: rowsRef,
    tree: treeRef,
    isMac,
    onPress,
    onClick,
    movingFor,
    canDrag,
    onDrop,
  });

  const onToggle = useCallback(
    (id: string) => session.getState().setLayersCollapsed([id], !session.getState().collapsedLayerIds.has(id)),
    [session],
  );
  const onStartRename = useCallback(
    (id: string) => {
      const locked = documents.getState().readOnly;
      if (locked) {
        ui.getState().toast(readOnlyRefusal(locked), 'warning');
        return;
      }
      useRenaming.getState().close();
      pendingReveal.current = id;
      setFocusedId(id);
      setRenamingId(id);
    },
    [documents, ui],
  );
  const onFinishRename = useCallback(
    (id: string, label: string | null) => {
      setRenamingId(null);
      const node = documents.getState().document.nodes.find((candidate) => candidate.id === id);
      if (node && label !== null && label !== node.label) renameNodeTo(services, id, label);
      list.current?.focus({ preventScroll: true });
    },
    [documents, services],
  );

  // The canvas's context menu, for the row's node: the same commands (cut, copy, delete, arrange …).
  const onContextMenu = useCallback(
    (event: MouseEvent<HTMLElement>, id: string) => {
      event.preventDefault();
      if (!session.getState().selectedNodeIds.has(id)) {
        anchor.current = id;
        selectOwn([id]);
      }
      setFocusedId(id);
      useContextMenu.getState().open({ x: event.clientX, y: event.clientY, target: { type: 'node', id } });
    },
    [selectOwn, session],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into the rename field are the field's.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Escape' && cancel()) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const mod = isMac ? event.metaKey : event.ctrlKey;
    const plain = !mod && !event.altKey && !event.shiftKey && !event.metaKey && !event.ctrlKey;
    if (isTreeKey(event.key) && !event.altKey) {
      event.preventDefault();
      const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);
      const step = stepFor(rows, focusedId, event.key, page);
      if (step.expand) session.getState().setLayersCollapsed([step.expand], false);
      if (step.collapse) session.getState().setLayersCollapsed([step.collapse], true);
      if (step.focus === undefined) return;
      setFocusedId(step.focus);
      pendingReveal.current = step.focus;
      const vertical = event.key !== 'ArrowLeft' && event.key !== 'ArrowRight';
      if (event.shiftKey && vertical) {
        selectOwn(rowRange(rows, anchor.current ?? focusedId ?? step.focus, step.focus));
      } else if (!mod) {
        anchor.current = step.focus;
        selectOwn([step.focus]);
        revealOnCanvas([step.focus]);
      }
      return;
    }
    if ((event.key === 'F2' || event.key === 'Enter') && plain) {
      event.preventDefault();
      if (focusedId !== undefined) onStartRename(focusedId);
      return;
    }
    if (event.key === ' ' && focusedId !== undefined && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      onPress(focusedId, { shift: false, mod });
      return;
    }
    if (plain && event.key.length === 1 && /[\p{L}\p{N}]/u.test(event.key)) {
      event.preventDefault();
      const now = event.timeStamp;
      const prefix = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.prefix + event.key : event.key;
      typed.current = { prefix, at: now };
      const found = typeAhead(rows, focusedId, prefix, (id) => {
        const node = nodesById.get(id);
        return node ? layerName(node) : '';
      });
      if (found === undefined) return;
      setFocusedId(found);
      pendingReveal.current = found;
      anchor.current = found;
      selectOwn([found]);
      revealOnCanvas([found]);
    }
  };

  const onListPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget && event.target !== event.currentTarget.firstChild) return;
    list.current?.focus({ preventScroll: true });
    if (event.button === 0 && !event.shiftKey && !(isMac ? event.metaKey : event.ctrlKey)) session.getState().clearSelection();
  };

  const shown = rowWindow(rows.length, view.scrollTop, view.height);
  const indexes: number[] = [];
  for (let at = shown.first; at < shown.last; at++) indexes.push(at);
  // The focused row and the one being renamed stay drawn when scrolled away (focus and typing live there).
  for (const id of [focusedId, renamingId]) {
    const at = id === undefined || id === null ? undefined : rowIndex.get(id);
    if (at !== undefined && (at < shown.first || at >= shown.last) && !indexes.includes(at)) indexes.push(at);
  }
  const activeShown = focusedId !== undefined && rowIndex.has(focusedId);

  const target = drag?.target;
  const refusal = useMemo(
    () => (drag?.target ? treeMoveRefusal(diagram, [...drag.moving], drag.target.parentId) : undefined),
    [diagram, drag],
  );
  const dropRowId = target?.indicator.type === 'row' ? target.indicator.id : undefined;
  const line = target?.indicator.type === 'line' ? target.indicator : undefined;

  return (
    <div className={`stowage-layers${drag ? ' is-dragging' : ''}`} data-testid="layers-panel">
      <div className="stowage-layers__header">
        <span className="stowage-layers__count">
          {diagram.nodes.length} {diagram.nodes.length === 1 ? 'component' : 'components'}
        </span>
        <button
          type="button"
          className="stowage-layers__action"
          onClick={() => session.getState().setLayersCollapsed(session.getState().collapsedLayerIds, false)}
          title="Expand all: open every group"
          aria-label="Expand all"
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 3l4 4 4-4 M4 9l4 4 4-4" />
          </svg>
        </button>
        <button
          type="button"
          className="stowage-layers__action"
          onClick={() => session.getState().setLayersCollapsed(groupsWithChildren(tree), true)}
          title="Collapse all: close every group"
          aria-label="Collapse all"
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 7l4-4 4 4 M4 13l4-4 4 4" />
          </svg>
        </button>
      </div>
      <div
        ref={list}
        className="stowage-layers__tree"
        role="tree"
        aria-label="Layers"
        aria-multiselectable="true"
        aria-activedescendant={activeShown ? rowDomId(focusedId) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDown={onListPointerDown}
        onScroll={(event) => setView({ scrollTop: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
      >
        <div className="stowage-layers__rows" style={{ height: rows.length * ROW_HEIGHT }}>
          {indexes.map((at) => {
            const row = rows[at]!;
            const node = nodesById.get(row.id)!;
            return (
              <LayerRowView
                key={row.id}
                row={row}
                node={node}
                index={at}
                selected={selected.has(row.id)}
                focused={row.id === focusedId}
                badge={badges.get(row.id)}
                inside={inside.get(row.id)}
                moving={drag?.moving.has(row.id) ?? false}
                dropInto={row.id === dropRowId ? (refusal ? 'refused' : 'ok') : undefined}
                renaming={row.id === renamingId}
                onPointerDown={onPointerDown}
                onToggle={onToggle}
                onStartRename={onStartRename}
                onFinishRename={onFinishRename}
                onContextMenu={onContextMenu}
              />
            );
          })}
          {line && (
            <div
              className={`stowage-layers__line${refusal ? ' is-refused' : ''}`}
              style={{ top: line.boundary * ROW_HEIGHT - 1, left: ROW_PADDING + line.depth * INDENT + LINE_INSET }}
              data-testid="layers-drop-line"
            />
          )}
        </div>
        {rows.length === 0 && (
          <p className="stowage-layers__empty">
            Components you add are listed here, the one drawn on top first, each group with what it holds.
          </p>
        )}
      </div>
      {drag && (
        <div
          className={`stowage-layers__status${refusal ? ' is-refused' : ''}${drag.pointerLow ? ' is-above' : ''}`}
          role="status"
          data-testid="layers-drag-status"
        >
          {target ? (refusal ?? targetText(diagram, target, drag.moving)) : 'Let go over a row to move it there.'}
        </div>
      )}
    </div>
  );
}

/** Pans the canvas, at the same zoom, so the nodes are in view (when it is mounted). */
function revealIn(services: AppServices, ids: readonly string[]): void {
  services.canvas.current?.reveal(ids);
}

/** "Move into VPC "main"", "Reorder", "Move 2 components onto the canvas": what letting go here does (the undo step's name). */
function targetText(diagram: DiagramDocument, target: TreeTarget, moving: ReadonlySet<string>): string {
  return moveInTree.label({ nodeIds: [...moving], ...(target.parentId !== undefined ? { parentId: target.parentId } : {}) }, diagram);
}
