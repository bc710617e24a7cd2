import { findKind } from '../catalog';
import {
  GROUP_PADDING,
  growGroupsToFit,
  nodeSize,
  nodesBounds,
  type DiagramDocument,
  type DiagramNode,
  type Point,
  type Size,
} from '../document';
import { count, defineOperation } from './types';

/**
 * Where a group goes and how big it is when it fits its children exactly, with the usual
 * padding (and the title bar above them); undefined for an empty group or one that fits already.
 * The children keep their places on the canvas: the group's origin moves by as much as they
 * move inside it.
 */
export function fittedGroup(document: DiagramDocument, group: DiagramNode): { position: Point; size: Size; shift: Point } | undefined {
  const children = document.nodes.filter((node) => node.parentId === group.id);
  if (children.length === 0 || !findKind(group.kind)?.group) return undefined;
  const box = nodesBounds(children)!;
  const [minX, minY, maxX, maxY] = [box.x, box.y, box.x + box.width, box.y + box.height];
  // Whole pixels, rounded outwards, so no child ends a fraction outside.
  const shift = { x: Math.floor(minX - GROUP_PADDING.side), y: Math.floor(minY - GROUP_PADDING.top) };
  const size = {
    width: Math.ceil(maxX - shift.x + GROUP_PADDING.side),
    height: Math.ceil(maxY - shift.y + GROUP_PADDING.bottom),
  };
  const current = nodeSize(group);
  if (shift.x === 0 && shift.y === 0 && size.width === current.width && size.height === current.height) return undefined;
  return { position: { x: group.position.x + shift.x, y: group.position.y + shift.y }, size, shift };
}

export const fitGroupsToContents = defineOperation({
  id: 'groups.fitToContents',
  label: (args: { groupIds: readonly string[] }) =>
    args.groupIds.length === 1 ? 'Fit Group to Contents' : `Fit ${count(args.groupIds.length, 'Group')} to Contents`,
  /**
   * Shrinks or grows each group to hold its children with the usual padding and no more,
   * leaving every child where it is on the canvas. Groups are fitted innermost first, so a
   * selected group around another selected one fits the other's new size; the groups around
   * them grow if they must, never shrink.
   */
  apply(document, args) {
    const byId = new Map(document.nodes.map((node) => [node.id, node]));
    const depth = (id: string) => {
      let levels = 0;
      for (let node = byId.get(id); node?.parentId !== undefined && levels <= byId.size; node = byId.get(node.parentId)) levels++;
      return levels;
    };
    const groupIds = [...new Set(args.groupIds)].filter((id) => byId.has(id)).sort((a, b) => depth(b) - depth(a));
    let current = document;
    for (const groupId of groupIds) {
      const group = current.nodes.find((node) => node.id === groupId)!;
      const fitted = fittedGroup(current, group);
      if (!fitted) continue;
      current = {
        ...current,
        nodes: current.nodes.map((node) => {
          if (node.id === groupId) return { ...node, position: fitted.position, size: fitted.size };
          if (node.parentId === groupId)
            return { ...node, position: { x: node.position.x - fitted.shift.x, y: node.position.y - fitted.shift.y } };
          return node;
        }),
      };
    }
    return { document: current === document ? document : growGroupsToFit(current, groupIds) };
  },
});
