// Server PostGIS: the whole tile, every layer of the tileset, in one query with
// ST_AsMVTGeom/ST_AsMVT (each layer's MVT bytes concatenated: a tile is a list of layers).
import type { Database } from '@atlas/db';
import { sql, type Kysely } from 'kysely';
import type { LayerName } from './catalog';
import type { TileFilters } from './filters';
import { layerFeatures } from './layers';
import { tileEnvelope } from './layers/geometry-sql';
import { TILE_BUFFER, TILE_EXTENT, type TileKey } from './tile-grid';

export async function encodeWithPostgis(
  db: Kysely<Database>,
  layers: readonly LayerName[],
  key: TileKey,
  filters: TileFilters,
): Promise<Uint8Array> {
  const parts = layers.map(
    (layer) => sql`(
      SELECT coalesce(ST_AsMVT(t, ${sql.lit(layer)}, ${sql.lit(TILE_EXTENT)}, 'geom'), ''::bytea)
      FROM (
        SELECT ST_AsMVTGeom(f.geom, ${tileEnvelope(key)}, ${sql.lit(TILE_EXTENT)},
          ${sql.lit(TILE_BUFFER)}, true) AS geom, f.props
        FROM (${layerFeatures(layer, key, filters)}) AS f
      ) AS t
      WHERE t.geom IS NOT NULL
    )`,
  );
  const result = await sql<{ tile: Buffer }>`SELECT ${sql.join(parts, sql` || `)} AS tile`.execute(
    db,
  );
  const tile = result.rows[0]?.tile;
  return tile ? new Uint8Array(tile.buffer, tile.byteOffset, tile.byteLength) : new Uint8Array();
}
