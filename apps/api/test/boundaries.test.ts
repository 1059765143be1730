import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';
import { spyOnSql, type SqlSpy } from './reliability/sql-spy';
import { createPrincipalHeaders } from './support/auth';

interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: { code: string; name: string; nameEs: string; country?: string };
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
  numberReturned: number;
}

/** Every number in a nested coordinate array. */
function vertexCount(coordinates: unknown): number {
  return Array.isArray(coordinates)
    ? typeof coordinates[0] === 'number'
      ? 1
      : coordinates.reduce((sum: number, part) => sum + vertexCount(part), 0)
    : 0;
}

describe.each(testEngines())('boundaries on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
  });

  let spy: SqlSpy | undefined;
  afterEach(() => {
    spy?.restore();
    spy = undefined;
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('lists the countries as a GeoJSON FeatureCollection, anonymously', async () => {
    const response = await get('/api/v1/boundaries/countries');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = response.json<Collection>();
    expect(collection.type).toBe('FeatureCollection');
    const codes = collection.features.map((feature) => feature.id);
    expect(codes).toEqual(expect.arrayContaining(['BZ', 'GT', 'SV', 'HN', 'NI', 'CR', 'PA']));
    expect(collection.numberReturned).toBe(codes.length);
    const guatemala = collection.features.find((feature) => feature.id === 'GT');
    expect(guatemala?.properties).toEqual({ code: 'GT', name: 'Guatemala', nameEs: 'Guatemala' });
    expect(guatemala?.geometry.type).toMatch(/Polygon$/);
  });

  it('filters countries by bbox and simplifies on request', async () => {
    // Around Guatemala City only.
    const near = await get('/api/v1/boundaries/countries?bbox=-90.6,14.5,-90.4,14.7');
    expect(near.json<Collection>().features.map((feature) => feature.id)).toEqual(['GT']);

    const full = (await get('/api/v1/boundaries/countries/GT')).json<Feature>();
    const coarse = (await get('/api/v1/boundaries/countries/GT?simplify=0.1')).json<Feature>();
    expect(vertexCount(coarse.geometry.coordinates)).toBeLessThan(
      vertexCount(full.geometry.coordinates),
    );
  });

  it('lists departments, filtered by country', async () => {
    const response = await get('/api/v1/boundaries/departments?country=HN');
    expect(response.statusCode).toBe(200);
    const features = response.json<Collection>().features;
    expect(features.length).toBeGreaterThan(5);
    expect(features.every((feature) => feature.properties.country === 'HN')).toBe(true);
    expect(features.every((feature) => feature.id.startsWith('HN-'))).toBe(true);

    const all = (await get('/api/v1/boundaries/departments')).json<Collection>();
    expect(all.features.length).toBeGreaterThan(features.length);
  });

  it('answers one boundary as a Feature, 404 problem for unknown codes', async () => {
    const peten = await get('/api/v1/boundaries/departments/GT-PE');
    expect(peten.statusCode).toBe(200);
    expect(peten.json<Feature>()).toMatchObject({
      type: 'Feature',
      id: 'GT-PE',
      properties: { code: 'GT-PE', country: 'GT' },
    });

    for (const url of [
      '/api/v1/boundaries/countries/XX',
      '/api/v1/boundaries/departments/GT-ZZZ',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('rejects bad parameters with 400 problem+json', async () => {
    for (const url of [
      '/api/v1/boundaries/countries?bbox=1,2,3',
      '/api/v1/boundaries/countries?bbox=-200,0,0,10',
      '/api/v1/boundaries/countries?simplify=-1',
      '/api/v1/boundaries/countries?simplify=abc',
      '/api/v1/boundaries/departments?country=ZZ',
      '/api/v1/boundaries/departments?sort=name',
      '/api/v1/boundaries/countries/guatemala',
      '/api/v1/boundaries/departments/bad code',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('is cacheable: a strong ETag, 304 on If-None-Match', async () => {
    const first = await get('/api/v1/boundaries/departments?country=SV');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const cached = await get('/api/v1/boundaries/departments?country=SV', {
      'if-none-match': etag,
    });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    const other = await get('/api/v1/boundaries/departments?country=GT');
    expect(other.headers.etag).not.toBe(etag);
  });

  it('answers a 304 with the data-version read alone, no boundary query', async () => {
    const url = '/api/v1/boundaries/countries';
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    spy = spyOnSql();
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(spy.texts.length).toBe(1);
    expect(spy.texts[0]).toMatch(/\bdata_versions\b/);
    expect(spy.texts.join('\n')).not.toMatch(/\b(countries|departments)\b/);
  });

  it('changes the ETag and the body when the boundaries change', async () => {
    const url = '/api/v1/boundaries/countries/GT';
    const before = await get(url);
    // As the seed does: boundary writes are refused unless the transaction allows them.
    const setNameEs = (nameEs: string) =>
      database.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('atlas.allow_boundary_write', 'on', true)`.execute(trx);
        await trx.updateTable('countries').set({ nameEs }).where('code', '=', 'GT').execute();
      });
    await setNameEs('Guatemala (edición)');
    try {
      const stale = await get(url, { 'if-none-match': String(before.headers.etag) });
      expect(stale.statusCode).toBe(200);
      expect(stale.headers.etag).not.toBe(before.headers.etag);
      expect(stale.json<Feature>().properties.nameEs).toBe('Guatemala (edición)');
      // The same bytes again (kept for this version), under the same tag.
      const repeat = await get(url);
      expect(repeat.body).toBe(stale.body);
      expect(repeat.headers.etag).toBe(stale.headers.etag);
    } finally {
      await setNameEs('Guatemala');
    }
    const restored = await get(url);
    expect(restored.json<Feature>().properties.nameEs).toBe('Guatemala');
  });

  it('answers If-None-Match: * with 304 for a boundary, 404 for none', async () => {
    expect(
      (await get('/api/v1/boundaries/countries/GT', { 'if-none-match': '*' })).statusCode,
    ).toBe(304);
    const missing = await get('/api/v1/boundaries/countries/XX', { 'if-none-match': '*' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });

  it('has no write methods, even for an administrator', async () => {
    const admin = await createPrincipalHeaders(app, database, { role: 'admin' });
    const before = await database.db
      .selectFrom('countries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [method, url] of [
      ['POST', '/api/v1/boundaries/countries'],
      ['PUT', '/api/v1/boundaries/countries/GT'],
      ['PATCH', '/api/v1/boundaries/departments/GT-PE'],
      ['DELETE', '/api/v1/boundaries/countries/GT'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect([404, 405], `${method} ${url}`).toContain(response.statusCode);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const after = await database.db
      .selectFrom('countries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
