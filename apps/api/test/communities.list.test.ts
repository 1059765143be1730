// GET /api/v1/communities: filters against direct SQL counts, paging, sorting, access.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { getCollection, sqlCount, walkPages } from './support/layers';

describe.each(testEngines())('community lists on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'coordinator', countries: ['GT'] });
    await sql`UPDATE communities SET deleted_at = now()
      WHERE id IN (SELECT id FROM communities WHERE country = 'GT' ORDER BY name LIMIT 2)`.execute(
      adb.db,
    );
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('refuses anonymous reads', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/communities' });
    expect(response.statusCode).toBe(401);
  });

  const live = sql`communities WHERE deleted_at IS NULL`;
  const cases: [string, ReturnType<typeof sql>][] = [
    ['', live],
    ['country=GT', sql`${live} AND country = 'GT'`],
    ['department=SV-SS', sql`${live} AND department = 'SV-SS'`],
    ['year=2012', sql`${live} AND year = 2012`],
    ['minHomicideRate=40', sql`${live} AND homicide_rate >= 40`],
    ['minPopulation=20000', sql`${live} AND population >= 20000`],
    [
      'country=HN&year=2011&minHomicideRate=30',
      sql`${live} AND country = 'HN' AND year = 2011 AND homicide_rate >= 30`,
    ],
    [
      'bbox=-90.5,13,-87,16',
      sql`${live} AND ST_Intersects(geom, ST_MakeEnvelope(-90.5, 13, -87, 16, 4326))`,
    ],
  ];

  it.each(cases)('filters by "%s" like SQL does', async (query, from) => {
    const expected = await sqlCount(adb, from);
    expect(expected).toBeGreaterThan(0);
    const body = await getCollection(app, headers, `/api/v1/communities?limit=2000&${query}`);
    expect(body.numberMatched).toBe(expected);
    expect(body.numberReturned).toBe(expected);
  });

  it('never lists deleted communities', async () => {
    const deleted = await sql<{ id: string }>`SELECT id FROM communities
      WHERE deleted_at IS NOT NULL`.execute(adb.db);
    expect(deleted.rows).toHaveLength(2);
    const { ids } = await walkPages(app, headers, '/api/v1/communities?limit=500');
    for (const row of deleted.rows) expect(ids).not.toContain(row.id);
  });

  it('pages through the whole collection, each community once', async () => {
    const { ids, numberMatched } = await walkPages(
      app,
      headers,
      '/api/v1/communities?limit=17&sort=-homicideRate',
    );
    expect(numberMatched).toBe(await sqlCount(adb, live));
    expect(new Set(ids).size).toBe(numberMatched);
    expect(ids).toHaveLength(numberMatched);
  });

  it.each([
    ['-homicideRate', 'homicideRate', -1],
    ['population', 'population', 1],
  ] as const)('sorts by %s', async (sort, field, direction) => {
    const body = await getCollection(app, headers, `/api/v1/communities?limit=2000&sort=${sort}`);
    const values = body.features.map((feature) => Number(feature.properties[field]));
    const sorted = [...values].sort((a, b) => (a - b) * direction);
    expect(values).toEqual(sorted);
  });

  it.each([
    'sort=homicide_rate',
    'minHomicideRate=-1',
    'year=nineteen',
    'year=1950', // before the first year the table keeps (1990), as on create
    'year=2101',
    'population=5',
    'country=XX',
  ])('rejects %s with 400', async (query) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/communities?${query}`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(400);
  });
});
