// Every OGC API collection, in the order /ogc/collections lists them.
import type { Database } from '@atlas/db';
import type { Kysely } from 'kysely';
import type { OgcCollection } from '../collection';
import { boundaryCollections } from './boundaries';
import { contextCollections } from './context-layers';
import { registryCollections } from './registry-layers';

/** The collection ids (fixed: the access policy has an entry per collection route). */
export const OGC_COLLECTION_IDS = [
  'sites',
  'programs',
  'corridors',
  'communities',
  'incidents',
  'countries',
  'departments',
] as const;

export function ogcCollections(db: Kysely<Database>): OgcCollection[] {
  const all = [...registryCollections(db), ...contextCollections(db), ...boundaryCollections(db)];
  return OGC_COLLECTION_IDS.map((id) => all.find((collection) => collection.id === id)!);
}
