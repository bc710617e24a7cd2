import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatShortcut } from '../../../shared/commands/definitions';
import { useServices } from '../app/services';

export type MenuEntry =
  | { type: 'command'; id: string; label?: string }
  | { type: 'separator' }
  | { type: 'action'; label: string; run(): void; disabled?: boolean };

/**
 * A popup menu of commands (context menu, in-app menu bar). Labels, shortcuts, enabled and
 * checked states come from the command registry, so every menu agrees with the keyboard.
 */
export function Menu({
  entries,
  x,
  y,
  onClose,
  label,
}: {
  entries: MenuEntry[];
  x: number;
  y: number;
  onClose: () => void;
  label: string;
}) {
  const { commands, host } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ x, y });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    setPosition({
      x: Math.max(4, Math.min(x, window.innerWidth - rect.width - 4)),
      y: Math.max(4, Math.min(y, window.innerHeight - rect.height - 4)),
    });
    element.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') buttons[(current + 1) % buttons.length]?.focus();
    else if (event.key === 'ArrowUp') buttons[(current - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={ref}
      className="stowage-menu"
      role="menu"
      aria-label={label}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      {entries.map((entry, index) => {
        if (entry.type === 'separator') return <div key={`sep-${index}`} className="stowage-menu__separator" role="separator" />;
        if (entry.type === 'action') {
          return (
            <button
              key={`action-${index}`}
              type="button"
              role="menuitem"
              className="stowage-menu__item"
              disabled={entry.disabled}
              onClick={() => {
                onClose();
                entry.run();
              }}
            >
              <span className="stowage-menu__check" />
              <span className="stowage-menu__label">{entry.label}</span>
            </button>
          );
        }
        const command = commands.get(entry.id);
        if (!command) return null;
        const enabled = commands.isEnabled(entry.id);
        const checked = command.checked ? commands.isChecked(entry.id) : undefined;
        const shortcut = command.shortcuts?.[0];
        return (
          <button
            key={entry.id}
            type="button"
            role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={checked}
            className="stowage-menu__item"
            disabled={!enabled}
            data-command={entry.id}
            onClick={() => {
              onClose();
              void commands.run(entry.id);
            }}
          >
            <span className="stowage-menu__check">{checked ? '✓' : ''}</span>
            <span className="stowage-menu__label">{entry.label ?? commands.labelOf(command.id)}</span>
            {shortcut && <span className="stowage-menu__shortcut">{formatShortcut(shortcut, host.platform)}</span>}
          </button>
        );
      })}
    </div>
  );
}
