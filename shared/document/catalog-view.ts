import { canContain, findConnection, findKind, type KindDefinition, type ResolvedConnection } from '../catalog';

/**
 * What the loader asks the catalog. The app passes the real catalog; tests of the migration
 * machinery pass a catalog of invented kinds (catalog-view.test-support.ts) with a history of
 * their own.
 */
export interface CatalogView {
  findKind(kindId: string): KindDefinition | undefined;
  findConnection(sourceKind: string, targetKind: string): ResolvedConnection | undefined;
  canContain(parentKind: string | undefined, childKind: string): boolean;
}

export const APP_CATALOG: CatalogView = { findKind, findConnection, canContain };
