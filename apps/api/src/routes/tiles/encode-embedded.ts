// Embedded PGlite (its PostGIS has no protobuf, so no ST_AsMVT): the same features, clipped and
// simplified by the same SQL, come back as GeoJSON and are encoded here as MVT version 2 with
// @maplibre/geojson-vt (tile coordinates, final clip) and @maplibre/vt-pbf (protobuf).
import type { Database } from '@atlas/db';
import { geoJSONToTile, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { LayerName } from './catalog';
import type { TileFilters } from './filters';
import { layerFeatures } from './layers';
import { TILE_BUFFER, TILE_EXTENT, type TileKey } from './tile-grid';

interface FeatureRow {
  layer: LayerName;
  geometry: Geometry;
  props: Record<string, string | number | boolean>;
}

export async function encodeInNode(
  db: Kysely<Database>,
  layers: readonly LayerName[],
  key: TileKey,
  filters: TileFilters,
): Promise<Uint8Array> {
  const parts = layers.map(
    (layer) => sql`
      SELECT ${layer}::text AS layer, ST_AsGeoJSON(ST_Transform(f.geom, 4326), 9)::json AS geometry,
        f.props
      FROM (${layerFeatures(layer, key, filters)}) AS f`,
  );
  const result = await sql<FeatureRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);

  const byLayer = new Map<LayerName, Feature[]>();
  for (const row of result.rows) {
    const features = byLayer.get(row.layer) ?? [];
    features.push({ type: 'Feature', geometry: row.geometry, properties: row.props });
    byLayer.set(row.layer, features);
  }
  const tiles: Record<string, GeoJSONVTTile> = {};
  for (const layer of layers) {
    const features = byLayer.get(layer);
    if (!features) continue;
    const collection: FeatureCollection = { type: 'FeatureCollection', features };
    const tile = geoJSONToTile(collection, key.z, key.x, key.y, {
      extent: TILE_EXTENT,
      buffer: TILE_BUFFER,
      tolerance: 0, // simplified in SQL already, like the PostGIS path
      clip: true,
    });
    if (tile.features.length > 0) tiles[layer] = tile;
  }
  if (Object.keys(tiles).length === 0) return new Uint8Array();
  return fromGeojsonVt(tiles, { version: 2, extent: TILE_EXTENT });
}
