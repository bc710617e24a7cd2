import { CURRENT_SCHEMA_VERSION } from './schema';

/**
 * One step of the file format's history: turns a document of version `from` into version
 * `from + 1`. Migrations work on plain JSON values (the old shape has no schema any more)
 * and must not throw on anything the old format allowed, nor change the value it is given
 * (return a new one). Every migration has a fixture test in migrations.test.ts that feeds it
 * a real file of the old version: shared/document/fixtures/v<from>.stowage.
 */
export interface Migration {
  from: number;
  description: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/** The format's history, oldest first. Version 1 is the first released format. */
export const MIGRATIONS: readonly Migration[] = [];

export const FIRST_SCHEMA_VERSION = CURRENT_SCHEMA_VERSION - MIGRATIONS.length;

export type MigrationOutcome = { ok: true; document: Record<string, unknown>; applied: number[] } | { ok: false; message: string };

/** Runs the migrations from `version` up to `target`, in order. */
export function migrate(
  document: Record<string, unknown>,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationOutcome {
  let current = document;
  const applied: number[] = [];
  for (let from = version; from < target; from++) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) return { ok: false, message: `No migration from format version ${from} to ${from + 1}.` };
    current = { ...step.migrate(current), schemaVersion: from + 1 };
    applied.push(from);
  }
  return { ok: true, document: current, applied };
}
