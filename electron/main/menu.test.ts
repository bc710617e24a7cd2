import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../shared/commands/definitions';
import { ApplicationMenu, type MenuFactory } from './application-menu';
import { buildMenuTemplate, menuAccelerator, OPEN_RECENT_MENU_ID, type MenuActions, type MenuState } from './menu';

function state(overrides: Partial<MenuState> = {}): MenuState {
  return {
    platform: 'linux',
    appName: 'Stowage',
    enabledCommands: null,
    commandLabels: new Map(),
    recentFiles: [],
    developerTools: false,
    ...overrides,
  };
}

function actions() {
  return {
    runCommand: vi.fn<MenuActions['runCommand']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
  };
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

/** The menu as text: labels (or roles), "---" for separators. */
function outline(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '---' : (item.label ?? `(${item.role})`)));
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Arrange and Help on Windows and Linux, plus the app and Window menus on macOS', () => {
    expect(outline(buildMenuTemplate(state(), actions()))).toEqual(['&File', '&Edit', '&View', '&Arrange', '&Help']);
    expect(outline(buildMenuTemplate(state({ platform: 'darwin' }), actions()))).toEqual([
      'Stowage',
      'File',
      'Edit',
      'View',
      'Arrange',
      '(windowMenu)',
      'Help',
    ]);
  });

  it('groups commands by section with separators, and puts Open Recent under Open', () => {
    const template = buildMenuTemplate(state({ platform: 'darwin' }), actions());
    expect(outline(submenuOf(template, 'File'))).toEqual([
      'New',
      'New from Template…',
      'Open…',
      'Open Recent',
      '---',
      'Save',
      'Save As…',
      '---',
      'Export…',
      'Export draw.io…',
      '---',
      'Close Window',
    ]);
    expect(outline(submenuOf(template, 'Edit'))).toEqual([
      'Undo',
      'Redo',
      '---',
      'Cut',
      'Copy',
      'Paste',
      'Duplicate',
      'Delete',
      'Rename',
      '---',
      'Select All',
      'Deselect',
    ]);
    expect(outline(submenuOf(buildMenuTemplate(state({ platform: 'win32' }), actions()), 'File')).slice(-2)).toEqual(['---', 'E&xit']);
  });

  it('contains every command that names a menu, and no others', () => {
    const ids = allItems(buildMenuTemplate(state(), actions()))
      .map((item) => item.id)
      .filter((id): id is string => id !== undefined && id !== OPEN_RECENT_MENU_ID);
    expect(ids.sort()).toEqual(
      COMMANDS.filter((command) => 'menu' in command)
        .map((command) => command.id)
        .sort(),
    );
  });

  it('sends the command id when a command is clicked', () => {
    const menuActions = actions();
    const save = allItems(buildMenuTemplate(state(), menuActions)).find((item) => item.id === 'file.save')!;
    save.click!({} as never, undefined, {});
    expect(menuActions.runCommand).toHaveBeenCalledWith('file.save');
  });

  it('uses native roles for clipboard commands so text fields keep working', () => {
    const items = allItems(buildMenuTemplate(state({ enabledCommands: new Set() }), actions()));
    const copy = items.find((item) => item.id === 'edit.copy')!;
    expect(copy).toMatchObject({ role: 'copy', label: 'Copy', accelerator: 'CmdOrCtrl+C' });
    expect(copy.click).toBeUndefined();
    expect(copy.enabled).toBeUndefined();
  });

  it('enables exactly the commands the renderer allows, or all of them before it says', () => {
    const some = allItems(buildMenuTemplate(state({ enabledCommands: new Set(['file.new', 'file.open']) }), actions()));
    expect(some.find((item) => item.id === 'file.new')?.enabled).toBe(true);
    expect(some.find((item) => item.id === 'file.save')?.enabled).toBe(false);
    expect(some.find((item) => item.id === OPEN_RECENT_MENU_ID)?.enabled).toBe(true);
    const none = allItems(buildMenuTemplate(state({ enabledCommands: new Set() }), actions()));
    expect(none.find((item) => item.id === OPEN_RECENT_MENU_ID)?.enabled).toBe(false);
    const all = allItems(buildMenuTemplate(state(), actions()));
    expect(all.filter((item) => item.enabled === false).map((item) => item.label)).toEqual(['No Recent Files', 'Clear Recent Files']);
  });

  it('turns shared shortcuts into accelerators, registering only those with a modifier', () => {
    const items = allItems(buildMenuTemplate(state(), actions()));
    expect(items.find((item) => item.id === 'file.saveAs')).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+S' });
    expect(items.find((item) => item.id === 'view.zoomIn')).toMatchObject({ accelerator: 'CmdOrCtrl+=' });
    expect(items.find((item) => item.id === 'edit.delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    expect(items.find((item) => item.id === 'view.fit')).toMatchObject({ accelerator: 'Shift+1', registerAccelerator: false });
    const mac = allItems(buildMenuTemplate(state({ platform: 'darwin' }), actions()));
    expect(mac.find((item) => item.id === 'edit.delete')?.accelerator).toBeUndefined();
    expect(mac.find((item) => item.id === 'help.fileFormat')?.accelerator).toBeUndefined();
  });

  it('lists recent files, telling same-named files apart, and clears them', () => {
    const menuActions = actions();
    const recentFiles = [
      { path: '/a/prod/diagram.stowage', name: 'diagram.stowage' },
      { path: '/a/dev/diagram.stowage', name: 'diagram.stowage' },
      { path: '/a/R&D.stowage', name: 'R&D.stowage' },
    ];
    const openRecent = allItems(buildMenuTemplate(state({ recentFiles }), menuActions)).find((item) => item.id === OPEN_RECENT_MENU_ID)!;
    const submenu = openRecent.submenu as MenuItemConstructorOptions[];
    expect(outline(submenu)).toEqual(['diagram.stowage — prod', 'diagram.stowage — dev', 'R&&D.stowage', '---', 'Clear Recent Files']);
    submenu[1]!.click!({} as never, undefined, {});
    expect(menuActions.openRecent).toHaveBeenCalledWith('/a/dev/diagram.stowage');
    submenu[4]!.click!({} as never, undefined, {});
    expect(menuActions.clearRecent).toHaveBeenCalled();
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (developerTools: boolean) => allItems(buildMenuTemplate(state({ developerTools }), actions())).map((item) => item.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});

describe('menuAccelerator', () => {
  it('handles the shared shortcut syntax', () => {
    expect(menuAccelerator('Mod++', 'linux')).toEqual({ accelerator: 'CmdOrCtrl+Plus' });
    expect(menuAccelerator('Alt+ArrowLeft', 'darwin')).toEqual({ accelerator: 'Alt+Left' });
    expect(menuAccelerator('?', 'win32')).toEqual({ accelerator: '?', registerAccelerator: false });
    expect(menuAccelerator(undefined, 'linux')).toEqual({});
  });
});

describe('ApplicationMenu', () => {
  function fakeFactory() {
    const built: Array<Map<string, { enabled: boolean; label: string | undefined }>> = [];
    const factory = {
      buildFromTemplate: (template) => {
        const items = new Map(
          allItems(template)
            .filter((item) => item.id)
            .map((item) => [item.id!, { enabled: item.enabled ?? true, label: item.label }]),
        );
        built.push(items);
        return { getMenuItemById: (id: string) => (items.get(id) ?? null) as never };
      },
      setApplicationMenu: vi.fn(),
    } satisfies MenuFactory;
    return { factory, built };
  }

  it('flips enabled states in place and rebuilds only when recent files change', () => {
    const { factory, built } = fakeFactory();
    const menu = new ApplicationMenu(factory, { platform: 'linux', appName: 'Stowage', developerTools: false }, actions());
    menu.install();
    menu.setEnabledCommands(['file.new']);
    expect(built).toHaveLength(1);
    expect(built[0]!.get('file.save')?.enabled).toBe(false);
    expect(built[0]!.get('file.new')?.enabled).toBe(true);
    expect(built[0]!.get(OPEN_RECENT_MENU_ID)?.enabled).toBe(false);
    menu.setRecentFiles([{ path: '/a.stowage', name: 'a.stowage' }]);
    menu.setRecentFiles([{ path: '/a.stowage', name: 'a.stowage' }]);
    expect(built).toHaveLength(2);
    expect(built[1]!.get('file.save')?.enabled).toBe(false);
    expect(factory.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('shows the labels the renderer gives (Undo <step>), rebuilding only when one changes', () => {
    const { factory, built } = fakeFactory();
    const menu = new ApplicationMenu(factory, { platform: 'linux', appName: 'Stowage', developerTools: false }, actions());
    menu.install();
    expect(built[0]!.get('edit.undo')?.label).toBe('Undo');
    menu.setCommandLabels([{ id: 'edit.undo', label: 'Undo Move 3 components' }]);
    menu.setCommandLabels([{ id: 'edit.undo', label: 'Undo Move 3 components' }]);
    expect(built).toHaveLength(2);
    expect(built[1]!.get('edit.undo')?.label).toBe('Undo Move 3 components');
    menu.setCommandLabels([]);
    expect(built[2]!.get('edit.undo')?.label).toBe('Undo');
  });
});
