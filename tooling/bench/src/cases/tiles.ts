// Vector tiles at zooms 4–14 for sites, corridors and incidents (around Guatemala City), next to
// ST_AsMVT over the same features on PostGIS; the cached path (If-None-Match → 304) next to a
// bare Fastify route. The embedded engine has no ST_AsMVT (tiles are encoded in Node), so there
// its tiles are measured without a SQL reference.
import { sql } from 'kysely';
import { probe, tileOf } from './probe';
import type { BenchCase } from './types';

const CENTRE = [-90.51, 14.64] as const;
const LAYERS = ['sites', 'corridors', 'incidents'] as const;
const ZOOMS = [4, 8, 14] as const;
const TABLE: Record<(typeof LAYERS)[number], string> = {
  sites: 'sites',
  corridors: 'corridors',
  incidents: 'incidents',
};

function tilePath(layer: string, z: number): { path: string; x: number; y: number } {
  const { x, y } = tileOf(CENTRE[0], CENTRE[1], z);
  return { path: `/tiles/${layer}/${z}/${x}/${y}.mvt`, x, y };
}

function tileCase(layer: (typeof LAYERS)[number], z: number): BenchCase {
  const { path, x, y } = tilePath(layer, z);
  return {
    id: `tiles.${layer}.z${z}`,
    title: `GET /tiles/${layer}/${z}/x/y.mvt`,
    quick: layer === 'sites' && z === 8,
    async http(env) {
      const response = await probe(env, path, env.auth);
      await response.arrayBuffer();
      return { path, headers: env.auth, expectStatus: response.status === 204 ? 204 : 200 };
    },
    sql: (env) => {
      if (!env.database.capabilities.mvt) return undefined;
      const table = sql.table(TABLE[layer]);
      return async () => {
        const result = await sql<{ tile: Buffer }>`
          SELECT ST_AsMVT(q, ${layer}, 4096, 'geom') AS tile FROM (
            SELECT id, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(${z}, ${x}, ${y}),
                                    4096, 64, true) AS geom
            FROM ${table}
            WHERE deleted_at IS NULL
              AND geom && ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}, margin => 0.015625), 4326)
          ) q`.execute(env.database.db);
        return result.rows[0]?.tile;
      };
    },
    target: { maxRatio: 1.5, maxBytes: 500 * 1024 },
  };
}

/**
 * The cached path: a tile revalidated with If-None-Match (304) next to a bare Fastify route.
 * Anonymous, as a browser or an HTTP cache revalidates the public sites layer; with an API key,
 * as a service does (the key is looked up on every request).
 */
function cachedTile(withKey: boolean): BenchCase {
  return {
    id: withKey ? 'cached.tiles.304-key' : 'cached.tiles.304',
    title: `GET /tiles/sites/8/x/y.mvt with If-None-Match (304)${withKey ? ', API key' : ''}`,
    quick: !withKey,
    async http(env) {
      const { path } = tilePath('sites', 8);
      const auth = withKey ? env.auth : {};
      const response = await probe(env, path, auth);
      await response.arrayBuffer();
      const etag = response.headers.get('etag');
      if (!etag) throw new Error(`tile answered ${response.status} without an ETag`);
      return { path, headers: { ...auth, 'if-none-match': etag }, expectStatus: 304 };
    },
    reference: (env) => ({ origin: env.bareOrigin, spec: { path: '/bare' } }),
    target: { minShare: 0.5 },
  };
}

export const tileCases: BenchCase[] = [
  ...LAYERS.flatMap((layer) => ZOOMS.map((z) => tileCase(layer, z))),
  cachedTile(false),
  cachedTile(true),
];
