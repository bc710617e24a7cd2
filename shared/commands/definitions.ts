/**
 * What every command is called and how it is reached: id, label, shortcut, menu. The
 * renderer's command registry adds `run` and `enabled` to these ids; the Electron
 * application menu, the in-app menu bar, the context menu, the toolbar and the keyboard
 * all read this one list.
 */

/** The menus, in menu-bar order, with the names every menu (native and in-app) shows. */
export const MENUS = [
  { id: 'file', label: 'File' },
  { id: 'edit', label: 'Edit' },
  { id: 'view', label: 'View' },
  { id: 'arrange', label: 'Arrange' },
  { id: 'help', label: 'Help' },
] as const;

export type MenuId = (typeof MENUS)[number]['id'];

export function menuLabel(id: MenuId): string {
  return MENUS.find((menu) => menu.id === id)!.label;
}

export interface CommandDefinition {
  id: string;
  label: string;
  /**
   * Keyboard shortcuts, first one shown in menus. "Mod" is Cmd on macOS and Ctrl elsewhere;
   * keys use KeyboardEvent.key names ("Delete", "ArrowLeft", "=").
   */
  shortcuts?: readonly string[];
  menu?: MenuId;
  /** Commands in the same menu and section are shown together; a separator divides sections. */
  section?: number;
  /**
   * Clipboard commands are carried by the platform's cut/copy/paste events so that text
   * fields keep working; the Electron menu uses this role and the canvas listens to the events.
   */
  nativeRole?: 'cut' | 'copy' | 'paste';
  /**
   * The shortcut also works while the user types in a text field: the command acts on the
   * document, not the text (saving while editing a label). Others leave keys to the field.
   */
  whileTyping?: true;
  /**
   * Leaves the document and its file as they are, so it stays available while the document is
   * read-only (a file from a newer Stowage). Every other command is disabled then, and trying
   * one says why: a new command that edits is safe on read-only diagrams without saying so.
   */
  availableReadOnly?: true;
}

