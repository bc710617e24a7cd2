import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { COMMANDS, MENUS, type MenuId } from '../../../shared/commands/definitions';
import type { RecentFile } from '../../../shared/host/contract';
import { openRecent } from '../files/file-actions';
import { Menu, type MenuEntry } from '../ui/Menu';
import { useServices } from './services';

/** Menu entries for one menu from the shared command list, sections divided by separators. */
export function menuEntries(menu: MenuId): MenuEntry[] {
  const entries: MenuEntry[] = [];
  let section: number | undefined;
  for (const command of COMMANDS) {
    if (!('menu' in command) || command.menu !== menu) continue;
    if (section !== undefined && command.section !== section) entries.push({ type: 'separator' });
    section = command.section;
    entries.push({ type: 'command', id: command.id });
  }
  return entries;
}

/**
 * The in-window menu bar for the browser build. The desktop app uses the native application
 * menu built from the same command list in the main process.
 */
export function MenuBar() {
  const services = useServices();
  const [open, setOpen] = useState<{ id: MenuId; x: number; y: number } | null>(null);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const close = useCallback(() => setOpen(null), []);
  useStore(services.documents, (state) => state.document); // re-render so enabled states stay current

  const openMenu = async (id: MenuId, target: HTMLElement) => {
    const rect = target.getBoundingClientRect();
    if (id === 'file') setRecent(await services.host.listRecent({}).catch(() => []));
    setOpen({ id, x: rect.left, y: rect.bottom + 2 });
  };

  const entries = (id: MenuId): MenuEntry[] => {
    const base = menuEntries(id);
    if (id !== 'file' || recent.length === 0) return base;
    return [
      ...base,
      { type: 'separator' },
      ...recent.slice(0, 8).map<MenuEntry>((file) => ({
        type: 'action',
        label: `Open Recent: ${file.name}`,
        run: () => void openRecent(services, file.path),
      })),
    ];
  };

  return (
    <nav className="stowage-menubar" aria-label="Application menu">
      {MENUS.map((menu) => (
        <button
          key={menu.id}
          type="button"
          className={`stowage-menubar__item${open?.id === menu.id ? ' is-open' : ''}`}
          aria-haspopup="menu"
          aria-expanded={open?.id === menu.id}
          onClick={(event) => (open?.id === menu.id ? close() : void openMenu(menu.id, event.currentTarget))}
          onPointerEnter={(event) => open && open.id !== menu.id && void openMenu(menu.id, event.currentTarget)}
        >
          {menu.label}
        </button>
      ))}
      {open && <Menu entries={entries(open.id)} x={open.x} y={open.y} onClose={close} label={`${open.id} menu`} />}
    </nav>
  );
}
