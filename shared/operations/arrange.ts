import { DocumentIndex, growGroupsToFit, type DiagramDocument, type DiagramNode } from '../document';
import type { ArrangedLayout } from '../layout';
import { count, defineOperation } from './types';

/**
 * Puts an auto-layout (shared/layout computeLayout, run ahead of time, in a worker in the app)
 * into the document as one undo step: every arranged node moves, every arranged group takes
 * its new size. Nothing is re-nested. Nodes the layout names that are gone are skipped; the
 * groups around an arranged group grow when it got bigger.
 */
export const applyLayout = defineOperation({
  id: 'layout.apply',
  label: (args: { layout: ArrangedLayout }, document) => {
    const { scope } = args.layout;
    if (scope.kind === 'diagram') return 'Arrange Diagram';
    const group = new DocumentIndex(document).node(scope.groupId);
    return group ? `Arrange Contents of ${group.label || 'Group'}` : `Arrange ${count(Object.keys(args.layout.nodes).length, 'component')}`;
  },
  apply(document: DiagramDocument, args) {
    const placed = args.layout.nodes;
    let changed = false;
    const nodes = document.nodes.map((node): DiagramNode => {
      const target = placed[node.id];
      if (!target) return node;
      const samePosition = target.position.x === node.position.x && target.position.y === node.position.y;
      const sameSize = !target.size || (node.size?.width === target.size.width && node.size.height === target.size.height);
      if (samePosition && sameSize) return node;
      changed = true;
      return { ...node, position: { ...target.position }, ...(target.size ? { size: { ...target.size } } : {}) };
    });
    if (!changed) return { document };
    const next = { ...document, nodes };
    const { scope } = args.layout;
    return { document: scope.kind === 'group' ? growGroupsToFit(next, [scope.groupId]) : next };
  },
});
