import { findKind } from '../../../shared/catalog';
import { describeNode, type DiagramDocument } from '../../../shared/document';
import { cannotHold, count, nestingHint, type AddReport, type DropReport, type PasteReport } from '../../../shared/operations';

/**
 * What the canvas tells the user after a drop, an add or a paste that did not go where the
 * pointer suggested, or that changed more than the thing put down. Each names the groups and
 * components involved, as the canvas shows them.
 */

function nameOf(document: DiagramDocument, id: string): string {
  const node = document.nodes.find((candidate) => candidate.id === id);
  return node ? describeNode(node, findKind(node.kind)?.label) : `"${id}"`;
}

function kindOf(document: DiagramDocument, id: string): string {
  return document.nodes.find((candidate) => candidate.id === id)?.kind ?? '';
}

/** `ECS service "api" stays on the canvas: Subnet "private-a" cannot hold ECS service (it may hold: …). Drop it inside …` */
export function refusedDropMessage(document: DiagramDocument, refused: DropReport['refused']): string | undefined {
  const [first] = refused;
  if (!first) return undefined;
  const kind = kindOf(document, first.nodeId);
  const others = refused.length > 1 ? ` (and ${count(refused.length - 1, 'other component')})` : '';
  return `${nameOf(document, first.nodeId)}${others} stays on the canvas: ${cannotHold(document, first.groupId, kind)} ${nestingHint(kind)}`.trim();
}

/** `Region "eu-west-1" now holds EKS cluster "eks".` */
export function adoptedMessage(document: DiagramDocument, adopted: DropReport['adopted']): string | undefined {
  const [first] = adopted;
  if (!first) return undefined;
  const held = first.nodeIds.length === 1 ? nameOf(document, first.nodeIds[0]!) : count(first.nodeIds.length, 'component');
  return `${nameOf(document, first.groupId)} now holds ${held}, since it was put over it. Undo to keep them apart.`;
}

export function addMessage(document: DiagramDocument, report: AddReport): string | undefined {
  if (report.refusedBy) {
    const kind = kindOf(document, report.nodeId);
    return `${nameOf(document, report.nodeId)} was added on the canvas: ${cannotHold(document, report.refusedBy, kind)} ${nestingHint(kind)}`.trim();
  }
  return adoptedMessage(document, report.adoptedIds.length > 0 ? [{ groupId: report.nodeId, nodeIds: report.adoptedIds }] : []);
}

export function pasteMessage(document: DiagramDocument, report: PasteReport): string | undefined {
  if (report.refusedBy) {
    const kind = kindOf(document, report.insertedIds[0] ?? '');
    return `Pasted on the canvas: ${cannotHold(document, report.refusedBy, kind)}`;
  }
  return adoptedMessage(document, report.adopted);
}
