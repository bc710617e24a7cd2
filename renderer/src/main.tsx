import '@xyflow/react/dist/base.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { endSentence, readOnlyRefusal, type Point } from '../../shared/document';
import { createHost } from '../host';
import { App } from './app/App';
import { offerDraftRecovery } from './app/window-sync';
import { showStartScreenAtLaunch } from './start/launch';
import { startTheme } from './theme/theme';
import { ErrorBoundary } from './app/ErrorBoundary';
import { ServicesContext, Slot, type AppServices, type CanvasController } from './app/services';
import { createBehaviours } from './commands/behaviours';
import { CommandRegistry } from './commands/registry';
import { createDocumentStore } from './state/document-store';
import { createSessionStore } from './state/session-store';
import { createUiStore } from './state/ui-store';
import { createSimulationStore } from './simulation/simulation-store';

function createServices(): AppServices {
  const ui = createUiStore();
  const host = createHost({ confirmUnsavedChanges: (documentName: string) => ui.getState().askUnsavedChanges(documentName) });
  const services = {
    host,
    ui,
    documents: createDocumentStore(),
    session: createSessionStore(),
    simulation: createSimulationStore(),
    canvas: new Slot<CanvasController>(),
    pointer: new Slot<Point>(),
  } as Omit<AppServices, 'commands'> as AppServices;
  services.commands = new CommandRegistry(
    createBehaviours(services),
    {
      reason: () => {
        const readOnly = services.documents.getState().readOnly;
        return readOnly ? readOnlyRefusal(readOnly) : null;
      },
      refused: (_command, reason) => ui.getState().toast(reason, 'warning'),
    },
    (command, error) =>
      ui
        .getState()
        .showError(
          `${command.label.replace(/…$/, '')} failed`,
          `${endSentence(error instanceof Error ? error.message : String(error))} Your diagram is still open.`,
        ),
  );
  return services;
}

startTheme();
const services = createServices();
// Exposed for end-to-end tests and the benchmark, which drive the app through its real stores.
(window as unknown as { __stowage?: AppServices }).__stowage = services;
// First of all host calls: the window's draft starts before a file opened at launch can clear it.
// Then an empty window shows the start screen; the page says when its launch is settled (the desktop e2e tests wait for it).
void offerDraftRecovery(services)
  .then(() => showStartScreenAtLaunch(services))
  .finally(() => (document.documentElement.dataset.launched = 'true'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <ErrorBoundary services={services}>
        <App />
      </ErrorBoundary>
    </ServicesContext.Provider>
  </StrictMode>,
);
