import { extractFragment, insertFragment, type Fragment, type Point } from '../document';
import { CASCADE_OFFSET } from './nodes';
import { count, defineOperation } from './types';

export const paste = defineOperation({
  id: 'fragment.paste',
  label: (args: { fragment: Fragment; at?: Point }) =>
    args.fragment.nodes.length === 1 ? 'Paste' : `Paste ${count(args.fragment.nodes.length, 'component')}`,
  /**
   * Inserts a copied fragment with fresh ids: its top-left at `at` (absolute) when given, else
   * offset from where the originals were. Selects what was pasted.
   */
  apply(document, args, context) {
    if (args.fragment.nodes.length === 0) return { document };
    const topLevel = args.fragment.nodes.filter((node) => node.parentId === undefined);
    const origin = topLevel.reduce((box, node) => ({ x: Math.min(box.x, node.position.x), y: Math.min(box.y, node.position.y) }), {
      x: Infinity,
      y: Infinity,
    });
    const offset = args.at ? { x: args.at.x - origin.x, y: args.at.y - origin.y } : { x: CASCADE_OFFSET, y: CASCADE_OFFSET };
    const result = insertFragment(document, args.fragment, context.newId, offset);
    return { document: result.document, selection: { nodeIds: result.insertedNodeIds, edgeIds: [] } };
  },
});

export const duplicate = defineOperation({
  id: 'nodes.duplicate',
  label: (args: { nodeIds: readonly string[] }) =>
    args.nodeIds.length === 1 ? 'Duplicate' : `Duplicate ${count(args.nodeIds.length, 'component')}`,
  /** Copies the nodes (with their contents and the edges among them) beside the originals. */
  apply(document, args, context) {
    const fragment = extractFragment(document, args.nodeIds);
    if (fragment.nodes.length === 0) return { document };
    const result = insertFragment(document, fragment, context.newId, { x: CASCADE_OFFSET, y: CASCADE_OFFSET });
    return { document: result.document, selection: { nodeIds: result.insertedNodeIds, edgeIds: [] } };
  },
});
