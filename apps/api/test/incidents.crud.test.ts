// Incident records and the bulk create: round trip, bad coordinates, scope, all-or-nothing.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipal, createPrincipalHeaders } from './support/auth';
import { sqlCount } from './support/layers';

function incident(index = 0, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'seizure',
    occurredOn: '2012-05-01',
    geometry: { type: 'Point', coordinates: [-90.5 + (index % 100) / 1000, 14.6] },
    country: 'GT',
    threat: 'narcotics',
    quantity: 120.5,
    unit: 'kg',
    source: 'test',
    ...overrides,
  };
}

describe.each(testEngines())('incident records on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let guatemala: Record<string, string>;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    guatemala = await createPrincipalHeaders(app, adb, {
      role: 'coordinator',
      countries: ['GT', 'HN'],
    });
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const written = () => sqlCount(adb, sql`incidents`);
  const audited = () => sqlCount(adb, sql`audit_events WHERE entity_type = 'incident'`);
  const create = (headers: Record<string, string>, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: body });
  const bulk = (headers: Record<string, string>, incidents: unknown[]) =>
    app.inject({ method: 'POST', url: '/api/v1/incidents/bulk', headers, payload: { incidents } });

  it('round-trips an incident', async () => {
    const created = await create(guatemala, incident());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ ...incident(), id, version: 1, description: null });
    const stored = await sql<{ department: string | null }>`SELECT department FROM incidents
      WHERE id = ${id}`.execute(adb.db);
    expect(stored.rows[0]!.department).toBe('GT-GU'); // derived from the point
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/incidents/${id}`,
      headers: { ...guatemala, 'if-match': '"1"' },
      payload: { quantity: null, unit: null, country: 'HN' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ quantity: null, unit: null, country: 'HN', version: 2 });
    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${id}`,
      headers: analyst,
    });
    expect(read.headers.etag).toBe('"2"');
    expect(read.json()).toEqual(patched.json());
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/incidents/${id}`,
      headers: { ...guatemala, 'if-match': '"2"' },
    });
    expect(deleted.statusCode).toBe(200);
    const gone = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${id}`,
      headers: analyst,
    });
    expect(gone.statusCode).toBe(404);
    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${id}/history`,
      headers: analyst,
    });
    expect(
      history.json<{ items: { action: string }[] }>().items.map((item) => item.action),
    ).toEqual(['create', 'update', 'delete']);
  });

  it('rejects a longitude of 200 and writes nothing', async () => {
    const [before, auditBefore] = [await written(), await audited()];
    const response = await create(
      guatemala,
      incident(0, { geometry: { type: 'Point', coordinates: [200, 14.6] } }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/geometry/);
    expect(await written()).toBe(before);
    expect(await audited()).toBe(auditBefore);
  });

  it('rejects a point with an altitude (the column is 2-D), alone or in a batch', async () => {
    const before = await written();
    const geometry = { type: 'Point', coordinates: [-90.5, 14.6, 1500] };
    const single = await create(guatemala, incident(0, { geometry }));
    expect(single.statusCode, single.body).toBe(400);
    expect(single.body).toMatch(/altitude/);
    const batch = await bulk(guatemala, [incident(0), incident(1, { geometry })]);
    expect(batch.statusCode).toBe(400);
    expect(batch.body).toMatch(/\/incidents\/1\/geometry/);
    expect(await written()).toBe(before);
  });

  it('refuses incidents outside the coordinator scope', async () => {
    const before = await written();
    const response = await create(guatemala, incident(0, { country: 'SV' }));
    expect(response.statusCode).toBe(403);
    expect(response.body).toMatch(/SV/);
    expect(await written()).toBe(before);
  });

  it('creates 5,000 incidents in one request, each with its create event', async () => {
    const principal = await createPrincipal(app, adb, { role: 'coordinator', countries: ['GT'] });
    const [before, auditBefore] = [await written(), await audited()];
    const items = Array.from({ length: 5000 }, (_, index) =>
      incident(index, { description: `bulk item ${index} ${'x'.repeat(100)}` }),
    );
    const response = await bulk(principal.headers, items);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    const body = response.json<{ created: number; ids: string[] }>();
    expect(body.created).toBe(5000);
    expect(new Set(body.ids).size).toBe(5000);
    expect(await written()).toBe(before + 5000);
    expect(await audited()).toBe(auditBefore + 5000);
    const fifth = await app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${body.ids[4]}`,
      headers: analyst,
    });
    expect(fifth.json()).toMatchObject({
      description: `bulk item 4 ${'x'.repeat(100)}`,
      version: 1,
    });
    const events = await sqlCount(
      adb,
      sql`audit_events WHERE entity_id = ${body.ids[4]} AND action = 'create'
        AND actor_id = ${principal.id}`,
    );
    expect(events).toBe(1);
  });

  it('writes nothing when one item of a batch is bad, listing each bad item', async () => {
    const [before, auditBefore] = [await written(), await audited()];
    const items: unknown[] = Array.from({ length: 20 }, (_, index) => incident(index));
    items[3] = incident(3, { geometry: { type: 'Point', coordinates: [200, 14.6] } });
    items[11] = incident(11, { kind: 'robbery' });
    const response = await bulk(guatemala, items);
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/\/incidents\/3\/geometry/);
    expect(response.body).toMatch(/\/incidents\/11\/kind/);
    expect(response.body).not.toMatch(/\/incidents\/4\//);
    expect(await written()).toBe(before);
    expect(await audited()).toBe(auditBefore);
  });

  it('refuses repeated or existing ids in a batch', async () => {
    const existing = await sql<{ id: string }>`SELECT id FROM incidents LIMIT 1`.execute(adb.db);
    const id = '6f1c4c1e-8c8a-4c59-9d37-2f1f5e0b8a11';
    const before = await written();
    const response = await bulk(guatemala, [
      incident(0, { id }),
      incident(1, { id }),
      incident(2, { id: existing.rows[0]!.id }),
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/\/incidents\/1\/id/);
    expect(response.body).toMatch(/\/incidents\/2\/id/);
    expect(await written()).toBe(before);
  });

  it('checks the scope of every item of a batch', async () => {
    const before = await written();
    const items = Array.from({ length: 10 }, (_, index) =>
      incident(index, index === 7 ? { country: 'PA' } : {}),
    );
    const response = await bulk(guatemala, items);
    expect(response.statusCode).toBe(403);
    expect(response.body).toMatch(/item 7/);
    expect(response.body).not.toMatch(/item 6/);
    expect(await written()).toBe(before);
    expect((await bulk(analyst, [incident()])).statusCode).toBe(403);
    expect((await bulk({}, [incident()])).statusCode).toBe(401);
  });

  it('refuses empty batches and batches over 5,000', async () => {
    expect((await bulk(guatemala, [])).statusCode).toBe(400);
    const tooMany = Array.from({ length: 5001 }, (_, index) => incident(index));
    const response = await bulk(guatemala, tooMany);
    expect(response.statusCode).toBe(400);
  });
});
