// GET /api/v1/incidents: filters against direct SQL counts, paging, sorting, access.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { getCollection, sqlCount, walkPages } from './support/layers';

describe.each(testEngines())('incident lists on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    headers = await createPrincipalHeaders(app, adb, { role: 'analyst', via: 'session' });
    await sql`UPDATE incidents SET deleted_at = now()
      WHERE id IN (SELECT id FROM incidents WHERE kind = 'seizure' ORDER BY id LIMIT 10)`.execute(
      adb.db,
    );
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('refuses anonymous reads', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/incidents?kind=seizure' });
    expect(response.statusCode).toBe(401);
  });

  const live = sql`incidents WHERE deleted_at IS NULL`;
  const cases: [string, ReturnType<typeof sql>][] = [
    ['', live],
    ['kind=seizure', sql`${live} AND kind = 'seizure'`],
    ['country=HN', sql`${live} AND country = 'HN'`],
    ['threat=gangs', sql`${live} AND threat = 'gangs'`],
    ['from=2011-03-01', sql`${live} AND occurred_on >= '2011-03-01'`],
    ['to=2010-06-30', sql`${live} AND occurred_on <= '2010-06-30'`],
    [
      'from=2010-02-01&to=2010-02-28&kind=homicide',
      sql`${live} AND occurred_on BETWEEN '2010-02-01' AND '2010-02-28' AND kind = 'homicide'`,
    ],
    ['year=2012', sql`${live} AND extract(year FROM occurred_on) = 2012`],
    [
      'year=2013&country=GT&threat=narcotics',
      sql`${live} AND extract(year FROM occurred_on) = 2013 AND country = 'GT'
        AND threat = 'narcotics'`,
    ],
    [
      'bbox=-88,13,-83,16',
      sql`${live} AND ST_Intersects(geom, ST_MakeEnvelope(-88, 13, -83, 16, 4326))`,
    ],
  ];

  it.each(cases)('filters by "%s" like SQL does', async (query, from) => {
    const expected = await sqlCount(adb, from);
    expect(expected).toBeGreaterThan(0);
    const body = await getCollection(app, headers, `/api/v1/incidents?limit=1&${query}`);
    expect(body.numberMatched).toBe(expected);
    expect(body.numberReturned).toBe(1);
  });

  it('pages through the whole collection, each incident once and no deleted one', async () => {
    const { ids, numberMatched } = await walkPages(app, headers, '/api/v1/incidents?limit=700');
    expect(numberMatched).toBe(await sqlCount(adb, live));
    expect(ids).toHaveLength(numberMatched);
    expect(new Set(ids).size).toBe(numberMatched);
    const deleted = await sql<{ id: string }>`SELECT id FROM incidents
      WHERE deleted_at IS NOT NULL`.execute(adb.db);
    expect(deleted.rows).toHaveLength(10);
    const listed = new Set(ids);
    for (const row of deleted.rows) expect(listed.has(row.id)).toBe(false);
  });

  it('sorts newest first by default', async () => {
    const body = await getCollection(app, headers, '/api/v1/incidents?limit=300&country=SV');
    const dates = body.features.map((feature) => String(feature.properties.occurredOn));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.features[0]!.geometry).toMatchObject({ type: 'Point' });
  });

  it.each(['sort=geom', 'from=yesterday', 'kind=robbery', 'limit=10001', 'department=GT-PE'])(
    'rejects %s with 400',
    async (query) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/incidents?${query}`,
        headers,
      });
      expect(response.statusCode, response.body).toBe(400);
    },
  );
});
