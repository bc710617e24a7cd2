import { describe, expect, it } from 'vitest';
import { createSessionStore } from './session-store';

describe('the Layers panel in the session', () => {
  it('starts on the palette with every group open, and switches tabs', () => {
    const session = createSessionStore();
    expect(session.getState().sidebarTab).toBe('components');
    expect(session.getState().collapsedLayerIds.size).toBe(0);
    session.getState().setSidebarTab('layers');
    expect(session.getState().sidebarTab).toBe('layers');
  });

  it('closes and opens rows, and leaves the state alone when nothing changes (no re-render)', () => {
    const session = createSessionStore();
    session.getState().setLayersCollapsed(['a', 'b'], true);
    const closed = session.getState().collapsedLayerIds;
    expect([...closed].sort()).toEqual(['a', 'b']);
    session.getState().setLayersCollapsed(['a'], true);
    expect(session.getState().collapsedLayerIds).toBe(closed);
    session.getState().setLayersCollapsed(['a', 'missing'], false);
    expect([...session.getState().collapsedLayerIds]).toEqual(['b']);
    session.getState().setLayersCollapsed(session.getState().collapsedLayerIds, false);
    expect(session.getState().collapsedLayerIds.size).toBe(0);
  });
});
