import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildTestApp } from './helpers';

type SiteCollection = FeatureCollection & {
  numberMatched: number;
  numberReturned: number;
  links: { next?: string; prev?: string };
};

/** Roughly Guatemala and Belize: some, not all, of the region's sites. */
const NORTH = [-92.3, 13.7, -87.5, 18.5] as const;

function positionsOf(feature: Feature): Position[] {
  const geometry = feature.geometry;
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`unexpected site geometry ${geometry.type}`);
  }
}

describe.each(testEngines())('GET /api/v1/sites on %s', (engine) => {
  let database: AtlasDatabase;
  let app: AtlasApp;

  const get = async (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    database = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(database);
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('returns the sites as a GeoJSON FeatureCollection with valid geometry', async () => {
    const response = await get('/api/v1/sites');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = response.json<SiteCollection>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThanOrEqual(200);
    expect(collection.numberReturned).toBe(collection.features.length);
    expect(collection.numberMatched).toBeGreaterThanOrEqual(collection.numberReturned);
    for (const feature of collection.features) {
      expect(['Point', 'Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      for (const [lon, lat] of positionsOf(feature)) {
        expect(lon).toBeGreaterThanOrEqual(-180);
        expect(lon).toBeLessThanOrEqual(180);
        expect(lat).toBeGreaterThanOrEqual(-90);
        expect(lat).toBeLessThanOrEqual(90);
      }
      expect(Object.keys(feature.properties ?? {}).sort()).toEqual([
        'country',
        'department',
        'id',
        'line',
        'name',
        'precision',
        'programId',
        'programTitle',
        'status',
        'version',
      ]);
    }
  });

  it('narrows to a bbox, matching a count made directly in SQL', async () => {
    const all = (await get('/api/v1/sites')).json<SiteCollection>();
    const inBox = (await get(`/api/v1/sites?bbox=${NORTH.join(',')}`)).json<SiteCollection>();
    expect(inBox.numberMatched).toBeGreaterThan(0);
    expect(inBox.numberMatched).toBeLessThan(all.numberMatched);

    const [minLon, minLat, maxLon, maxLat] = NORTH;
    const counted = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM sites s JOIN programs p ON p.id = s.program_id
      WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
        AND ST_Intersects(s.geom, ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326))
    `.execute(database.db);
    expect(inBox.numberMatched).toBe(counted.rows[0]?.count);

    for (const feature of inBox.features.filter((f) => f.geometry.type === 'Point')) {
      const [lon, lat] = positionsOf(feature)[0]!;
      expect(lon).toBeGreaterThanOrEqual(minLon);
      expect(lon).toBeLessThanOrEqual(maxLon);
      expect(lat).toBeGreaterThanOrEqual(minLat);
      expect(lat).toBeLessThanOrEqual(maxLat);
    }
  });

  it('filters by country, precision, program line and status', async () => {
    const all = (await get('/api/v1/sites?limit=10000')).json<SiteCollection>();
    const cases: [string, (properties: Record<string, unknown>) => boolean][] = [
      ['country=GT', (p) => p.country === 'GT'],
      ['precision=2', (p) => p.precision === 2],
      ['line=prevention', (p) => p.line === 'prevention'],
      ['status=active', (p) => p.status === 'active'],
    ];
    for (const [query, keeps] of cases) {
      const page = (await get(`/api/v1/sites?limit=10000&${query}`)).json<SiteCollection>();
      const expected = all.features.filter((f) => keeps(f.properties ?? {}));
      expect(page.numberMatched, query).toBe(expected.length);
      expect(page.numberMatched, query).toBeGreaterThan(0);
      expect(page.numberMatched, query).toBeLessThan(all.numberMatched);
      expect(page.features.map((f) => f.id)).toEqual(expected.map((f) => f.id));
    }
  });

  it('pages with limit and offset', async () => {
    const first = (await get('/api/v1/sites?limit=5')).json<SiteCollection>();
    const second = (await get('/api/v1/sites?limit=5&offset=5')).json<SiteCollection>();
    expect(first.numberReturned).toBe(5);
    expect(second.numberReturned).toBe(5);
    const firstIds = new Set(first.features.map((f) => f.id));
    expect(second.features.some((f) => firstIds.has(f.id))).toBe(false);
    expect(first.links).toEqual({ next: '/api/v1/sites?limit=5&offset=5' });
    expect(second.links).toEqual({
      next: '/api/v1/sites?limit=5&offset=10',
      prev: '/api/v1/sites?limit=5&offset=0',
    });
  });

  it.each([
    ['bbox=1,2,3', /4 numbers/],
    ['bbox=a,b,c,d', /finite numbers/],
    ['bbox=-92,95,-88,18', /latitudes/],
    ['bbox=-92,18,-88,13', /minLat/],
    ['limit=10001', /<= 10000/],
    ['colour=red', /colour/],
    ['precision=10', /precision/],
    ['country=XX', /country/],
  ])('rejects %s with 400 and a reason', async (query, reason) => {
    const response = await get(`/api/v1/sites?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(reason);
  });
});
