import type { Menu, MenuItemConstructorOptions } from 'electron';
import { COMMANDS, type CommandDefinition } from '../../shared/commands/definitions';
import type { FileRef } from '../../shared/host/contract';
import { buildMenuTemplate, isCommandEnabled, OPEN_RECENT_MENU_ID, type MenuActions, type MenuState } from './menu';

/** The parts of Electron's Menu class used here. */
export interface MenuFactory {
  buildFromTemplate(template: MenuItemConstructorOptions[]): Pick<Menu, 'getMenuItemById'>;
  setApplicationMenu(menu: Pick<Menu, 'getMenuItemById'> | null): void;
}

/**
 * Keeps the installed application menu in step with the app: rebuilt when Open Recent
 * or a label changes, while enabled states (which change with every selection) are flipped in place,
 * which is cheap and does not disturb a menu the user has open.
 */
export class ApplicationMenu {
  #state: MenuState;
  #menu: Pick<Menu, 'getMenuItemById'> | null = null;

  constructor(
    private readonly factory: MenuFactory,
    initial: Omit<MenuState, 'enabledCommands' | 'recentFiles' | 'commandLabels'>,
    private readonly actions: MenuActions,
  ) {
    this.#state = { ...initial, enabledCommands: null, recentFiles: [], commandLabels: new Map() };
  }

  install(): void {
    this.#menu = this.factory.buildFromTemplate(buildMenuTemplate(this.#state, this.actions));
    this.factory.setApplicationMenu(this.#menu);
  }

  setRecentFiles(recentFiles: readonly FileRef[]): void {
    const unchanged =
      recentFiles.length === this.#state.recentFiles.length &&
      recentFiles.every((file, index) => file.path === this.#state.recentFiles[index]?.path);
    if (unchanged) return;
    this.#state = { ...this.#state, recentFiles };
    this.install();
  }

  /** Labels change with each edit (Undo <step>); Electron shows a new label reliably only in a rebuilt menu. */
  setCommandLabels(labels: readonly { id: string; label: string }[]): void {
    const commandLabels = new Map(labels.map((entry) => [entry.id, entry.label]));
    const previous = this.#state.commandLabels;
    if (previous.size === commandLabels.size && [...commandLabels].every(([id, label]) => previous.get(id) === label)) return;
    this.#state = { ...this.#state, commandLabels };
    if (this.#menu) this.install();
  }

  setEnabledCommands(commandIds: readonly string[]): void {
    const enabledCommands = new Set(commandIds);
    const previous = this.#state.enabledCommands;
    if (previous && previous.size === enabledCommands.size && [...enabledCommands].every((id) => previous.has(id))) return;
    this.#state = { ...this.#state, enabledCommands };
    if (!this.#menu) return;
    for (const command of COMMANDS as readonly CommandDefinition[]) {
      if (!command.menu || command.nativeRole) continue;
      const item = this.#menu.getMenuItemById(command.id);
      if (item) item.enabled = isCommandEnabled(command.id, enabledCommands);
    }
    const openRecent = this.#menu.getMenuItemById(OPEN_RECENT_MENU_ID);
    if (openRecent) openRecent.enabled = isCommandEnabled('file.open', enabledCommands);
  }
}
