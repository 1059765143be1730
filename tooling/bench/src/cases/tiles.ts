// Vector tiles at zooms 4–14 for sites, corridors and incidents (around Guatemala City), next to
// the very SQL our PostGIS tile path runs (the API's own `encodeWithPostgis`, called here through
// the app's pool without Fastify), so the ratio is the HTTP and app overhead alone; a same-answer
// check holds both to byte-equal tiles. The cached path (If-None-Match → 304) is measured next to
// a bare Fastify route. The embedded engine has no ST_AsMVT (tiles are encoded in Node), so there
// its tiles are measured without a SQL reference.
// The API package exports only its app and config: its tile modules are imported by path (the
// typings of its Fastify plugins, which those modules rely on, are in this package's tsconfig).
import { parseTileset } from '../../../../apps/api/src/routes/tiles/catalog';
import { encodeWithPostgis } from '../../../../apps/api/src/routes/tiles/encode-postgis';
import { probe, tileOf } from './probe';
import type { BenchCase } from './types';

const CENTRE = [-90.51, 14.64] as const;
const LAYERS = ['sites', 'corridors', 'incidents'] as const;
const ZOOMS = [4, 8, 14] as const;

function tilePath(layer: string, z: number): { path: string; x: number; y: number } {
  const { x, y } = tileOf(CENTRE[0], CENTRE[1], z);
  return { path: `/tiles/${layer}/${z}/${x}/${y}.mvt`, x, y };
}

function bytesOf(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

/** Byte-equal tiles (an empty tile is the route's 204, an empty body). */
export function sameTile(httpBody: unknown, sqlResult: unknown): string | undefined {
  const ours = bytesOf(httpBody);
  const theirs = bytesOf(sqlResult);
  if (!ours || !theirs) return 'a side gave no bytes';
  if (ours.byteLength !== theirs.byteLength) {
    return `${ours.byteLength} bytes from the route, ${theirs.byteLength} from the SQL`;
  }
  const first = ours.findIndex((byte, i) => byte !== theirs[i]);
  return first === -1 ? undefined : `tiles differ from byte ${first}`;
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
      // What the route renders for this URL: the tileset's layers, the key, no filters.
      const layers = parseTileset(layer).layers.map((definition) => definition.name);
      return () => encodeWithPostgis(env.database.db, layers, { z, x, y }, {});
    },
    same: sameTile,
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
