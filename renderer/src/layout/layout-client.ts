import type { DiagramDocument } from '../../../shared/document';
import type { ArrangedLayout, LayoutScope } from '../../../shared/layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(layout: ArrangedLayout): void; reject(error: Error): void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'stowage-layout' });
  created.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const request = pending.get(event.data.id);
    if (!request) return;
    pending.delete(event.data.id);
    if (event.data.ok) request.resolve(event.data.layout);
    else request.reject(new Error(event.data.message));
  };
  created.onerror = (event) => {
    // A worker that fails to start or crashes answers nothing more: fail what waits, start afresh next time.
    event.preventDefault();
    for (const request of pending.values()) request.reject(new Error(event.message || 'The layout worker stopped.'));
    pending.clear();
    created.terminate();
    worker = undefined;
  };
  worker = created;
  return created;
}

/** Auto-layout of `document` in the layout worker (shared/layout computeLayout), so the UI never waits on it. */
export function requestLayout(document: DiagramDocument, scope: LayoutScope): Promise<ArrangedLayout> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: LayoutRequest = { id, document, scope };
    layoutWorker().postMessage(request);
  });
}
