import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { Canvas } from '../canvas/Canvas';
import { CanvasContextMenu } from '../canvas/CanvasContextMenu';
import { useKeyboardShortcuts } from '../commands/keyboard';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { findingsFor, useBadges } from '../problems/findings';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { Dialogs } from '../ui/Dialogs';
import { Toasts } from '../ui/Toasts';
import { MenuBar } from './MenuBar';
import { useServices } from './services';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useWindowSync } from './window-sync';

export function App() {
  const services = useServices();
  useKeyboardShortcuts(services);
  useWindowSync(services);
  const document = useStore(services.documents, (state) => state.document);
  const findings = useMemo(() => findingsFor(document), [document]);
  const badges = useBadges(findings);

  return (
    <ReactFlowProvider>
      <div className={`stowage-app is-${services.host.kind}`}>
        <header className="stowage-topbar">
          <div className="stowage-brand">
            <img src="./stowage-mark.svg" alt="" width={20} height={20} />
            <span>Stowage</span>
          </div>
          {services.host.kind === 'browser' && <MenuBar />}
          <Toolbar />
        </header>
        <Palette />
        <main className="stowage-main">
          <div className="stowage-main__canvas">
            <Canvas nodeBadges={badges.nodes} edgeBadges={badges.edges} />
          </div>
          <ProblemsPanel findings={findings} />
        </main>
        <Inspector />
        <StatusBar />
        <CanvasContextMenu />
        <Dialogs />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
