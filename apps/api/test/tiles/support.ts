// Helpers for the tile tests: decode MVT bytes (@mapbox/vector-tile), find the tile of a point,
// and count what the database holds in a tile, independently of the tile SQL.
import type { AtlasDatabase } from '@atlas/db';
import { VectorTile } from '@mapbox/vector-tile';
import { sql } from 'kysely';
import { PbfReader } from 'pbf';
import { expect } from 'vitest';
import type { AtlasApp } from '../../src/app';

export interface DecodedFeature {
  id: number | undefined;
  /** 1 point, 2 line, 3 polygon */
  type: number;
  properties: Record<string, string | number | boolean>;
  rings: { x: number; y: number }[][];
  /** [minX, minY, maxX, maxY] in tile units */
  bbox: [number, number, number, number];
  vertices: number;
  /** Polygons: area in square tile units (outer rings minus holes); 0 otherwise. */
  area: number;
}

/** Shoelace sum over the rings; MVT outer rings and holes wind opposite ways. */
function signedArea(rings: { x: number; y: number }[][]): number {
  let sum = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      sum += (ring[j]!.x - ring[i]!.x) * (ring[j]!.y + ring[i]!.y);
    }
  }
  return Math.abs(sum / 2);
}

export type DecodedTile = Record<string, DecodedFeature[]>;

export function decodeTile(bytes: Uint8Array): DecodedTile {
  const tile = new VectorTile(new PbfReader(bytes));
  const layers: DecodedTile = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    const features: DecodedFeature[] = [];
    for (let i = 0; i < layer.length; i += 1) {
      const feature = layer.feature(i);
      const rings = feature.loadGeometry().map((ring) => ring.map(({ x, y }) => ({ x, y })));
      const xs = rings.flat().map((point) => point.x);
      const ys = rings.flat().map((point) => point.y);
      features.push({
        id: feature.id,
        type: feature.type,
        properties: feature.properties,
        rings,
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        vertices: xs.length,
        area: feature.type === 3 ? signedArea(rings) : 0,
      });
    }
    layers[name] = features;
  }
  return layers;
}

/** GET a tile: 200 with MVT bytes (decoded) or 204 (no layers). */
export async function getTile(
  app: AtlasApp,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ tile: DecodedTile; bytes: number; etag: string; status: number }> {
  const response = await app.inject({ method: 'GET', url, headers });
  expect([200, 204], `${url}: ${response.body}`).toContain(response.statusCode);
  const etag = String(response.headers.etag);
  if (response.statusCode === 204) return { tile: {}, bytes: 0, etag, status: 204 };
  expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
  return {
    tile: decodeTile(new Uint8Array(response.rawPayload)),
    bytes: response.rawPayload.length,
    etag,
    status: 200,
  };
}

/** The XYZ tile holding a point at zoom z. */
export function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** How many features a tile stands for: clusters count their members. */
export function represented(features: readonly DecodedFeature[] = []): number {
  return features.reduce(
    (sum, f) => sum + (f.properties.cluster ? Number(f.properties.count) : 1),
    0,
  );
}

/**
 * Rows of `table` (not deleted, with `where`) whose representative point lies in the tile
 * (PostGIS's own ST_TileEnvelope, not the tile code's envelope; west and north edges belong
 * to the tile, east and south edges to the next).
 */
export async function countInTile(
  adb: AtlasDatabase,
  table: 'sites' | 'incidents' | 'communities',
  key: { z: number; x: number; y: number },
  where = sql`TRUE`,
): Promise<number> {
  const result = await sql<{ n: string | number }>`
    SELECT count(*) AS n FROM ${sql.table(table)} AS t,
      LATERAL (SELECT ST_Transform(ST_PointOnSurface(t.geom), 3857) AS p) AS point,
      LATERAL (SELECT ST_TileEnvelope(${key.z}, ${key.x}, ${key.y}) AS e) AS tile
    WHERE t.deleted_at IS NULL AND ${where}
      AND ST_X(p) >= ST_XMin(e) AND ST_X(p) < ST_XMax(e)
      AND ST_Y(p) > ST_YMin(e) AND ST_Y(p) <= ST_YMax(e)
  `.execute(adb.db);
  return Number(result.rows[0]?.n);
}
