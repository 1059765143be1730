// No tile over 500 KB: a sample five times the committed one (generated, not committed), and at
// every zoom the tile holding the most incidents, of the biggest layer and of every layer at once.
import { seedIfEmpty } from '@atlas/db';
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { loadBoundaries } from '@atlas/geodata';
import { generateSample } from '@atlas/geodata/generate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { CLUSTER_MAX_ZOOM } from '../../src/routes/tiles/layers/geometry-sql';
import { MAX_TILE_BYTES } from '../../src/routes/tiles/respond';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { getTile, represented } from './support';

const SCALE = 5;
const ALL = 'sites,programs,corridors,communities,incidents,countries,departments';

describe.each(testEngines())('tile sizes with a sample at scale 5 on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: false });
    const boundaries = loadBoundaries();
    await seedIfEmpty(adb.db, {
      load: () =>
        Promise.resolve({ boundaries, sample: generateSample({ scale: SCALE, boundaries }) }),
    });
    app = await buildTestApp(adb);
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  }, 300_000);

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  /** The tile with the most incidents at zoom z (computed by PostGIS). */
  async function densestTile(z: number) {
    const result = await sql<{ x: number; y: number; n: string | number }>`
      SELECT floor((ST_X(p) + 20037508.342789244) / size)::int AS x,
        floor((20037508.342789244 - ST_Y(p)) / size)::int AS y, count(*) AS n
      FROM (SELECT ST_Transform(geom, 3857) AS p, 40075016.68557849 / 2 ^ ${z}::int AS size
            FROM incidents WHERE deleted_at IS NULL) AS i
      GROUP BY 1, 2 ORDER BY n DESC, x, y LIMIT 1
    `.execute(adb.db);
    const row = result.rows[0]!;
    return { z, x: row.x, y: row.y, n: Number(row.n) };
  }

  it('holds the generated sample', async () => {
    const count = await sql<{ n: string | number }>`SELECT count(*) AS n FROM incidents`.execute(
      adb.db,
    );
    expect(Number(count.rows[0]?.n)).toBeGreaterThanOrEqual(5000 * SCALE);
  });

  it('keeps the densest tile of every zoom under 500 KB', async () => {
    const sizes: string[] = [];
    for (let z = 0; z <= 16; z += 2) {
      const key = await densestTile(z);
      const incidents = await getTile(app, `/tiles/incidents/${z}/${key.x}/${key.y}.mvt`, analyst);
      // Up to the clustering zooms every incident in the tile is counted once; above them the
      // tile also holds the incidents in its buffer.
      if (z <= CLUSTER_MAX_ZOOM) expect(represented(incidents.tile.incidents)).toBe(key.n);
      else expect(represented(incidents.tile.incidents)).toBeGreaterThanOrEqual(key.n);
      const all = await getTile(app, `/tiles/${ALL}/${z}/${key.x}/${key.y}.mvt`, analyst);
      sizes.push(`z${z}: ${key.n} incidents, ${incidents.bytes} B; all layers ${all.bytes} B`);
      expect(incidents.bytes, sizes.join('\n')).toBeLessThanOrEqual(MAX_TILE_BYTES);
      expect(all.bytes, sizes.join('\n')).toBeLessThanOrEqual(MAX_TILE_BYTES);
    }
  }, 300_000);
});
