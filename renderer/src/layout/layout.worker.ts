import { computeLayout } from '../../../shared/layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

/**
 * Runs auto-layout off the main thread, so the window keeps drawing while ELK works.
 *
 * elkjs's bundled build, imported above, installs its own `self.onmessage` when it finds itself
 * in a worker; assigning ours after the imports have run replaces it, so every message reaches
 * this handler and ELK runs in this thread.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (event) => {
  const { id, document, scope: layoutScope } = event.data;
  computeLayout(document, layoutScope).then(
    (layout) => scope.postMessage({ id, ok: true, layout }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
