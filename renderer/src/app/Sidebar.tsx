import { useStore } from 'zustand';
import { findCommand, formatShortcut } from '../../../shared/commands/definitions';
import type { BadgeInfo } from '../canvas/flow-types';
import { LayersPanel } from '../layers/LayersPanel';
import { Palette } from '../palette/Palette';
import type { SidebarTab } from '../state/session-store';
import { useServices } from './services';

const TABS: { id: SidebarTab; label: string }[] = [
  { id: 'components', label: 'Components' },
  { id: 'layers', label: 'Layers' },
];

/**
 * The left sidebar: the palette of components and the Layers panel as two tabs of one fixed
 * width, as design tools put layers and assets, so switching between them never moves the
 * canvas. Which tab shows is session state (View ▸ Layers toggles it).
 */
export function Sidebar({ nodeBadges }: { nodeBadges: ReadonlyMap<string, BadgeInfo> }) {
  const services = useServices();
  const tab = useStore(services.session, (state) => state.sidebarTab);
  const layersShortcut = findCommand('view.toggleLayers')?.shortcuts?.[0];
  return (
    <aside className="stowage-sidebar">
      <div className="stowage-sidebar__tabs" role="tablist" aria-label="Sidebar">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`sidebar-tab-${entry.id}`}
            aria-selected={tab === entry.id}
            aria-controls={`sidebar-panel-${entry.id}`}
            className={`stowage-sidebar__tab${tab === entry.id ? ' is-active' : ''}`}
            title={
              entry.id === 'layers' && layersShortcut ? `Layers (${formatShortcut(layersShortcut, services.host.platform)})` : undefined
            }
            onClick={() => services.session.getState().setSidebarTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {/* The palette stays mounted (its search is kept); the Layers panel draws only while shown. */}
      <div
        className="stowage-sidebar__panel"
        role="tabpanel"
        id="sidebar-panel-components"
        aria-labelledby="sidebar-tab-components"
        hidden={tab !== 'components'}
      >
        <Palette />
      </div>
      {tab === 'layers' && (
        <div className="stowage-sidebar__panel" role="tabpanel" id="sidebar-panel-layers" aria-labelledby="sidebar-tab-layers">
          <LayersPanel badges={nodeBadges} />
        </div>
      )}
    </aside>
  );
}
