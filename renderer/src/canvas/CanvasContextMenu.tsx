import { useCallback } from 'react';
import { useServices } from '../app/services';
import { Menu, type MenuEntry } from '../ui/Menu';
import { useContextMenu } from './context-menu-state';

const ELEMENT_ENTRIES: MenuEntry[] = [
  { type: 'command', id: 'edit.cut' },
  { type: 'command', id: 'edit.copy' },
  { type: 'command', id: 'edit.paste' },
  { type: 'command', id: 'edit.duplicate' },
  { type: 'separator' },
  { type: 'command', id: 'edit.delete' },
  { type: 'separator' },
  { type: 'command', id: 'edit.rename' },
  { type: 'command', id: 'arrange.bringToFront' },
  { type: 'command', id: 'arrange.bringForward' },
  { type: 'command', id: 'arrange.sendBackward' },
  { type: 'command', id: 'arrange.sendToBack' },
  { type: 'command', id: 'arrange.layoutGroup' },
  { type: 'command', id: 'arrange.fitGroup' },
  { type: 'separator' },
  { type: 'command', id: 'view.fit' },
];

/** Shown with the element entries when several nodes are selected. */
const ARRANGE_ENTRIES: MenuEntry[] = [
  { type: 'separator' },
  { type: 'command', id: 'arrange.alignLeft' },
  { type: 'command', id: 'arrange.alignCenter' },
  { type: 'command', id: 'arrange.alignRight' },
  { type: 'command', id: 'arrange.alignTop' },
  { type: 'command', id: 'arrange.alignMiddle' },
  { type: 'command', id: 'arrange.alignBottom' },
  { type: 'command', id: 'arrange.distributeHorizontally' },
  { type: 'command', id: 'arrange.distributeVertically' },
];

const PANE_ENTRIES: MenuEntry[] = [
  { type: 'command', id: 'edit.paste' },
  { type: 'command', id: 'edit.selectAll' },
  { type: 'separator' },
  { type: 'command', id: 'edit.undo' },
  { type: 'command', id: 'edit.redo' },
  { type: 'separator' },
  { type: 'command', id: 'view.fit' },
  { type: 'command', id: 'arrange.layoutDiagram' },
  { type: 'command', id: 'view.toggleSnap' },
  { type: 'command', id: 'view.toggleMinimap' },
];

/** The canvas right-click menu: the same commands as the Edit and View menus. */
export function CanvasContextMenu() {
  const { session } = useServices();
  const menu = useContextMenu((state) => state.menu);
  const close = useContextMenu((state) => state.close);
  const onClose = useCallback(() => close(), [close]);
  if (!menu) return null;
  const several = session.getState().selectedNodeIds.size >= 2;
  const entries = menu.target.type === 'pane' ? PANE_ENTRIES : several ? [...ELEMENT_ENTRIES, ...ARRANGE_ENTRIES] : ELEMENT_ENTRIES;
  return <Menu entries={entries} x={menu.x} y={menu.y} onClose={onClose} label="Canvas menu" />;
}
