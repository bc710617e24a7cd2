import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { formatShortcut } from '../../../shared/commands/definitions';
import { useServices } from './services';

const BUTTONS: { id: string; icon: string; groupStart?: true }[] = [
  { id: 'file.new', icon: 'M4 2h6l4 4v10H4z M10 2v4h4' },
  { id: 'file.open', icon: 'M2 5h5l2 2h7v8H2z' },
  { id: 'file.save', icon: 'M3 3h10l2 2v10H3z M6 3v4h6V3 M6 11h6' },
  { id: 'edit.undo', groupStart: true, icon: 'M7 4L3 8l4 4 M3 8h7a4 4 0 0 1 0 8H8' },
  { id: 'edit.redo', icon: 'M11 4l4 4-4 4 M15 8H8a4 4 0 0 0 0 8h2' },
  { id: 'edit.delete', icon: 'M4 5h10 M7 5V3h4v2 M5 5l1 10h6l1-10' },
  { id: 'view.zoomOut', groupStart: true, icon: 'M8 8m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0 M6 8h4 M12 12l4 4' },
  { id: 'view.zoomIn', icon: 'M8 8m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0 M6 8h4 M8 6v4 M12 12l4 4' },
  { id: 'view.fit', icon: 'M2 6V2h4 M12 2h4v4 M16 12v4h-4 M6 16H2v-4' },
  { id: 'view.toggleSnap', groupStart: true, icon: 'M3 3h12v12H3z M7 3v12 M11 3v12 M3 7h12 M3 11h12' },
  { id: 'view.toggleMinimap', icon: 'M2 3h14v12H2z M9 9h6v5H9z' },
];

/** Frequent commands as icon buttons; labels and shortcuts come from the command registry. */
export function Toolbar() {
  const { commands, documents, session, host } = useServices();
  // Enabled and checked states follow the document and the selection.
  useStore(documents, (state) => state.history);
  useStore(
    session,
    useShallow((state) => [state.selectedNodeIds, state.selectedEdgeIds, state.snapToGrid, state.minimap]),
  );
  return (
    <div className="stowage-toolbar" role="toolbar" aria-label="Tools">
      {BUTTONS.map((button) => {
        const command = commands.get(button.id);
        if (!command) return null;
        const shortcut = command.shortcuts?.[0];
        const label = commands.labelOf(button.id);
        const title = shortcut ? `${label} (${formatShortcut(shortcut, host.platform)})` : label;
        const checked = command.checked ? commands.isChecked(button.id) : undefined;
        return (
          <button
            key={button.id}
            type="button"
            className={`stowage-toolbar__button${button.groupStart ? ' is-group-start' : ''}${checked ? ' is-checked' : ''}`}
            title={title}
            aria-label={command.label}
            aria-pressed={checked}
            disabled={!commands.isEnabled(button.id)}
            onClick={() => void commands.run(button.id)}
            data-command={button.id}
          >
            <svg viewBox="0 0 18 18" width="18" height="18" aria-hidden="true">
              <path d={button.icon} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        );
      })}
    </div>
  );
}
