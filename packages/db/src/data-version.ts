// The data version of map layers: a short string that changes whenever any committed write
// touches one of the layers (triggers in migration 007). Tiles, OGC items and analyses use it
// in their ETags, so a cached answer is never served after an edit.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export const DATA_LAYERS = [
  'programs',
  'sites',
  'corridors',
  'communities',
  'incidents',
  'boundaries',
] as const;

export type DataLayer = (typeof DATA_LAYERS)[number];

/** `<epoch>-<layer versions…>` for the given layers, in the order given (one indexed query). */
export async function dataVersion(
  db: Kysely<Database>,
  layers: readonly DataLayer[],
): Promise<string> {
  if (layers.length === 0) throw new Error('dataVersion needs at least one layer');
  const rows = await db
    .selectFrom('dataVersions')
    .select(['layer', 'epoch', 'version'])
    .where('layer', 'in', [...layers])
    .execute();
  return formatDataVersion(rows, layers);
}

export interface DataVersionRow {
  layer: string;
  epoch: string;
  /** A bigint counter: a string from pg, a number where a type parser made it one. */
  version: number | string;
}

/**
 * `<epoch>-<layer versions…>` from the rows of `data_versions` (any superset of `layers`). Every
 * layer shares one epoch (migration 007), so the first row's stands for all.
 */
export function formatDataVersion(
  rows: Iterable<DataVersionRow>,
  layers: readonly DataLayer[],
): string {
  const byLayer = new Map([...rows].map((row) => [row.layer, row]));
  const parts = layers.map((layer) => {
    const row = byLayer.get(layer);
    if (!row) throw new Error(`no data version for layer ${layer}: is migration 007 applied?`);
    return row.version;
  });
  const epoch = byLayer.values().next().value?.epoch.replaceAll('-', '').slice(0, 8) ?? '';
  return `${epoch}-${parts.join('.')}`;
}
