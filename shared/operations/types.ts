import type { DiagramDocument, IdFactory } from '../document';

/** Which nodes and edges are selected: what an operation leaves selected, and what undo restores. */
export interface Selection {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

/** What an operation may use besides the document and its arguments. */
export interface OperationContext {
  /** Fresh ids for nodes and edges an operation creates. */
  readonly newId: IdFactory;
  /** The selection when the operation runs. */
  readonly selection: Selection;
}

export interface OperationResult<Report = undefined> {
  /** The new document, or the same object when nothing changed (then no undo step is recorded). */
  readonly document: DiagramDocument;
  /** What is selected afterwards; omitted: the selection stays as it was. */
  readonly selection?: Selection;
  /** Anything the caller needs to explain the outcome (nodes that could not nest, the reason a connection was refused). */
  readonly report?: Report;
}

/**
 * A named document edit: the one way the app, the CLI, scripts and tests change a document.
 * Pure: `apply` returns a new document and never touches the one it is given. Each run of an
 * operation is one undo step labelled `label(...)` ("Move 3 components"); runs with the same
 * `coalesceKey` shortly after one another merge into one step (typing into a field, nudging).
 */
export interface Operation<Args, Report = undefined> {
  readonly id: string;
  label(args: Args, document: DiagramDocument): string;
  apply(document: DiagramDocument, args: Args, context: OperationContext): OperationResult<Report>;
  coalesceKey?(args: Args): string | undefined;
}

/** Keeps an operation's literal id and argument types. */
export function defineOperation<Args, Report = undefined, const Id extends string = string>(
  operation: Operation<Args, Report> & { readonly id: Id },
): Operation<Args, Report> & { readonly id: Id } {
  return operation;
}

/** "1 component", "3 components". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
