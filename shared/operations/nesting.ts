import { CATALOG, canContain, containersOf, findKind } from '../catalog';
import type { DiagramDocument } from '../document';

/**
 * Words for a refused nesting, named after what the user sees: the group actually under the
 * pointer, what that group may hold, and where the component could go instead.
 */

/** `Subnet "private-a" cannot hold ECS service (it may hold: NAT gateway, VPC endpoint, …).` */
export function cannotHold(document: DiagramDocument, groupId: string, childKind: string): string {
  const group = document.nodes.find((node) => node.id === groupId);
  const groupKind = group ? findKind(group.kind) : undefined;
  const child = findKind(childKind)?.label ?? childKind;
  if (!group || !groupKind) return `This group cannot hold ${child}.`;
  const name = group.label.trim() ? `${groupKind.label} "${group.label}"` : groupKind.label;
  const holds = CATALOG.filter((kind) => canContain(group.kind, kind.id)).map((kind) => kind.label);
  return holds.length > 0
    ? `${name} cannot hold ${child} (it may hold: ${holds.join(', ')}).`
    : `${name} cannot hold ${child} (it holds nothing).`;
}

/** "Drop it inside ECS cluster or Fargate capacity." from the catalog's nesting rules; empty when anywhere will do. */
export function nestingHint(childKind: string): string {
  const containers = containersOf(childKind).map((kind) => kind.label);
  if (containers.length === 0) return '';
  const list = containers.length === 1 ? containers[0] : `${containers.slice(0, -1).join(', ')} or ${containers[containers.length - 1]}`;
  return `Drop it inside ${list}.`;
}