export const COMMANDS = [
  { id: 'file.new', label: 'New', shortcuts: ['Mod+N'], menu: 'file', section: 0, whileTyping: true, availableReadOnly: true },
  { id: 'file.newFromTemplate', label: 'New from Template…', menu: 'file', section: 0, availableReadOnly: true },
  { id: 'file.open', label: 'Open…', shortcuts: ['Mod+O'], menu: 'file', section: 0, whileTyping: true, availableReadOnly: true },
  { id: 'file.save', label: 'Save', shortcuts: ['Mod+S'], menu: 'file', section: 1, whileTyping: true },
  {
    id: 'file.saveAs',
    label: 'Save As…',
    shortcuts: ['Shift+Mod+S'],
    menu: 'file',
    section: 1,
    whileTyping: true,
    availableReadOnly: true,
  },
  { id: 'file.export', label: 'Export…', shortcuts: ['Mod+E'], menu: 'file', section: 2, whileTyping: true, availableReadOnly: true },
  { id: 'file.exportDrawio', label: 'Export draw.io…', menu: 'file', section: 2, whileTyping: true, availableReadOnly: true },

  { id: 'edit.undo', label: 'Undo', shortcuts: ['Mod+Z'], menu: 'edit', section: 0 },
  { id: 'edit.redo', label: 'Redo', shortcuts: ['Shift+Mod+Z', 'Mod+Y'], menu: 'edit', section: 0 },
  { id: 'edit.cut', label: 'Cut', shortcuts: ['Mod+X'], menu: 'edit', section: 1, nativeRole: 'cut' },
  { id: 'edit.copy', label: 'Copy', shortcuts: ['Mod+C'], menu: 'edit', section: 1, nativeRole: 'copy', availableReadOnly: true },
  { id: 'edit.paste', label: 'Paste', shortcuts: ['Mod+V'], menu: 'edit', section: 1, nativeRole: 'paste' },
  { id: 'edit.duplicate', label: 'Duplicate', shortcuts: ['Mod+D'], menu: 'edit', section: 1 },
  { id: 'edit.delete', label: 'Delete', shortcuts: ['Delete', 'Backspace'], menu: 'edit', section: 1 },
  { id: 'edit.rename', label: 'Rename', shortcuts: ['F2', 'Enter'], menu: 'edit', section: 1 },
  { id: 'edit.selectAll', label: 'Select All', shortcuts: ['Mod+A'], menu: 'edit', section: 2, availableReadOnly: true },
  { id: 'edit.deselect', label: 'Deselect', shortcuts: ['Escape'], menu: 'edit', section: 2, availableReadOnly: true },
  { id: 'edit.nudgeLeft', label: 'Nudge Left', shortcuts: ['ArrowLeft'] },
  { id: 'edit.nudgeRight', label: 'Nudge Right', shortcuts: ['ArrowRight'] },
  { id: 'edit.nudgeUp', label: 'Nudge Up', shortcuts: ['ArrowUp'] },
  { id: 'edit.nudgeDown', label: 'Nudge Down', shortcuts: ['ArrowDown'] },
  { id: 'edit.nudgeLeftFar', label: 'Nudge Left 10×', shortcuts: ['Shift+ArrowLeft'] },
  { id: 'edit.nudgeRightFar', label: 'Nudge Right 10×', shortcuts: ['Shift+ArrowRight'] },
  { id: 'edit.nudgeUpFar', label: 'Nudge Up 10×', shortcuts: ['Shift+ArrowUp'] },
  { id: 'edit.nudgeDownFar', label: 'Nudge Down 10×', shortcuts: ['Shift+ArrowDown'] },

  { id: 'view.zoomIn', label: 'Zoom In', shortcuts: ['Mod+=', 'Mod++'], menu: 'view', section: 0, availableReadOnly: true },
  { id: 'view.zoomOut', label: 'Zoom Out', shortcuts: ['Mod+-'], menu: 'view', section: 0, availableReadOnly: true },
  { id: 'view.zoomReset', label: 'Actual Size', shortcuts: ['Mod+0'], menu: 'view', section: 0, availableReadOnly: true },
  { id: 'view.fit', label: 'Fit Diagram', shortcuts: ['Shift+1'], menu: 'view', section: 0, availableReadOnly: true },
  { id: 'view.toggleMinimap', label: 'Minimap', shortcuts: ['Shift+M'], menu: 'view', section: 1, availableReadOnly: true },
  { id: 'view.toggleSnap', label: 'Snap to Grid', shortcuts: ['Shift+G'], menu: 'view', section: 1, availableReadOnly: true },
  { id: 'view.toggleProblems', label: 'Problems', shortcuts: ['Shift+Mod+M'], menu: 'view', section: 1, availableReadOnly: true },
  { id: 'view.toggleSimulate', label: 'Simulate Load', shortcuts: ['Shift+Mod+L'], menu: 'view', section: 1, availableReadOnly: true },
  { id: 'view.toggleDarkMode', label: 'Dark Mode', menu: 'view', section: 2, availableReadOnly: true },
  { id: 'view.toggleLayers', label: 'Layers', shortcuts: ['Shift+L'], menu: 'view', section: 1, availableReadOnly: true },

  { id: 'arrange.bringToFront', label: 'Bring to Front', shortcuts: ['Shift+Mod+]'], menu: 'arrange', section: 0 },
  { id: 'arrange.bringForward', label: 'Bring Forward', shortcuts: ['Mod+]'], menu: 'arrange', section: 0 },
  { id: 'arrange.sendBackward', label: 'Send Backward', shortcuts: ['Mod+['], menu: 'arrange', section: 0 },
  { id: 'arrange.sendToBack', label: 'Send to Back', shortcuts: ['Shift+Mod+['], menu: 'arrange', section: 0 },
  { id: 'arrange.alignLeft', label: 'Align Left Edges', shortcuts: ['Alt+Shift+L'], menu: 'arrange', section: 1 },
  { id: 'arrange.alignCenter', label: 'Align Centres', shortcuts: ['Alt+Shift+C'], menu: 'arrange', section: 1 },
  { id: 'arrange.alignRight', label: 'Align Right Edges', shortcuts: ['Alt+Shift+R'], menu: 'arrange', section: 1 },
  { id: 'arrange.alignTop', label: 'Align Top Edges', shortcuts: ['Alt+Shift+T'], menu: 'arrange', section: 1 },
  { id: 'arrange.alignMiddle', label: 'Align Middles', shortcuts: ['Alt+Shift+M'], menu: 'arrange', section: 1 },
  { id: 'arrange.alignBottom', label: 'Align Bottom Edges', shortcuts: ['Alt+Shift+B'], menu: 'arrange', section: 1 },
  { id: 'arrange.distributeHorizontally', label: 'Distribute Horizontally', shortcuts: ['Alt+Shift+H'], menu: 'arrange', section: 2 },
  { id: 'arrange.distributeVertically', label: 'Distribute Vertically', shortcuts: ['Alt+Shift+V'], menu: 'arrange', section: 2 },
  { id: 'arrange.layoutDiagram', label: 'Arrange Whole Diagram', shortcuts: ['Alt+Shift+A'], menu: 'arrange', section: 3 },
  { id: 'arrange.layoutGroup', label: "Arrange Group's Contents", shortcuts: ['Alt+Shift+G'], menu: 'arrange', section: 3 },
  { id: 'arrange.fitGroup', label: 'Fit Group to Contents', shortcuts: ['Alt+Shift+F'], menu: 'arrange', section: 3 },

  { id: 'help.shortcuts', label: 'Keyboard Shortcuts', shortcuts: ['?'], menu: 'help', section: 0, availableReadOnly: true },
  { id: 'help.about', label: 'About Stowage', menu: 'help', section: 1, availableReadOnly: true },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMANDS)[number]['id'];

