import { DocumentIndex, restack, type RestackMove } from '../document';
import { defineOperation } from './types';

const LABELS: Record<RestackMove, string> = {
  front: 'Bring to Front',
  back: 'Send to Back',
  forward: 'Bring Forward',
  backward: 'Send Backward',
};

export const restackNodes = defineOperation({
  id: 'nodes.restack',
  label: (args: { nodeIds: readonly string[]; move: RestackMove }) => LABELS[args.move],
  /**
   * Moves the nodes up or down among their siblings (see shared/document/z-order.ts): children
   * always stay above their parent, so only the order among siblings changes, and it is saved.
   */
  apply(document, args) {
    const index = new DocumentIndex(document);
    return { document: restack(document, args.nodeIds, args.move, (id) => index.absoluteRect(id)) };
  },
});
