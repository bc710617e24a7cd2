import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { CanvasContextMenu } from '../canvas/CanvasContextMenu';
import { useKeyboardShortcuts } from '../commands/keyboard';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { Dialogs } from '../ui/Dialogs';
import { Toasts } from '../ui/Toasts';
import { MenuBar } from './MenuBar';
import { useServices } from './services';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { offerDraftRecovery, useWindowSync } from './window-sync';

export function App() {
  const services = useServices();
  useKeyboardShortcuts(services);
  useWindowSync(services);
  useEffect(() => {
    void offerDraftRecovery(services);
  }, [services]);

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
          <Canvas />
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