/**
 * Pointer gestures that are not commands, listed with the shortcuts (dialog and README).
 * Inputs use the shortcut syntax; "Mod" is Cmd on macOS and Ctrl elsewhere.
 */
export const GESTURES: readonly { label: string; inputs: readonly string[] }[] = [
  { label: 'Select several', inputs: ['Shift+Click', 'Mod+Click', 'Drag on empty canvas'] },
  { label: 'Pan', inputs: ['Space+Drag', 'Middle mouse button', 'Scroll'] },
  { label: 'Zoom', inputs: ['Mod+Scroll', 'Pinch'] },
  { label: 'Reorder, or move into a group (Layers)', inputs: ['Drag a row'] },
];

const byId: ReadonlyMap<string, CommandDefinition> = new Map(COMMANDS.map((command) => [command.id, command]));

export function findCommand(id: string): CommandDefinition | undefined {
  return byId.get(id);
}

export function isCommandId(id: string): id is CommandId {
  return byId.has(id);
}

/** "Shift+Mod+Z" → ["Shift", "Mod", "Z"]; a trailing "+" is the plus key itself: "Mod++" → ["Mod", "+"]. */
export function splitShortcut(shortcut: string): string[] {
  const parts = shortcut.split('+').filter(Boolean);
  if (shortcut.endsWith('+')) parts.push('+');
  return parts;
}

/** "Shift+Mod+Z" → "Shift+CmdOrCtrl+Z", the Electron accelerator syntax. */
export function toElectronAccelerator(shortcut: string): string {
  return splitShortcut(shortcut)
    .map((part) => {
      if (part === '+') return 'Plus';
      if (part === 'Mod') return 'CmdOrCtrl';
      if (part === 'ArrowLeft') return 'Left';
      if (part === 'ArrowRight') return 'Right';
      if (part === 'ArrowUp') return 'Up';
      if (part === 'ArrowDown') return 'Down';
      if (part === 'Delete') return 'Delete';
      if (part === 'Backspace') return 'Backspace';
      return part;
    })
    .join('+');
}

/** "Shift+Mod+Z" → "⇧⌘Z" on macOS, "Ctrl+Shift+Z" elsewhere, for menus and tooltips. */
export function formatShortcut(shortcut: string, platform: 'mac' | 'windows' | 'linux' | 'other'): string {
  const parts = splitShortcut(shortcut);
  const key = parts[parts.length - 1] ?? '';
  const modifiers = new Set(parts.slice(0, -1));
  const keyName: Record<string, string> = {
    ArrowLeft: '←',
    ArrowRight: '→',
    ArrowUp: '↑',
    ArrowDown: '↓',
    Delete: platform === 'mac' ? '⌦' : 'Del',
    Backspace: platform === 'mac' ? '⌫' : 'Backspace',
  };
  const shown = keyName[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (platform === 'mac') {
    return `${modifiers.has('Ctrl') ? '⌃' : ''}${modifiers.has('Alt') ? '⌥' : ''}${modifiers.has('Shift') ? '⇧' : ''}${modifiers.has('Mod') ? '⌘' : ''}${shown}`;
  }
  const names = [
    modifiers.has('Mod') || modifiers.has('Ctrl') ? 'Ctrl' : '',
    modifiers.has('Alt') ? 'Alt' : '',
    modifiers.has('Shift') ? 'Shift' : '',
  ].filter(Boolean);
  return [...names, shown].join('+');
}

/** "Mod+Click" → "⌘+Click" on macOS, "Ctrl+Click" elsewhere; words without modifiers stay as written. */
export function formatGesture(input: string, platform: 'mac' | 'windows' | 'linux' | 'other'): string {
  return splitShortcut(input)
    .map((part) => (part === 'Mod' ? (platform === 'mac' ? '⌘' : 'Ctrl') : part))
    .join('+');
}
