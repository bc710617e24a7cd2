import type { KindDefinition, KindMigration } from '../catalog';

/** The version of a kind this build writes: its last migration's, or 1. */
export function kindVersion(kind: Pick<KindDefinition, 'migrations'>): number {
  const steps = kind.migrations ?? [];
  return steps.length === 0 ? 1 : steps[steps.length - 1]!.version;
}

/** What is wrong with a kind's history (versions 2, 3, … in order, each described), for the catalog test. */
export function kindMigrationProblems(kind: Pick<KindDefinition, 'id' | 'migrations'>): string[] {
  const problems: string[] = [];
  for (const [index, step] of (kind.migrations ?? []).entries()) {
    if (step.version !== index + 2)
      problems.push(`${kind.id}: migration ${index + 1} produces version ${step.version}; expected ${index + 2}.`);
    if (!step.description.trim()) problems.push(`${kind.id}: the migration to version ${step.version} has no description.`);
  }
  return problems;
}

/**
 * Runs a kind's migrations on the props of a node stored at version `from`, up to the kind's
 * current version. Returns the steps that ran, so tests can check every step is exercised.
 */
export function migrateKindProps(
  kind: Pick<KindDefinition, 'migrations'>,
  props: Record<string, unknown>,
  from: number,
): { props: Record<string, unknown>; applied: KindMigration[] } {
  let current = props;
  const applied: KindMigration[] = [];
  for (const step of kind.migrations ?? []) {
    if (step.version <= from) continue;
    current = step.up(current);
    applied.push(step);
  }
  return { props: current, applied };
}
