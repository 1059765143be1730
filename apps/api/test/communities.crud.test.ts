// Community records: round trip, If-Match, soft delete, history, invalid geometry, scope.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { sqlCount } from './support/layers';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [-90.6, 14.6],
      [-90.5, 14.6],
      [-90.5, 14.7],
      [-90.6, 14.7],
      [-90.6, 14.6],
    ],
  ],
};
/** A bow tie: its ring crosses itself. */
const BOW_TIE = {
  type: 'Polygon',
  coordinates: [
    [
      [-90.6, 14.6],
      [-90.5, 14.7],
      [-90.5, 14.6],
      [-90.6, 14.7],
      [-90.6, 14.6],
    ],
  ],
};

function community(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Test community',
    country: 'GT',
    department: 'GT-GU',
    geometry: SQUARE,
    population: 12000,
    homicideRate: 45.5,
    year: 2012,
    source: 'test',
    ...overrides,
  };
}

describe.each(testEngines())('community records on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let guatemala: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    guatemala = await createPrincipalHeaders(app, adb, { role: 'coordinator', countries: ['GT'] });
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst', via: 'session' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const written = () => sqlCount(adb, sql`communities`);
  const audited = () => sqlCount(adb, sql`audit_events WHERE entity_type = 'community'`);
  const create = (headers: Record<string, string>, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/communities', headers, payload: body });
  const change = (
    method: 'PATCH' | 'PUT' | 'DELETE' | 'POST',
    url: string,
    etag: string | null,
    payload?: Record<string, unknown>,
  ) =>
    app.inject({
      method,
      url: `/api/v1/communities/${url}`,
      headers: etag === null ? guatemala : { ...guatemala, 'if-match': etag },
      ...(payload ? { payload } : {}),
    });

  it('round-trips a community through create, update, delete, restore and history', async () => {
    const created = await create(guatemala, community());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ ...community(), id, version: 1, illustrative: false });

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/communities/${id}`,
      headers: analyst,
    });
    expect(read.json()).toEqual(created.json());

    expect((await change('PATCH', id, null, { population: 1 })).statusCode).toBe(428);
    expect((await change('PATCH', id, '"2"', { population: 1 })).statusCode).toBe(412);
    const patched = await change('PATCH', id, '"1"', { population: 13000, department: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      population: 13000,
      department: null,
      name: 'Test community',
    });

    const replaced = await change('PUT', id, '"2"', community({ name: 'Renamed', year: 2013 }));
    expect(replaced.json()).toMatchObject({
      name: 'Renamed',
      year: 2013,
      population: 12000,
      version: 3,
    });

    expect((await change('DELETE', id, '"3"')).statusCode).toBe(200);
    const listed = async () =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/communities?country=GT&limit=2000',
          headers: analyst,
        })
      )
        .json<{ features: { id: string }[] }>()
        .features.map((feature) => feature.id);
    expect(await listed()).not.toContain(id);
    expect((await change('POST', `${id}/restore`, '"4"')).statusCode).toBe(200);
    expect(await listed()).toContain(id);

    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/communities/${id}/history`,
      headers: analyst,
    });
    const items = history.json<{
      items: { action: string; before: unknown; after: { name: string } }[];
    }>().items;
    expect(items.map((item) => item.action)).toEqual([
      'create',
      'update',
      'update',
      'delete',
      'restore',
    ]);
    expect(items[0]!.before).toBeNull();
    expect(items[2]!.after.name).toBe('Renamed');

    const back = await change('POST', `${id}/history/2/restore`, '"5"');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ name: 'Test community', population: 13000, version: 6 });
  });

  it('rejects a self-intersecting polygon with the PostGIS reason and writes nothing', async () => {
    const [before, auditBefore] = [await written(), await audited()];
    const response = await create(guatemala, community({ geometry: BOW_TIE }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{
      status: number;
      errors: { path: string; message: string }[];
    }>();
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: '/geometry',
        message: expect.stringMatching(/^invalid geometry: Self-intersection\[/) as unknown,
      }),
    ]);
    expect(await written()).toBe(before);
    expect(await audited()).toBe(auditBefore);

    const id = (await create(guatemala, community())).json<{ id: string }>().id;
    const patched = await change('PATCH', id, '"1"', { geometry: BOW_TIE });
    expect(patched.statusCode).toBe(400);
    const stored = await app.inject({
      method: 'GET',
      url: `/api/v1/communities/${id}`,
      headers: analyst,
    });
    expect(stored.json()).toMatchObject({ version: 1, geometry: SQUARE });
  });

  it('keeps a coordinator to communities of its countries', async () => {
    const before = await written();
    const outside = await create(guatemala, community({ country: 'HN', department: null }));
    expect(outside.statusCode).toBe(403);
    expect(outside.body).toMatch(/HN/);
    expect(await written()).toBe(before);

    const id = (await create(guatemala, community())).json<{ id: string }>().id;
    const moved = await change('PATCH', id, '"1"', { country: 'SV', department: null });
    expect(moved.statusCode).toBe(403);

    const foreign = await sql<{ id: string }>`SELECT id FROM communities
      WHERE country = 'HN' AND deleted_at IS NULL LIMIT 1`.execute(adb.db);
    const foreignId = foreign.rows[0]!.id;
    expect((await change('DELETE', foreignId, '"1"')).statusCode).toBe(403);
    expect((await change('PATCH', foreignId, '"1"', { country: 'GT' })).statusCode).toBe(403);
    expect((await create(analyst, community())).statusCode).toBe(403);
  });

  it('requires a known department of the same country', async () => {
    const before = await written();
    const wrongCountry = await create(guatemala, community({ department: 'HN-FM' }));
    expect(wrongCountry.statusCode).toBe(400);
    expect(wrongCountry.body).toMatch(/HN-FM is in HN/);
    const unknown = await create(guatemala, community({ department: 'GT-ZZ' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/unknown department/);
    expect(await written()).toBe(before);
  });

  it('refuses a year before 1990, the range the database keeps too, with 400', async () => {
    const [before, auditBefore] = [await written(), await audited()];
    const response = await create(guatemala, community({ year: 1950 }));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.body).toMatch(/\/year/);
    expect(response.body).not.toMatch(/INSERT|SELECT/);
    expect(await written()).toBe(before);
    expect(await audited()).toBe(auditBefore);
  });

  it('refuses anonymous reads', async () => {
    const id = (await create(guatemala, community())).json<{ id: string }>().id;
    for (const url of [`/api/v1/communities/${id}`, `/api/v1/communities/${id}/history`]) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
