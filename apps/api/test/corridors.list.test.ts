// GET /api/v1/corridors: filters against direct SQL counts, paging, sorting, access.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { getCollection, sqlCount, walkPages } from './support/layers';

describe.each(testEngines())('corridor lists on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    // One deleted corridor: it must never be listed.
    await sql`UPDATE corridors SET deleted_at = now()
      WHERE id = (SELECT id FROM corridors ORDER BY name LIMIT 1)`.execute(adb.db);
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('refuses anonymous reads', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/corridors' });
    expect(response.statusCode).toBe(401);
  });

  it('lists every live corridor as GeoJSON', async () => {
    const body = await getCollection(app, headers, '/api/v1/corridors');
    const live = await sqlCount(adb, sql`corridors WHERE deleted_at IS NULL`);
    expect(live).toBeGreaterThan(5);
    expect(body.numberMatched).toBe(live);
    const feature = body.features[0]!;
    expect(['LineString', 'MultiLineString']).toContain(
      (feature.geometry as { type: string }).type,
    );
    expect(feature.properties).toMatchObject({ id: feature.id, version: 1, deletedAt: null });
    expect(feature.properties.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  const cases: [string, ReturnType<typeof sql>][] = [
    ['mode=land', sql`corridors WHERE deleted_at IS NULL AND mode = 'land'`],
    ['threat=firearms', sql`corridors WHERE deleted_at IS NULL AND 'firearms' = ANY (threats)`],
    ['confidence=high', sql`corridors WHERE deleted_at IS NULL AND confidence = 'high'`],
    [
      'country=GT',
      sql`corridors k WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM countries c
        WHERE c.code = 'GT' AND ST_Intersects(c.geom, k.geom))`,
    ],
    [
      'activeOn=2012-06-01',
      sql`corridors WHERE deleted_at IS NULL AND valid_from <= '2012-06-01'
        AND (valid_to IS NULL OR valid_to >= '2012-06-01')`,
    ],
    [
      'activeOn=2015-01-01&mode=land',
      sql`corridors WHERE deleted_at IS NULL AND mode = 'land' AND valid_from <= '2015-01-01'
        AND (valid_to IS NULL OR valid_to >= '2015-01-01')`,
    ],
    [
      'bbox=-92.5,13.5,-88,18',
      sql`corridors WHERE deleted_at IS NULL
        AND ST_Intersects(geom, ST_MakeEnvelope(-92.5, 13.5, -88, 18, 4326))`,
    ],
  ];

  it.each(cases)('filters by %s like SQL does', async (query, from) => {
    const expected = await sqlCount(adb, from);
    const body = await getCollection(app, headers, `/api/v1/corridors?${query}`);
    expect(body.numberMatched).toBe(expected);
    expect(body.numberReturned).toBe(expected);
  });

  it('has corridors for most filters (so the comparisons mean something)', async () => {
    const counts = await Promise.all(
      ['mode=land', 'threat=firearms', 'country=GT', 'activeOn=2012-06-01'].map(
        async (query) =>
          (await getCollection(app, headers, `/api/v1/corridors?${query}`)).numberMatched,
      ),
    );
    for (const count of counts) expect(count).toBeGreaterThan(0);
  });

  it('pages through the whole collection, each corridor once', async () => {
    const { ids, numberMatched, pages } = await walkPages(
      app,
      headers,
      '/api/v1/corridors?limit=4&sort=-confidence,name',
    );
    expect(pages).toBe(Math.ceil(numberMatched / 4));
    expect(ids).toHaveLength(numberMatched);
    expect(new Set(ids).size).toBe(numberMatched);
  });

  it('links back to the previous page', async () => {
    const body = await getCollection(app, headers, '/api/v1/corridors?limit=3&offset=3');
    expect(body.links.prev).toBe('/api/v1/corridors?limit=3&offset=0');
    expect(body.links.next).toBe('/api/v1/corridors?limit=3&offset=6');
  });

  it('sorts by allowlisted keys', async () => {
    const body = await getCollection(app, headers, '/api/v1/corridors?sort=-validFrom');
    const dates = body.features.map((feature) => String(feature.properties.validFrom));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.each([
    'sort=geom',
    'sort=-password',
    'colour=red',
    'mode=submarine',
    'activeOn=2012-02-30',
    'bbox=1,2,3',
    'limit=0',
  ])('rejects %s with 400', async (query) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors?${query}`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(400);
  });
});
