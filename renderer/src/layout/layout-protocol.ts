import type { DiagramDocument } from '../../../shared/document';
import type { ArrangedLayout, LayoutScope } from '../../../shared/layout';

/** What the window asks the layout worker, and what it answers (one answer per request id). */
export interface LayoutRequest {
  readonly id: number;
  readonly document: DiagramDocument;
  readonly scope: LayoutScope;
}

export type LayoutResponse =
  | { readonly id: number; readonly ok: true; readonly layout: ArrangedLayout }
  | { readonly id: number; readonly ok: false; readonly message: string };
