// Corridor records: CRUD round trips, If-Match, soft delete, history, geometry checks, scope.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import { sqlCount } from './support/layers';

const IN_GUATEMALA = {
  type: 'LineString',
  coordinates: [
    [-90.6, 14.6],
    [-90.4, 14.7],
  ],
};
const MEXICO_TO_GUATEMALA = {
  type: 'LineString',
  coordinates: [
    [-93.5, 16.5],
    [-90.5, 14.8],
  ],
};
const IN_HONDURAS = {
  type: 'LineString',
  coordinates: [
    [-87.2, 14.1],
    [-87.0, 14.2],
  ],
};

function corridor(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Test corridor',
    mode: 'land',
    threats: ['narcotics'],
    confidence: 'medium',
    source: 'test',
    validFrom: '2010-01-01',
    geometry: IN_GUATEMALA,
    ...overrides,
  };
}

describe.each(testEngines())('corridor records on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;
  let guatemala: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    admin = await createPrincipalHeaders(app, adb, { role: 'admin' });
    guatemala = await createPrincipalHeaders(app, adb, {
      role: 'coordinator',
      countries: ['GT'],
      via: 'session',
    });
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const written = () => sqlCount(adb, sql`corridors`);
  const audited = () => sqlCount(adb, sql`audit_events WHERE entity_type = 'corridor'`);

  async function create(headers: Record<string, string>, body: Record<string, unknown>) {
    return app.inject({ method: 'POST', url: '/api/v1/corridors', headers, payload: body });
  }

  it('creates, reads, replaces, patches, deletes and restores with an audit trail', async () => {
    const created = await create(admin, corridor({ threats: ['narcotics', 'firearms'] }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(created.headers.location).toBe(`/api/v1/corridors/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({
      id,
      version: 1,
      threats: ['narcotics', 'firearms'],
      validTo: null,
      description: null,
      illustrative: false,
      deletedAt: null,
      geometry: IN_GUATEMALA,
    });

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}`,
      headers: analyst,
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(created.json());

    const asFeature = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}`,
      headers: { ...analyst, accept: 'application/geo+json' },
    });
    expect(asFeature.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(asFeature.json()).toMatchObject({
      type: 'Feature',
      id,
      geometry: IN_GUATEMALA,
      properties: { name: 'Test corridor', version: 1 },
    });

    const replaced = await app.inject({
      method: 'PUT',
      url: `/api/v1/corridors/${id}`,
      headers: { ...admin, 'if-match': '"1"' },
      payload: corridor({ name: 'Replaced', mode: 'air', validTo: '2012-12-31' }),
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.headers.etag).toBe('"2"');
    expect(replaced.json()).toMatchObject({
      name: 'Replaced',
      mode: 'air',
      threats: ['narcotics'],
    });

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/corridors/${id}`,
      headers: { ...admin, 'if-match': '"2"' },
      payload: { confidence: 'high', validTo: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Replaced',
      confidence: 'high',
      validTo: null,
      version: 3,
    });

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/corridors/${id}`,
      headers: { ...admin, 'if-match': '"3"' },
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.headers.etag).toBe('"4"');
    const hidden = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}`,
      headers: analyst,
    });
    expect(hidden.statusCode).toBe(404);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/corridors?limit=1000',
      headers: analyst,
    });
    expect(list.json<{ features: { id: string }[] }>().features.map((f) => f.id)).not.toContain(id);
    const stillThere = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}?includeDeleted=true`,
      headers: analyst,
    });
    expect(stillThere.json<{ deletedAt: string | null }>().deletedAt).not.toBeNull();

    const restored = await app.inject({
      method: 'POST',
      url: `/api/v1/corridors/${id}/restore`,
      headers: { ...admin, 'if-match': '"4"' },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ version: 5, deletedAt: null });
    const listed = await app.inject({
      method: 'GET',
      url: '/api/v1/corridors?limit=1000',
      headers: analyst,
    });
    expect(listed.json<{ features: { id: string }[] }>().features.map((f) => f.id)).toContain(id);

    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}/history`,
      headers: analyst,
    });
    expect(history.statusCode).toBe(200);
    const items = history.json<{
      items: { version: number; action: string; actorLabel: string }[];
    }>().items;
    expect(items.map((item) => [item.version, item.action])).toEqual([
      [1, 'create'],
      [2, 'update'],
      [3, 'update'],
      [4, 'delete'],
      [5, 'restore'],
    ]);
    expect(items[0]!.actorLabel).toMatch(/admin/);

    const back = await app.inject({
      method: 'POST',
      url: `/api/v1/corridors/${id}/history/1/restore`,
      headers: { ...admin, 'if-match': '"5"' },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({
      name: 'Test corridor',
      mode: 'land',
      threats: ['narcotics', 'firearms'],
      version: 6,
    });
    const events = await sqlCount(
      adb,
      sql`audit_events WHERE entity_type = 'corridor' AND entity_id = ${id}`,
    );
    expect(events).toBe(6);
  });

  it('requires If-Match to change a record: 428 without, 412 when stale', async () => {
    const id = (await create(admin, corridor())).json<{ id: string }>().id;
    const without = await app.inject({
      method: 'PATCH',
      url: `/api/v1/corridors/${id}`,
      headers: admin,
      payload: { name: 'No precondition' },
    });
    expect(without.statusCode).toBe(428);
    for (const method of ['DELETE', 'POST'] as const) {
      const url = `/api/v1/corridors/${id}${method === 'POST' ? '/restore' : ''}`;
      const response = await app.inject({ method, url, headers: admin });
      expect(response.statusCode).toBe(428);
    }
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/corridors/${id}`,
      headers: { ...admin, 'if-match': '"7"' },
      payload: { name: 'Stale' },
    });
    expect(stale.statusCode).toBe(412);
    const record = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}`,
      headers: admin,
    });
    expect(record.json()).toMatchObject({ name: 'Test corridor', version: 1 });
  });

  it('lets exactly one of fifty concurrent PATCHes with one ETag succeed', async () => {
    const id = (await create(admin, corridor())).json<{ id: string }>().id;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        app.inject({
          method: 'PATCH',
          url: `/api/v1/corridors/${id}`,
          headers: { ...admin, 'if-match': '"1"' },
          payload: { name: `Writer ${index}` },
        }),
      ),
    );
    const codes = responses.map((response) => response.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code === 412)).toHaveLength(49);
    const events = await sqlCount(
      adb,
      sql`audit_events WHERE entity_type = 'corridor' AND entity_id = ${id}`,
    );
    expect(events).toBe(2);
  });

  it.each([
    ['a line with one point', { type: 'LineString', coordinates: [[-90.5, 14.6]] }, /geometry/],
    [
      'a line with two equal points (ST_IsValid)',
      {
        type: 'LineString',
        coordinates: [
          [-90.5, 14.6],
          [-90.5, 14.6],
        ],
      },
      /Too few points/i,
    ],
    [
      'a polygon',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      /geometry/,
    ],
  ])('rejects %s with 400 and writes nothing', async (_label, geometry, reason) => {
    const [before, auditBefore] = [await written(), await audited()];
    const response = await create(admin, corridor({ geometry }));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.body).toMatch(reason);
    expect(await written()).toBe(before);
    expect(await audited()).toBe(auditBefore);
  });

  it('rejects lines of more than 10,000 vertices', async () => {
    const before = await written();
    const coordinates = Array.from({ length: 10_001 }, (_, index) => [
      -90.6 + index / 100_000,
      14.6 + (index % 2) / 1000,
    ]);
    const response = await create(
      admin,
      corridor({ geometry: { type: 'LineString', coordinates } }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/10001 vertices/);
    expect(await written()).toBe(before);
  });

  it('rejects validTo before validFrom', async () => {
    const response = await create(admin, corridor({ validTo: '2009-01-01' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/validTo/);
  });

  it('limits coordinators to corridors inside their countries, before and after', async () => {
    const before = await written();
    const crossing = await create(guatemala, corridor({ geometry: MEXICO_TO_GUATEMALA }));
    expect(crossing.statusCode, crossing.body).toBe(403);
    expect(crossing.body).toMatch(/MX/);
    expect(await written()).toBe(before);

    const inside = await create(guatemala, corridor());
    expect(inside.statusCode, inside.body).toBe(201);
    const id = inside.json<{ id: string }>().id;
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/v1/corridors/${id}`,
      headers: { ...guatemala, 'if-match': '"1"' },
      payload: { geometry: IN_HONDURAS },
    });
    expect(moved.statusCode).toBe(403);

    const foreign = (await create(admin, corridor({ geometry: IN_HONDURAS }))).json<{
      id: string;
    }>().id;
    const intoScope = await app.inject({
      method: 'PATCH',
      url: `/api/v1/corridors/${foreign}`,
      headers: { ...guatemala, 'if-match': '"1"' },
      payload: { geometry: IN_GUATEMALA },
    });
    expect(intoScope.statusCode).toBe(403);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/corridors/${foreign}`,
      headers: { ...guatemala, 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(403);
    const untouched = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${foreign}`,
      headers: admin,
    });
    expect(untouched.json()).toMatchObject({ version: 1, geometry: IN_HONDURAS });
  });

  it('refuses writes by analysts and anonymous callers', async () => {
    expect((await create(analyst, corridor())).statusCode).toBe(403);
    expect((await create({}, corridor())).statusCode).toBe(401);
    const id = (await create(admin, corridor())).json<{ id: string }>().id;
    const history = await app.inject({ method: 'GET', url: `/api/v1/corridors/${id}/history` });
    expect(history.statusCode).toBe(401);
  });

  it('answers 404 for unknown corridors and versions', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${unknown}`,
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
    const id = (await create(admin, corridor())).json<{ id: string }>().id;
    const noVersion = await app.inject({
      method: 'POST',
      url: `/api/v1/corridors/${id}/history/9/restore`,
      headers: { ...admin, 'if-match': '"1"' },
    });
    expect(noVersion.statusCode).toBe(404);
  });
});
