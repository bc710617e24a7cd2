import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { understoodPart, type DiagramDocument } from '../../../shared/document';
import { Canvas } from '../canvas/Canvas';
import { CanvasContextMenu } from '../canvas/CanvasContextMenu';
import { useKeyboardShortcuts } from '../commands/keyboard';
import { Inspector } from '../inspector/Inspector';
import { findingsFor, useBadges } from '../problems/findings';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { SimulatePanel } from '../simulation/SimulatePanel';
import { Dialogs } from '../ui/Dialogs';
import { Toasts } from '../ui/Toasts';
import { MenuBar } from './MenuBar';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { Sidebar } from './Sidebar';
import { useServices } from './services';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useWindowSync } from './window-sync';

export function App() {
  const services = useServices();
  useKeyboardShortcuts(services);
  useWindowSync(services);
  const document = useStore(services.documents, (state) => state.document);
  const readOnly = useStore(services.documents, (state) => state.readOnly);
  // The rules check what this version understands; what a newer Stowage added is left out and said so.
  const checked = useMemo(() => understoodPart(document, readOnly), [document, readOnly]);
  const findings = useMemo(() => findingsFor(checked), [checked]);
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
        <Sidebar nodeBadges={badges.nodes} />
        <main className="stowage-main">
          <ReadOnlyBanner />
          <div className="stowage-main__canvas">
            <Canvas nodeBadges={badges.nodes} edgeBadges={badges.edges} />
          </div>
          <ProblemsPanel findings={findings} unchecked={readOnly ? uncheckedNote(document, checked) : undefined} />
          <SimulatePanel document={checked} />
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

/** "2 of 12 components and 1 of 9 connections are not checked: …", or undefined when everything is. */
function uncheckedNote(document: DiagramDocument, checked: DiagramDocument): string | undefined {
  const nodes = document.nodes.length - checked.nodes.length;
  const edges = document.edges.length - checked.edges.length;
  if (nodes === 0 && edges === 0) return undefined;
  const parts = [
    nodes > 0 ? `${nodes} of ${document.nodes.length} ${document.nodes.length === 1 ? 'component' : 'components'}` : '',
    edges > 0 ? `${edges} of ${document.edges.length} ${document.edges.length === 1 ? 'connection' : 'connections'}` : '',
  ].filter(Boolean);
  return `${parts.join(' and ')} ${nodes + edges === 1 ? 'is' : 'are'} not checked: they come from a newer version of Stowage, or sit inside something that does.`;
}
