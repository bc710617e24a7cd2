import { defineEmitter } from '../emitter';

/** Regions are each stack's environment; what the rules found about a Region is noted at the top of its stacks. */
export const notesEmitter = defineEmitter({
  id: 'notes',
  stack: 'workload',
  order: 0,
  kinds: { region: { creates: ['env'] } },
  emit(ctx, nodes) {
    for (const node of nodes) ctx.notes.writeFor(node.id, ctx.b);
  },
});
