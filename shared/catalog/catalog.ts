import type { z } from 'zod';
import { KINDS } from './kinds.generated';
import type { KindDefinition } from './types';

/**
 * Every kind, in palette order: the kinds of shared/catalog/kinds/, listed by `npm run generate`
 * (kinds.generated.ts) by category and each kind's `order`. A const tuple, so `KindId` is the
 * union of the ids and a registry keyed by `Record<KindId, …>` is incomplete (a compile error)
 * until it has an entry for a new kind.
 */
export const CATALOG = KINDS satisfies readonly KindDefinition[];

/** Any kind of the catalog, with its literal id, props schema and traits. */
export type AnyKind = (typeof CATALOG)[number];
/** The id of a kind this build knows. Documents store `kind: string` (files may hold kinds from a newer build). */
export type KindId = AnyKind['id'];
/** The catalog entry of one kind. */
export type KindOf<K extends KindId> = Extract<AnyKind, { id: K }>;
/** The complete, typed props of a node of kind `K` (the kind's zod output type). */
export type PropsOfKind<K extends KindId> = z.output<KindOf<K>['props']>;

export const kindsById: ReadonlyMap<string, AnyKind> = new Map(CATALOG.map((kind) => [kind.id, kind]));

export function isKindId(id: string): id is KindId {
  return kindsById.has(id);
}

export function findKind<K extends KindId>(kindId: K): KindOf<K>;
export function findKind(kindId: string): AnyKind | undefined;
export function findKind(kindId: string): AnyKind | undefined {
  return kindsById.get(kindId);
}

/** For callers that already validated the kind (documents that passed the loader). */
export function getKind<K extends KindId>(kindId: K): KindOf<K>;
export function getKind(kindId: string): AnyKind;
export function getKind(kindId: string): AnyKind {
  const kind = kindsById.get(kindId);
  if (!kind) throw new Error(`Unknown component kind "${kindId}"`);
  return kind;
}
