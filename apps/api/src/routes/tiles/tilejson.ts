// TileJSON 3.0.0 for a tileset: the tile URL template (with the request's filters), zoom range,
// the bounds of the data it holds, and one `vector_layers` entry per source layer.
import type { Database } from '@atlas/db';
import { sql, type Kysely } from 'kysely';
import { CLUSTER_FIELDS, type LayerDefinition, type LayerName, type Tileset } from './catalog';
import { CLUSTER_MAX_ZOOM } from './layers/geometry-sql';
import { MAX_ZOOM, MIN_ZOOM } from './tile-grid';
import type { TileJson } from './schemas';

/** Web Mercator's latitude limit: TileJSON bounds stay inside it. */
const MAX_LATITUDE = 85.051129;
const WORLD: [number, number, number, number] = [-180, -MAX_LATITUDE, 180, MAX_LATITUDE];

const TABLE_OF: Record<LayerName, string> = {
  sites: 'sites',
  programs: 'sites',
  corridors: 'corridors',
  communities: 'communities',
  incidents: 'incidents',
  countries: 'countries',
  departments: 'departments',
};
const EDITABLE = new Set(['sites', 'corridors', 'communities', 'incidents']);

/** The extent of the layers' (not deleted) features, in degrees; the world when there are none. */
export async function dataBounds(
  db: Kysely<Database>,
  layers: readonly LayerDefinition[],
): Promise<[number, number, number, number]> {
  const tables = [...new Set(layers.map((layer) => TABLE_OF[layer.name]))];
  const parts = tables.map((table) =>
    EDITABLE.has(table)
      ? sql`SELECT ST_Extent(geom) AS box FROM ${sql.table(table)} WHERE deleted_at IS NULL`
      : sql`SELECT ST_Extent(geom) AS box FROM ${sql.table(table)}`,
  );
  const result = await sql<{ west: number | null; south: number; east: number; north: number }>`
    SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
    FROM (SELECT ST_Extent(box::geometry) AS e FROM (${sql.join(parts, sql` UNION ALL `)}) AS b) AS x
  `.execute(db);
  const row = result.rows[0];
  if (!row || row.west === null) return WORLD;
  const clamp = (lat: number) => Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return [row.west, clamp(row.south), row.east, clamp(row.north)];
}

function vectorLayer(layer: LayerDefinition): TileJson['vector_layers'][number] {
  const clusterNote = layer.clustered
    ? ` Up to zoom ${CLUSTER_MAX_ZOOM} nearby points are clustered (cluster, count).`
    : '';
  return {
    id: layer.name,
    description: `${layer.description}.${clusterNote}`,
    minzoom: MIN_ZOOM,
    maxzoom: MAX_ZOOM,
    fields: { ...layer.fields, ...(layer.clustered ? CLUSTER_FIELDS : {}) },
  };
}

export function buildTileJson(
  tileset: Tileset,
  origin: string,
  filterQuery: string,
  bounds: [number, number, number, number],
): TileJson {
  const query = filterQuery === '' ? '' : `?${filterQuery}`;
  const [west, south, east, north] = bounds;
  return {
    tilejson: '3.0.0',
    name: tileset.layers.map((layer) => layer.title).join(', '),
    description: tileset.layers.map((layer) => layer.description).join('; '),
    attribution: 'CARSI Atlas',
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${tileset.id}/{z}/{x}/{y}.mvt${query}`],
    minzoom: MIN_ZOOM,
    maxzoom: MAX_ZOOM,
    bounds,
    center: [(west + east) / 2, (south + north) / 2, 4],
    vector_layers: tileset.layers.map(vectorLayer),
  };
}
