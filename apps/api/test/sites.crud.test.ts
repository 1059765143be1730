// Site records: CRUD, derived country and department, geometry checks, country scope, and how
// deleting a program hides its sites.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import type { Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { createPrincipalHeaders } from './support/auth';
import {
  auditRows,
  createRecord,
  POINT_IN,
  programInput,
  send,
  siteInput,
} from './support/records';

interface SiteBody {
  id: string;
  programId: string;
  name: string;
  country: string | null;
  department: string | null;
  version: number;
  geometry: { type: string };
}

interface Collection {
  type: string;
  features: { id: string; properties: Record<string, unknown> }[];
  numberMatched: number;
  links: { next?: string; prev?: string };
}

/** A closed ring of `count` + 1 positions around a point in Guatemala. */
function circle(count: number): Polygon {
  const ring: Position[] = Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / count;
    return [-90.5 + 0.2 * Math.cos(angle), 14.6 + 0.2 * Math.sin(angle)];
  });
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

const BOWTIE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [-90.6, 14.5],
      [-90.4, 14.7],
      [-90.4, 14.5],
      [-90.6, 14.7],
      [-90.6, 14.5],
    ],
  ],
};

describe.each(testEngines())('site records on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  let programId: string;

  async function siteCount(): Promise<number> {
    const row = await database.db
      .selectFrom('sites')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }

  async function newProgram(countries: ('GT' | 'HN' | 'SV')[] = ['GT', 'HN']) {
    const { record } = await createRecord<{ id: string; version: number }>(
      app,
      '/api/v1/programs',
      admin,
      programInput({ countries }),
    );
    return record.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
    admin = await createPrincipalHeaders(app, database, { role: 'admin' });
    coordinator = await createPrincipalHeaders(app, database, {
      role: 'coordinator',
      countries: ['GT', 'HN'],
    });
    programId = await newProgram();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('creates a site whose country and department come from the boundaries', async () => {
    const { record } = await createRecord<SiteBody>(
      app,
      '/api/v1/sites',
      admin,
      siteInput(programId),
    );
    expect(record).toMatchObject({ programId, country: 'GT', version: 1 });
    expect(record.department).toMatch(/^GT-/);

    const moved = await send(app, 'PATCH', `/api/v1/sites/${record.id}`, {
      headers: admin,
      body: { geometry: POINT_IN.HN },
      ifMatch: '"1"',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<SiteBody>()).toMatchObject({ country: 'HN', version: 2 });
    expect(moved.json<SiteBody>().department).toMatch(/^HN-/);

    const feature = await send(app, 'GET', `/api/v1/sites/${record.id}`, {
      headers: { accept: 'application/geo+json' },
    });
    expect(feature.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(feature.headers.etag).toBe('"2"');
    expect(feature.json()).toMatchObject({
      type: 'Feature',
      id: record.id,
      geometry: { type: 'Point' },
      properties: { country: 'HN', name: record.name },
    });
    const events = await auditRows(database, 'site', record.id);
    expect(events.map((event) => event.action)).toEqual(['create', 'update']);
    expect(events[1]?.after).toMatchObject({ country: 'HN' });
  });

  it('creates and lists sites under /api/v1/programs/:id/sites', async () => {
    const own = await newProgram();
    await createRecord(app, '/api/v1/sites', admin, siteInput(own, { name: 'First' }));
    await createRecord(app, '/api/v1/sites', admin, siteInput(own, { name: 'Second' }));
    const response = await send(app, 'GET', `/api/v1/programs/${own}/sites?limit=1`);
    expect(response.statusCode).toBe(200);
    const page = response.json<Collection>();
    expect(page.type).toBe('FeatureCollection');
    expect(page.numberMatched).toBe(2);
    expect(page.features[0]?.properties.name).toBe('First');
    expect(page.links.next).toBe(`/api/v1/programs/${own}/sites?limit=1&offset=1`);
    const unknown = await send(app, 'GET', `/api/v1/programs/${crypto.randomUUID()}/sites`);
    expect(unknown.statusCode).toBe(404);
  });

  it('creates a site under POST /api/v1/programs/:id/sites, audited, with its location', async () => {
    const own = await newProgram();
    const { programId: _ignored, ...fields } = siteInput(own, { name: 'Under the program' });
    const created = await send(app, 'POST', `/api/v1/programs/${own}/sites`, {
      headers: admin,
      body: fields,
    });
    expect(created.statusCode).toBe(201);
    const site = created.json<SiteBody>();
    expect(site.programId).toBe(own);
    expect(created.headers.location).toBe(`/api/v1/sites/${site.id}`);
    expect(created.headers.etag).toBe('"1"');
    const fetched = await send(app, 'GET', `/api/v1/sites/${site.id}`);
    expect(fetched.json<SiteBody>().name).toBe('Under the program');
    const events = await auditRows(database, 'site', site.id);
    expect(events.map((event) => event.action)).toEqual(['create']);
  });

  it('refuses a site under a missing program or naming another program, writing nothing', async () => {
    const own = await newProgram();
    const before = await siteCount();
    const missing = await send(app, 'POST', `/api/v1/programs/${crypto.randomUUID()}/sites`, {
      headers: admin,
      body: siteInput(own),
    });
    expect(missing.statusCode).toBe(404);
    const mismatch = await send(app, 'POST', `/api/v1/programs/${own}/sites`, {
      headers: admin,
      body: siteInput(programId),
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toMatch(/programId/);
    const anonymous = await send(app, 'POST', `/api/v1/programs/${own}/sites`, {
      body: siteInput(own),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await siteCount()).toBe(before);
  });

  it('refuses invalid geometry with the ST_IsValidReason text and writes nothing', async () => {
    const before = await siteCount();
    const response = await send(app, 'POST', '/api/v1/sites', {
      headers: admin,
      body: siteInput(programId, { geometry: BOWTIE }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ errors: { path: string; message: string }[] }>();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.path).toBe('/geometry');
    expect(body.errors[0]?.message).toMatch(/^invalid geometry: Self-intersection\[/);
    expect(await siteCount()).toBe(before);
  });

  it('refuses more than 10,000 vertices and a GeometryCollection, writing nothing', async () => {
    const before = await siteCount();
    const tooMany = await send(app, 'POST', '/api/v1/sites', {
      headers: admin,
      body: siteInput(programId, { geometry: circle(10_000) }),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toMatch(/10001 vertices; at most 10000/);

    const enough = await send(app, 'POST', '/api/v1/sites', {
      headers: admin,
      body: siteInput(programId, { geometry: circle(9_999) }),
    });
    expect(enough.statusCode, enough.body).toBe(201);

    const collection = await send(app, 'POST', '/api/v1/sites', {
      headers: admin,
      body: {
        ...siteInput(programId),
        geometry: { type: 'GeometryCollection', geometries: [POINT_IN.GT] },
      },
    });
    expect(collection.statusCode).toBe(400);
    expect(await siteCount()).toBe(before + 1);
  });

  it.each([
    [
      'a ring of one repeated point',
      { type: 'Polygon', coordinates: [Array(4).fill([-90.5, 14.6])] },
    ],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }],
    [
      'a hole outside its shell',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-90.6, 14.5],
            [-90.5, 14.5],
            [-90.5, 14.6],
            [-90.6, 14.5],
          ],
          [
            [-89.6, 14.5],
            [-89.5, 14.5],
            [-89.5, 14.6],
            [-89.6, 14.5],
          ],
        ],
      },
    ],
  ])('refuses %s with 400, never a 5xx', async (_name, geometry) => {
    const before = await siteCount();
    const response = await send(app, 'POST', '/api/v1/sites', {
      headers: admin,
      body: { ...siteInput(programId), geometry },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(await siteCount()).toBe(before);
  });

  it('checks scope on the derived country, inside the transaction (403, nothing written)', async () => {
    const before = await siteCount();
    const inSalvador = await send(app, 'POST', '/api/v1/sites', {
      headers: coordinator,
      body: siteInput(programId, { geometry: POINT_IN.SV }),
    });
    expect(inSalvador.statusCode).toBe(403);
    expect(inSalvador.body).toMatch(/SV/);
    expect(await siteCount()).toBe(before);

    const { record } = await createRecord<SiteBody>(
      app,
      '/api/v1/sites',
      coordinator,
      siteInput(programId),
    );
    const moveOut = await send(app, 'PATCH', `/api/v1/sites/${record.id}`, {
      headers: coordinator,
      body: { geometry: POINT_IN.SV },
      ifMatch: '"1"',
    });
    expect(moveOut.statusCode).toBe(403);
    const stored = await send(app, 'GET', `/api/v1/sites/${record.id}`);
    expect(stored.json<SiteBody>()).toMatchObject({ country: 'GT', version: 1 });
    expect(await auditRows(database, 'site', record.id)).toHaveLength(1);

    // A site in the coordinator's countries, of a program outside them.
    const foreign = await newProgram(['GT', 'SV']);
    const ofForeign = await send(app, 'POST', '/api/v1/sites', {
      headers: coordinator,
      body: siteInput(foreign),
    });
    expect(ofForeign.statusCode).toBe(403);
  });

  it('refuses a site of a missing or deleted program', async () => {
    const missing = await send(app, 'POST', '/api/v1/sites', {
      headers: admin,
      body: siteInput(crypto.randomUUID()),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('/programId');
  });

  it("hides a deleted site, and a deleted program's sites, from every list", async () => {
    const own = await newProgram();
    const { record: site } = await createRecord<SiteBody>(
      app,
      '/api/v1/sites',
      admin,
      siteInput(own),
    );
    const { record: other } = await createRecord<SiteBody>(
      app,
      '/api/v1/sites',
      admin,
      siteInput(own),
    );
    const listedIds = async () => {
      const page = (await send(app, 'GET', `/api/v1/sites?programId=${own}`)).json<Collection>();
      return page.features.map((feature) => feature.id).sort();
    };
    expect(await listedIds()).toEqual([site.id, other.id].sort());

    const deleted = await send(app, 'DELETE', `/api/v1/sites/${site.id}`, {
      headers: admin,
      ifMatch: '"1"',
    });
    expect(deleted.statusCode).toBe(200);
    expect(await listedIds()).toEqual([other.id]);
    expect((await send(app, 'GET', `/api/v1/sites/${site.id}`)).statusCode).toBe(404);
    const restored = await send(app, 'POST', `/api/v1/sites/${site.id}/restore`, {
      headers: admin,
      ifMatch: '"2"',
    });
    expect(restored.statusCode).toBe(200);
    expect(await listedIds()).toEqual([site.id, other.id].sort());

    const program = await send(app, 'DELETE', `/api/v1/programs/${own}`, {
      headers: admin,
      ifMatch: '"1"',
    });
    expect(program.statusCode).toBe(200);
    expect(await listedIds()).toEqual([]);
    expect((await send(app, 'GET', `/api/v1/programs/${own}/sites`)).statusCode).toBe(404);
  });

  it('restores an earlier version of a site, deriving its country again', async () => {
    const { record } = await createRecord<SiteBody>(
      app,
      '/api/v1/sites',
      admin,
      siteInput(programId),
    );
    const url = `/api/v1/sites/${record.id}`;
    await send(app, 'PATCH', url, {
      headers: admin,
      body: { geometry: POINT_IN.HN },
      ifMatch: '"1"',
    });
    const restored = await send(app, 'POST', `${url}/history/1/restore`, {
      headers: admin,
      ifMatch: '"2"',
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json<SiteBody>()).toMatchObject({ country: 'GT', version: 3 });
  });
});
