import { align, distribute } from './align';
import { applyLayout } from './arrange';
import { fitGroupsToContents } from './fit-group';
import { applyFix, setDescription, setTitle } from './diagram';
import { duplicate, paste } from './clipboard';
import { connect, setEdgeProps } from './edges';
import { addComponent, addComponentInView, deleteSelected, dropNodes, nudge, renameNode, resizeGroup, setNodeProps } from './nodes';
import { restackNodes } from './stacking';
import { moveInTree } from './tree';
import { EMPTY_SELECTION, type Operation, type OperationContext, type OperationResult } from './types';
import { createIdFactory } from '../document';
import type { DiagramDocument } from '../document';

export * from './types';
export * from './nodes';
export * from './edges';
export * from './clipboard';
export * from './diagram';
export * from './align';
export * from './arrange';
export * from './fit-group';
export * from './stacking';
export * from './nesting';
export * from './tree';

/**
 * Every document edit, registered once. The canvas, menus, keyboard, inspector, problems
 * panel, CLI and tests all change documents through these.
 */
export const OPERATIONS = [
  addComponent,
  addComponentInView,
  deleteSelected,
  nudge,
  dropNodes,
  renameNode,
  setNodeProps,
  resizeGroup,
  connect,
  setEdgeProps,
  paste,
  duplicate,
  setTitle,
  setDescription,
  applyFix,
  align,
  distribute,
  applyLayout,
  fitGroupsToContents,
  restackNodes,
  moveInTree,
] as const;

export type OperationId = (typeof OPERATIONS)[number]['id'];

/** Applies an operation outside the app (CLI, scripts, tests): fresh random ids, empty selection unless given. */
export function applyOperation<Args, Report>(
  document: DiagramDocument,
  operation: Operation<Args, Report>,
  args: Args,
  context: Partial<OperationContext> = {},
): OperationResult<Report> {
  return operation.apply(document, args, { newId: context.newId ?? createIdFactory(), selection: context.selection ?? EMPTY_SELECTION });
}
