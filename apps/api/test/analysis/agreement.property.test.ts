// Property tests: the API's pipeline (PostGIS narrows, @atlas/domain computes with Turf) agrees
// with PostGIS computing everything itself, within 0.5%: nearest sites and programs, and the
// covered share of corridors (PostGIS: union of geodesic buffers intersected with the corridor).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { analysis, type FeatureCollection } from './support';

const TOLERANCE = 0.005;

describe.each(testEngines())('PostGIS and Turf agree on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;
  let corridorIds: string[];

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    corridorIds = (await adb.db.selectFrom('corridors').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('on the k nearest sites and programs to any point of the region', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -117, max: -77, noNaN: true }),
        fc.double({ min: 7, max: 33, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('sites', 'programs'),
        async (lon, lat, k, of) => {
          const body = await analysis<{
            results: FeatureCollection<{ siteId: string; programId: string; distanceM: number }>;
          }>(app, {}, `/api/v1/analysis/nearest?lon=${lon}&lat=${lat}&k=${k}&of=${of}`);
          const point = sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)::geography`;
          const { rows } = await sql<{ key: string; d: number }>`
            SELECT ${sql.raw(of === 'sites' ? 's.id' : 's.program_id')} AS key,
              min(ST_Distance(s.geom::geography, ${point}, false)) AS d
            FROM sites s JOIN programs p ON p.id = s.program_id
            WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
            GROUP BY 1 ORDER BY 2, 1 LIMIT ${k}`.execute(adb.db);
          const got = body.results.features.map((feature) => feature.properties);
          expect(got).toHaveLength(rows.length);
          rows.forEach((row, index) => {
            const distance = got[index]!.distanceM;
            expect(Math.abs(distance - row.d)).toBeLessThanOrEqual(Math.max(1, row.d * TOLERANCE));
          });
          const key = (p: { siteId: string; programId: string }) =>
            of === 'sites' ? p.siteId : p.programId;
          // Same set, unless two candidates tie at the k-th distance.
          const last = rows[rows.length - 1]!.d;
          const sure = rows.filter((row) => row.d < last * (1 - TOLERANCE));
          for (const row of sure) expect(got.map(key)).toContain(row.key);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('on the covered share of every corridor for any radius', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 1, max: 80, noNaN: true }),
        async (pick, radiusKm) => {
          const id = corridorIds[pick % corridorIds.length]!;
          const body = await analysis<{ coveredShare: number; lengthM: number }>(
            app,
            headers,
            `/api/v1/analysis/corridor-coverage?corridor=${id}&radiusKm=${radiusKm}&status=any`,
          );
          const r = radiusKm * 1000;
          const { rows } = await sql<{ share: number | null }>`
            WITH corridor AS (
              SELECT geom, ST_Segmentize(geom::geography, 1000)::geometry AS dense
              FROM corridors WHERE id = ${id}
            ), cover AS (
              SELECT ST_Union(ST_Buffer(s.geom::geography, ${r}::float8, 'quad_segs=64')::geometry) AS u
              FROM sites s JOIN programs p ON p.id = s.program_id, corridor c
              WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
                AND ST_DWithin(s.geom::geography, c.geom::geography, ${r}::float8, false)
            )
            SELECT ST_Length(ST_Intersection(c.dense, cover.u)::geography, false)
              / ST_Length(c.geom::geography, false) AS share
            FROM corridor c, cover`.execute(adb.db);
          const expected = rows[0]?.share ?? 0;
          expect(Math.abs(body.coveredShare - expected)).toBeLessThanOrEqual(TOLERANCE);
        },
      ),
      { numRuns: 12 },
    );
  });
});
