import type { KindId } from '../../catalog';
import type { KindExporter, NotExported, RepositoriesStackEmitter, StackEmitter, WorkloadStackEmitter } from './emitter';
import { CDK_EXPORTERS } from './exporters.generated';

/**
 * What the CDK exporter does with each kind, in the style of tldraw's ShapeUtils: one entry per
 * kind of the catalog, checked by the compiler (`Record<KindId, …>`), so a new kind does not
 * compile until an emitter declares what it exports, or says that it exports nothing. The
 * entries come from the emitters' own `kinds` (shared/export/cdk/emit/), collected by
 * `npm run generate` into exporters.generated.ts.
 *
 * Several kinds can share one emitter (an ECS cluster emits the capacity drawn inside it). The
 * app runs every workload-stack emitter once per workload stack, in `order`, handing it the
 * stack's nodes of the kinds registered to it.
 */

export { CDK_EXPORTERS };
export type { KindExporter, NotExported, StackEmitter } from './emitter';

const entries = Object.entries(CDK_EXPORTERS) as [KindId, KindExporter | NotExported][];

function emittersOf<E extends StackEmitter>(stack: E['stack']): readonly { emitter: E; kinds: readonly KindId[] }[] {
  const byEmitter = new Map<E, KindId[]>();
  for (const [kind, exporter] of entries) {
    if ('notExported' in exporter || exporter.emitter.stack !== stack) continue;
    const emitter = exporter.emitter as E;
    byEmitter.set(emitter, [...(byEmitter.get(emitter) ?? []), kind]);
  }
  return [...byEmitter.entries()].map(([emitter, kinds]) => ({ emitter, kinds })).sort((a, b) => a.emitter.order - b.emitter.order);
}

/** The emitters of a workload stack, in order, each with the kinds it writes. */
export const STACK_EMITTERS = emittersOf<WorkloadStackEmitter>('workload');

/** The emitters of a Region's repositories stack (ECR repositories), with their kinds. */
export const REPOSITORY_EMITTERS = emittersOf<RepositoriesStackEmitter>('repositories');

/** Kinds whose nodes the Region's repositories stack creates. */
export const REPOSITORY_KINDS: readonly KindId[] = REPOSITORY_EMITTERS.flatMap(({ kinds }) => kinds);
