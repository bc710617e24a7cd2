import type { KindId } from '../../catalog';
import type { DiagramNode } from '../../document/schema';
import type { EmitContext } from './context';
import type { RepositoriesContext } from './emit/repositories';

/**
 * What an emitter is. Each emitter (shared/export/cdk/emit/) declares the kinds it writes, what
 * each kind creates, and the kinds it is responsible for that export nothing, with the reason.
 * `npm run generate` collects those declarations into the exporter registry
 * (exporters.generated.ts), which the compiler checks is complete: `Record<KindId, …>`.
 */

/** What a kind's nodes become in the generated code. */
export interface KindOutput {
  /** CDK constructs (or Kubernetes objects) the generated code creates for a node of this kind; the every-kind test looks for them. */
  creates: readonly string[];
  /** How the generated README mentions the kind: counted in its summary, and as the example node (lowest rank first). */
  readme?: { counted?: true; example?: number };
}

export interface NotExported {
  /** Why the kind has no construct of its own (at least a sentence). */
  notExported: string;
}

export type KindDeclarations = { readonly [K in KindId]?: KindOutput | NotExported };

interface EmitterBase<Kinds extends KindDeclarations> {
  /** Names the emitter in errors and tests. */
  id: string;
  /** Position in the stack file: earlier sections define what later ones refer to (VPCs before clusters). */
  order: number;
  kinds: Kinds;
}

/** Writes its kinds' nodes into each workload stack, given the stack's nodes of those kinds in document order. */
export interface WorkloadStackEmitter<Kinds extends KindDeclarations = KindDeclarations> extends EmitterBase<Kinds> {
  stack: 'workload';
  emit(ctx: EmitContext, nodes: readonly DiagramNode[]): void;
}

/** Writes its kinds' nodes into the Region's repositories stack (created once, pushed to before services start). */
export interface RepositoriesStackEmitter<Kinds extends KindDeclarations = KindDeclarations> extends EmitterBase<Kinds> {
  stack: 'repositories';
  emit(ctx: RepositoriesContext, nodes: readonly DiagramNode[]): void;
}

export type StackEmitter<Kinds extends KindDeclarations = KindDeclarations> = WorkloadStackEmitter<Kinds> | RepositoriesStackEmitter<Kinds>;

/** Identity helper that keeps the literal kind ids an emitter declares, so the generated registry is checked entry by entry. */
export function defineEmitter<const Kinds extends KindDeclarations, E extends StackEmitter<Kinds>>(emitter: E & { kinds: Kinds }): E {
  return emitter;
}

/** A kind's entry in the exporter registry: the emitter that writes it and what it creates. */
export interface KindExporter extends KindOutput {
  emitter: StackEmitter;
}

/** The registry entry of `kind`, from the declaration of the emitter responsible for it. */
export function exporterOf<Kinds extends KindDeclarations, K extends keyof Kinds & KindId>(
  emitter: StackEmitter<Kinds>,
  kind: K,
): Kinds[K] extends NotExported ? NotExported : KindExporter {
  const declared = emitter.kinds[kind] as KindOutput | NotExported;
  return ('notExported' in declared ? declared : { ...declared, emitter }) as Kinds[K] extends NotExported ? NotExported : KindExporter;
}

/** Whether a value is an emitter (what the registry generator collects from the modules of emit/). */
export function isStackEmitter(value: unknown): value is StackEmitter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StackEmitter>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.order === 'number' &&
    typeof candidate.emit === 'function' &&
    typeof candidate.kinds === 'object' &&
    (candidate.stack === 'workload' || candidate.stack === 'repositories')
  );
}
