import type { MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';
import {
  COMMANDS,
  menuLabel,
  splitShortcut,
  toElectronAccelerator,
  type CommandDefinition,
  type CommandId,
  type MenuId,
} from '../../shared/commands/definitions';
import type { FileRef } from '../../shared/host/contract';

/**
 * The application menu as a pure function of state, built from the shared command list so the
 * native menu, the in-app menu bar and the keyboard can never disagree about labels, grouping
 * or shortcuts. Clicking a command sends its id to the renderer, which owns all behaviour.
 */

export interface MenuState {
  platform: NodeJS.Platform;
  appName: string;
  /** Commands the renderer currently allows; null until it first says (everything enabled). */
  enabledCommands: ReadonlySet<string> | null;
  /** Labels the renderer currently shows instead of the command list's ("Undo Move 3 components"). */
  commandLabels: ReadonlyMap<string, string>;
  recentFiles: readonly FileRef[];
  /** Reload and DevTools entries, for development builds. */
  developerTools: boolean;
}

export interface MenuActions {
  runCommand(commandId: CommandId): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export const OPEN_RECENT_MENU_ID = 'file.openRecent';
/** Open Recent sits right below Open…, where every platform's document apps put it. */
const OPEN_RECENT_AFTER: CommandId = 'file.open';

export function isCommandEnabled(commandId: string, enabledCommands: ReadonlySet<string> | null): boolean {
  return enabledCommands === null || enabledCommands.has(commandId);
}

/**
 * A shortcut is registered with the native menu only if it has Mod, Ctrl or Alt. Plain keys
 * (Delete, Backspace, arrows, "?", Shift+1) would otherwise be swallowed by the menu while the
 * user types in a text field; they are shown in the menu but left to the renderer's keyboard
 * handling. macOS cannot show an accelerator without registering it, so it shows none there.
 */
export function menuAccelerator(
  shortcut: string | undefined,
  platform: NodeJS.Platform,
): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> {
  if (!shortcut) return {};
  const modifiers = splitShortcut(shortcut).slice(0, -1);
  const registered = modifiers.some((modifier) => modifier === 'Mod' || modifier === 'Ctrl' || modifier === 'Alt');
  if (registered) return { accelerator: toElectronAccelerator(shortcut) };
  if (platform === 'darwin') return {};
  return { accelerator: toElectronAccelerator(shortcut), registerAccelerator: false };
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const topLevel = (menu: MenuId) => (mac ? menuLabel(menu) : `&${menuLabel(menu)}`);

  const file: MenuItemConstructorOptions[] = commandSections('file', state, actions, (command) =>
    command.id === OPEN_RECENT_AFTER ? [openRecentMenu(state, actions)] : [],
  );
  file.push({ type: 'separator' }, { role: 'close', label: 'Close Window' });
  if (!mac) file.push({ type: 'separator' }, { role: 'quit', label: state.platform === 'win32' ? 'E&xit' : '&Quit' });

  const view = commandSections('view', state, actions);
  if (state.developerTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  view.push({ type: 'separator' }, { role: 'togglefullscreen' });

  const help = commandSections('help', state, actions);
  if (!mac) help.push({ type: 'separator' }, { role: 'about', label: `About ${state.appName}` });

  return [
    ...(mac ? [appMenu(state.appName)] : []),
    { label: topLevel('file'), submenu: file },
    { label: topLevel('edit'), submenu: commandSections('edit', state, actions) },
    { label: topLevel('view'), submenu: view },
    { label: topLevel('arrange'), submenu: commandSections('arrange', state, actions) },
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    { label: topLevel('help'), role: 'help', submenu: help },
  ];
}

/** The standard macOS application menu. */
function appMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about', label: `About ${appName}` },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide', label: `Hide ${appName}` },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: `Quit ${appName}` },
    ],
  };
}

/** The commands of one menu in section order, separated by section, with optional extras after a command. */
function commandSections(
  menu: MenuId,
  state: MenuState,
  actions: MenuActions,
  after: (command: CommandDefinition) => MenuItemConstructorOptions[] = () => [],
): MenuItemConstructorOptions[] {
  const commands = (COMMANDS as readonly CommandDefinition[]).filter((command) => command.menu === menu);
  const sections = [...new Set(commands.map((command) => command.section ?? 0))].sort((a, b) => a - b);
  return sections.flatMap((section, index) => [
    ...(index > 0 ? [{ type: 'separator' as const }] : []),
    ...commands
      .filter((command) => (command.section ?? 0) === section)
      .flatMap((command) => [commandItem(command, state, actions), ...after(command)]),
  ]);
}

function commandItem(command: CommandDefinition, state: MenuState, actions: MenuActions): MenuItemConstructorOptions {
  const accelerator = menuAccelerator(command.shortcuts?.[0], state.platform);
  if (command.nativeRole) {
    // Clipboard items use the platform's role so cut/copy/paste keep working in text fields;
    // the canvas listens for the resulting DOM events. They are therefore never disabled.
    return { id: command.id, role: command.nativeRole, label: command.label, ...accelerator };
  }
  return {
    id: command.id,
    label: state.commandLabels.get(command.id) ?? command.label,
    enabled: isCommandEnabled(command.id, state.enabledCommands),
    click: () => actions.runCommand(command.id as CommandId),
    ...accelerator,
  };
}

function openRecentMenu(state: MenuState, actions: MenuActions): MenuItemConstructorOptions {
  const mac = state.platform === 'darwin';
  const nameCounts = new Map<string, number>();
  for (const file of state.recentFiles) nameCounts.set(file.name, (nameCounts.get(file.name) ?? 0) + 1);
  const label = (file: FileRef) => {
    // Two "diagram.stowage" from different folders are told apart by their folder.
    const text = (nameCounts.get(file.name) ?? 0) > 1 ? `${file.name} — ${basename(dirname(file.path))}` : file.name;
    // Windows and Linux read "&" as a mnemonic marker.
    return mac ? text : text.replace(/&/g, '&&');
  };
  const files: MenuItemConstructorOptions[] =
    state.recentFiles.length > 0
      ? state.recentFiles.map((file) => ({ label: label(file), toolTip: file.path, click: () => actions.openRecent(file.path) }))
      : [{ label: 'No Recent Files', enabled: false }];
  return {
    id: OPEN_RECENT_MENU_ID,
    label: 'Open Recent',
    enabled: isCommandEnabled(OPEN_RECENT_AFTER, state.enabledCommands),
    submenu: [
      ...files,
      { type: 'separator' },
      { label: mac ? 'Clear Menu' : 'Clear Recent Files', enabled: state.recentFiles.length > 0, click: () => actions.clearRecent() },
    ],
  };
}
