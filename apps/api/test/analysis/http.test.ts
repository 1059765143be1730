// The analysis routes over HTTP on the seeded sample: access, validation (400 with a reason),
// 404, ETag and 304, the statement timeout (503), and answers checked against direct SQL.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { analysisLimits } from '../../src/routes/analysis/run';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { expectProblem } from '../support/layers';
import { analysis, type FeatureCollection } from './support';

const READ_ROUTES = [
  '/api/v1/analysis/corridor-coverage?corridor=00000000-0000-4000-8000-000000000000',
  '/api/v1/analysis/border-crossings',
  '/api/v1/analysis/coverage-gaps',
  '/api/v1/analysis/summary',
  '/api/v1/analysis/area-of-interest?department=GT-PE',
  '/api/v1/analysis/hotspots',
];

/** A square of `side` degrees at (lon, lat) with `extra` vertices along its first edge. */
function square(lon: number, lat: number, side: number, extra = 0) {
  const edge = Array.from({ length: extra }, (_, i) => [lon + (side * (i + 1)) / (extra + 1), lat]);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        ...edge,
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  };
}

describe.each(testEngines())('analysis over HTTP on %s (seeded sample)', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;
  let corridorId: string;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    corridorId = (
      await adb.db
        .selectFrom('corridors')
        .select('id')
        .where('name', 'like', 'Pan-American Highway, Guatemala City%')
        .executeTakeFirstOrThrow()
    ).id;
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('refuses anonymous callers except for nearest', async () => {
    for (const url of READ_ROUTES) {
      expectProblem(await app.inject({ method: 'GET', url }), 401);
    }
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/analysis/area-of-interest',
      payload: { geometry: square(-90, 15, 1) },
    });
    expectProblem(post, 401);
    await analysis(app, {}, '/api/v1/analysis/nearest?lon=-90.5&lat=14.6');
  });

  it.each([
    ['corridor-coverage?corridor=CID&radiusKm=0.05', /radiusKm/],
    ['corridor-coverage?corridor=CID&radiusKm=500.5', /radiusKm/],
    ['corridor-coverage?corridor=not-a-uuid', /corridor/],
    ['corridor-coverage?corridor=CID&status=dormant', /status/],
    ['coverage-gaps?radiusKm=-1', /radiusKm/],
    ['border-crossings?radiusKm=1000', /radiusKm/],
    ['hotspots?resolution=2', /resolution/],
    ['hotspots?resolution=9', /resolution/],
    ['hotspots?from=2013-02-30', /from/],
    ['hotspots?from=2013-06-01&to=2013-01-01', /before from/],
    ['hotspots?from=1990-01-01&to=2013-01-01', /20 years/],
    ['hotspots?bbox=1,2,3', /bbox/],
    ['summary?country=XX', /country/],
    ['summary?country=GT&department=GT-PE', /not both/],
    ['area-of-interest?department=guatemala', /department/],
    ['nearest?lon=200&lat=14', /lon/],
    ['nearest?lon=-90&lat=14&k=0', /k/],
    ['nearest?lon=-90&lat=14&maxDistanceKm=0', /maxDistanceKm/],
    ['nearest?lon=-90&lat=14&of=countries', /of/],
    ['coverage-gaps?unknown=1', /unknown|additional/i],
  ])('answers 400 with a reason: %s', async (query, reason) => {
    const url = `/api/v1/analysis/${query.replace('CID', corridorId)}`;
    expectProblem(await app.inject({ method: 'GET', url, headers }), 400, reason);
  });

  it('answers 400 for an invalid or oversized polygon', async () => {
    const post = (geometry: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/analysis/area-of-interest',
        headers,
        payload: { geometry },
      });
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [-90, 14],
          [-89, 15],
          [-89, 14],
          [-90, 15],
          [-90, 14],
        ],
      ],
    };
    expectProblem(await post(bowtie), 400, /invalid geometry: Self-intersection/);
    expectProblem(
      await post(square(-90, 14, 1, 10_000)),
      400,
      /has 10005 vertices; at most 10000 are accepted/,
    );
    expectProblem(
      await post({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      }),
      400,
    );
    expectProblem(
      await post({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
      400,
    );
    // 9,995 vertices: accepted.
    await analysis(app, headers, '/api/v1/analysis/area-of-interest', {
      geometry: square(-90, 14, 1, 9_990),
    });
  });

  it('answers 404 for an unknown corridor or department', async () => {
    for (const url of [
      '/api/v1/analysis/corridor-coverage?corridor=00000000-0000-4000-8000-000000000000',
      '/api/v1/analysis/border-crossings?corridor=00000000-0000-4000-8000-000000000000',
      '/api/v1/analysis/summary?department=GT-ZZ',
      '/api/v1/analysis/area-of-interest?department=GT-ZZ',
    ]) {
      expectProblem(await app.inject({ method: 'GET', url, headers }), 404, /no such/);
    }
  });

  it('sends an ETag from the data version and 304 until the data changes', async () => {
    const url = '/api/v1/analysis/summary?country=HN';
    const first = await app.inject({ method: 'GET', url, headers });
    const etag = first.headers.etag as string;
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await app.inject({
      method: 'GET',
      url,
      headers: { ...headers, 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Other parameters, other tag.
    const other = await app.inject({ method: 'GET', url: `${url}&radiusKm=20`, headers });
    expect(other.headers.etag).not.toBe(etag);
    // A write to a layer the summary reads changes the tag.
    await sql`UPDATE incidents SET quantity = coalesce(quantity, 0) + 1
      WHERE id = (SELECT id FROM incidents ORDER BY id LIMIT 1)`.execute(adb.db);
    const after = await app.inject({
      method: 'GET',
      url,
      headers: { ...headers, 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    // Nearest does not read incidents: its tag stays; it is public.
    const near = '/api/v1/analysis/nearest?lon=-87.2&lat=14.1&k=2';
    const n1 = await app.inject({ method: 'GET', url: near });
    expect(n1.headers['cache-control']).toBe('public, no-cache');
    await sql`UPDATE incidents SET quantity = coalesce(quantity, 0) + 1
      WHERE id = (SELECT id FROM incidents ORDER BY id LIMIT 1)`.execute(adb.db);
    const n2 = await app.inject({
      method: 'GET',
      url: near,
      headers: { 'if-none-match': n1.headers.etag as string },
    });
    expect(n2.statusCode).toBe(304);
  });

  it('answers 503 with Retry-After when the analysis runs past its timeout', async () => {
    const saved = analysisLimits.statementTimeoutMs;
    analysisLimits.statementTimeoutMs = 1;
    try {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/analysis/summary?radiusKm=400',
        headers,
      });
      expectProblem(response, 503, /in time/);
      expect(response.headers['retry-after']).toBe('5');
    } finally {
      analysisLimits.statementTimeoutMs = saved;
    }
    // PGlite cannot cancel the statement: wait until the connection is free again.
    await analysis(app, headers, '/api/v1/analysis/summary?country=BZ');
  });

  it('counts hotspot incidents like SQL does, for both periods', async () => {
    const body = await analysis<{
      totals: { count: number; previousCount: number };
      cells: FeatureCollection<{ count: number; previousCount: number; change: number }>;
      previousPeriod: { from: string; to: string };
    }>(
      app,
      headers,
      '/api/v1/analysis/hotspots?from=2012-01-01&to=2012-06-30&resolution=4&kind=seizure',
    );
    const count = async (from: string, to: string) =>
      Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM incidents WHERE deleted_at IS NULL
            AND kind = 'seizure' AND occurred_on BETWEEN ${from} AND ${to}`.execute(adb.db)
        ).rows[0]!.n,
      );
    expect(body.previousPeriod).toEqual({ from: '2011-07-03', to: '2011-12-31', days: 182 });
    expect(body.totals.count).toBe(await count('2012-01-01', '2012-06-30'));
    expect(body.totals.previousCount).toBe(await count('2011-07-03', '2011-12-31'));
    expect(body.totals.count).toBeGreaterThan(10);
    const cells = body.cells.features.map((cell) => cell.properties);
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(body.totals.count);
    expect(cells.reduce((sum, cell) => sum + cell.previousCount, 0)).toBe(
      body.totals.previousCount,
    );
    for (const cell of cells) expect(cell.change).toBe(cell.count - cell.previousCount);
  });

  it('finds coverage gaps that PostGIS agrees have no prevention site within the radius', async () => {
    const body = await analysis<{
      counts: { communities: number; covered: number; gaps: number };
      gaps: FeatureCollection<{
        communityId: string;
        need: number;
        rank: number;
        nearestSite: { distanceM: number } | null;
      }>;
    }>(app, headers, '/api/v1/analysis/coverage-gaps?radiusKm=15&minHomicideRate=20&limit=1000');
    const { rows } = await sql<{ id: string; covered: boolean }>`
      SELECT m.id, EXISTS (SELECT 1 FROM sites s JOIN programs p ON p.id = s.program_id
        WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND p.line = 'prevention'
          AND p.status = 'active' AND ST_DWithin(s.geom::geography, m.geom::geography, 15000, false)
      ) AS covered
      FROM communities m WHERE m.deleted_at IS NULL AND m.homicide_rate >= 20`.execute(adb.db);
    expect(body.counts.communities).toBe(rows.length);
    const uncovered = rows
      .filter((row) => !row.covered)
      .map((row) => row.id)
      .sort();
    expect(body.gaps.features.map((gap) => gap.properties.communityId).sort()).toEqual(uncovered);
    expect(body.counts.covered).toBeGreaterThan(0);
    const needs = body.gaps.features.map((gap) => gap.properties.need);
    expect(needs).toEqual([...needs].sort((a, b) => b - a));
    // Each gap's nearest site is the nearest of all prevention sites (not only of its candidates).
    const nearest = await sql<{ id: string; m: number }>`
      SELECT m.id, min(ST_Distance(s.geom::geography, m.geom::geography, false)) AS m
      FROM communities m, sites s JOIN programs p ON p.id = s.program_id
      WHERE m.deleted_at IS NULL AND m.homicide_rate >= 20 AND s.deleted_at IS NULL
        AND p.deleted_at IS NULL AND p.line = 'prevention' AND p.status = 'active'
      GROUP BY m.id`.execute(adb.db);
    const nearestM = new Map(nearest.rows.map((row) => [row.id, row.m]));
    for (const gap of body.gaps.features) {
      const distanceM = gap.properties.nearestSite!.distanceM;
      expect(distanceM).toBeGreaterThan(15_000);
      expect(distanceM).toBeCloseTo(nearestM.get(gap.properties.communityId)!, -1);
    }
  });

  it('measures corridor coverage consistently with PostGIS lengths and distances', async () => {
    const body = await analysis<{
      lengthM: number;
      coveredM: number;
      uncoveredM: number;
      coveredShare: number;
      covered: FeatureCollection<{ lengthM: number }>;
      sites: FeatureCollection<{ siteId: string; distanceM: number; alongM: number }>;
    }>(
      app,
      headers,
      `/api/v1/analysis/corridor-coverage?corridor=${corridorId}&radiusKm=30&status=any`,
    );
    const length = await sql<{ m: number }>`SELECT ST_Length(geom::geography, false) AS m
      FROM corridors WHERE id = ${corridorId}`.execute(adb.db);
    // PostGIS's sphere is 6,371,008.7714 m, Turf's 6,371,008.8 m: equal to 5 parts per billion.
    expect(Math.abs(body.lengthM / length.rows[0]!.m - 1)).toBeLessThan(1e-8);
    expect(body.coveredM + body.uncoveredM).toBeCloseTo(body.lengthM, 3);
    expect(body.coveredShare).toBeGreaterThan(0);
    expect(body.coveredShare).toBeLessThan(1);
    const sites = await sql<{ id: string; d: number }>`
      SELECT s.id, ST_Distance(s.geom::geography, c.geom::geography, false) AS d
      FROM sites s JOIN programs p ON p.id = s.program_id, corridors c
      WHERE c.id = ${corridorId} AND s.deleted_at IS NULL AND p.deleted_at IS NULL
        AND ST_DWithin(s.geom::geography, c.geom::geography, 30000, false)`.execute(adb.db);
    const expected = new Map(sites.rows.map((row) => [row.id, row.d]));
    expect(body.sites.features.length).toBe(expected.size);
    for (const site of body.sites.features) {
      const d = expected.get(site.properties.siteId)!;
      expect(Math.abs(site.properties.distanceM - d)).toBeLessThanOrEqual(Math.max(1, d * 0.005));
    }
    const along = body.sites.features.map((site) => site.properties.alongM);
    expect(along).toEqual([...along].sort((a, b) => a - b));
  });

  it('lists border crossings between two countries, unguarded first', async () => {
    const body = await analysis<{
      counts: { crossings: number; unguarded: number };
      crossings: FeatureCollection<{
        countries: string[];
        guarded: boolean;
        nearestSite: { distanceM: number } | null;
      }>;
    }>(app, headers, '/api/v1/analysis/border-crossings?radiusKm=100&status=any&mode=land');
    expect(body.counts.crossings).toBe(body.crossings.features.length);
    expect(body.counts.crossings).toBeGreaterThan(3);
    const guarded = body.crossings.features.map((feature) => feature.properties.guarded);
    expect(guarded).toEqual([...guarded].sort((a, b) => Number(a) - Number(b)));
    expect(guarded.filter((flag) => !flag).length).toBe(body.counts.unguarded);
    for (const { properties } of body.crossings.features) {
      expect(properties.countries).toHaveLength(2);
      expect(properties.countries[0]! < properties.countries[1]!).toBe(true);
      expect(properties.guarded).toBe((properties.nearestSite?.distanceM ?? Infinity) <= 100_000);
    }
    // The Pan-American Highway to Chiapas crosses from Guatemala into Mexico.
    const own = await analysis<{ crossings: FeatureCollection<{ countries: string[] }> }>(
      app,
      headers,
      `/api/v1/analysis/border-crossings?corridor=${corridorId}`,
    );
    expect(own.crossings.features.map((feature) => feature.properties.countries)).toContainEqual([
      'GT',
      'MX',
    ]);
  });
});
