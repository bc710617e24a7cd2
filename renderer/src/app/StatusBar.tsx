import { useStore } from 'zustand';
import { useServices } from './services';

export function StatusBar() {
  const { documents, session } = useServices();
  const nodes = useStore(documents, (state) => state.document.nodes.length);
  const edges = useStore(documents, (state) => state.document.edges.length);
  const selected = useStore(session, (state) => state.selectedNodeIds.size + state.selectedEdgeIds.size);
  return (
    <footer className="stowage-statusbar">
      <span data-testid="status-counts">
        {nodes} {nodes === 1 ? 'component' : 'components'} · {edges} {edges === 1 ? 'connection' : 'connections'}
      </span>
      {selected > 0 && <span>{selected} selected</span>}
    </footer>
  );
}
