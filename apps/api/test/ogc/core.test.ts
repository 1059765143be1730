// OGC API Features Part 1 (core, GeoJSON) and the queryables of Part 3, over HTTP on both
// engines: landing page, conformance, collections, items with paging, bbox, datetime,
// properties, skipGeometry, sortby, the registry's filters, ETags and access.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { CONFORMANCE_CLASSES } from '../../src/routes/ogc/conformance';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { sqlCount } from '../support/layers';
import { getItems, itemsUrl, walkNext } from './support';

const COLLECTIONS = [
  'sites',
  'programs',
  'corridors',
  'communities',
  'incidents',
  'countries',
  'departments',
];
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

describe.each(testEngines())('OGC API Features core on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let analyst: Record<string, string>;
  let deletedIncident: string;
  let deletedSite: string;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    const incident = await sql<{ id: string }>`UPDATE incidents SET deleted_at = now()
      WHERE id = (SELECT id FROM incidents ORDER BY id LIMIT 1) RETURNING id`.execute(adb.db);
    deletedIncident = incident.rows[0]!.id;
    const site = await sql<{ id: string }>`UPDATE sites SET deleted_at = now()
      WHERE id = (SELECT id FROM sites ORDER BY id LIMIT 1) RETURNING id`.execute(adb.db);
    deletedSite = site.rows[0]!.id;
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  it('answers the landing page with service-desc, conformance and data links', async () => {
    const response = await app.inject({ method: 'GET', url: '/ogc' });
    expect(response.statusCode).toBe(200);
    const rels = response.json<{ links: { rel: string; href: string }[] }>().links;
    for (const rel of ['self', 'service-desc', 'conformance', 'data']) {
      expect(rels.map((link) => link.rel)).toContain(rel);
    }
    const serviceDesc = rels.find((link) => link.rel === 'service-desc')!;
    const description = await app.inject({
      method: 'GET',
      url: new URL(serviceDesc.href).pathname,
    });
    expect(description.statusCode).toBe(200);
    expect(description.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty(
      '/ogc/collections/incidents/items',
    );
  });

  it('declares its conformance classes', async () => {
    const response = await app.inject({ method: 'GET', url: '/ogc/conformance' });
    const { conformsTo } = response.json<{ conformsTo: string[] }>();
    expect(conformsTo).toEqual(expect.arrayContaining(CONFORMANCE_CLASSES));
    expect(conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(conformsTo).toContain('http://www.opengis.net/spec/cql2/1.0/conf/cql2-json');
  });

  it('lists every collection to a signed-in caller, the public ones to anyone', async () => {
    const signedIn = await app.inject({ method: 'GET', url: '/ogc/collections', headers: analyst });
    const ids = signedIn.json<{ collections: { id: string }[] }>().collections.map((c) => c.id);
    expect(ids).toEqual(COLLECTIONS);
    const anonymous = await app.inject({ method: 'GET', url: '/ogc/collections' });
    const publicIds = anonymous
      .json<{ collections: { id: string }[] }>()
      .collections.map((c) => c.id);
    expect(publicIds).toEqual(['sites', 'programs', 'countries', 'departments']);
  });

  it('describes a collection with its extent, crs, storageCrs and links', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/ogc/collections/incidents',
      headers: analyst,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      id: string;
      crs: string[];
      storageCrs: string;
      extent: { spatial: { bbox: number[][] }; temporal: { interval: string[][] } };
      links: { rel: string }[];
    }>();
    expect(body.crs).toEqual([CRS84]);
    expect(body.storageCrs).toBe(CRS84);
    const extent = await sql<{
      minx: number | string;
      maxx: number | string;
      start: string;
      end: string;
    }>`
      SELECT ST_XMin(ST_Extent(geom)) AS minx, ST_XMax(ST_Extent(geom)) AS maxx,
        min(occurred_on)::text AS start, max(occurred_on)::text AS end
      FROM incidents WHERE deleted_at IS NULL`.execute(adb.db);
    const row = extent.rows[0]!;
    expect(body.extent.spatial.bbox[0]![0]).toBeCloseTo(Number(row.minx), 6);
    expect(body.extent.spatial.bbox[0]![2]).toBeCloseTo(Number(row.maxx), 6);
    expect(body.extent.temporal.interval[0]).toEqual([
      `${row.start}T00:00:00Z`,
      `${row.end}T00:00:00Z`,
    ]);
    expect(body.links.map((link) => link.rel)).toEqual(
      expect.arrayContaining([
        'self',
        'items',
        'http://www.opengis.net/def/rel/ogc/1.0/queryables',
      ]),
    );
  });

  it('publishes the queryables as JSON Schema', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/ogc/collections/corridors/queryables',
      headers: analyst,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
    const schema = response.json<{
      $schema: string;
      type: string;
      properties: Record<string, { type?: unknown; format?: string; items?: unknown }>;
    }>();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.properties.geometry?.format).toBe('geometry-any');
    expect(schema.properties.validFrom).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties.threats).toMatchObject({ type: 'array' });
  });

  it('pages through a whole collection with next links, each feature exactly once', async () => {
    const live = await sqlCount(adb, sql`incidents WHERE deleted_at IS NULL`);
    const walked = await walkNext(app, itemsUrl('incidents', { limit: '700' }), analyst);
    expect(walked.numberMatched).toBe(live);
    expect(walked.ids).toHaveLength(live);
    expect(new Set(walked.ids).size).toBe(live);
    expect(walked.pages).toBe(Math.ceil(live / 700));
    expect(walked.ids).not.toContain(deletedIncident);
    const all = await getItems(app, itemsUrl('incidents', { limit: '10000' }), analyst);
    expect(new Set(all.features.map((feature) => feature.id))).toEqual(new Set(walked.ids));
  });

  it('links back with prev and counts numberMatched / numberReturned', async () => {
    const body = await getItems(app, itemsUrl('sites', { limit: '10', offset: '20' }));
    expect(body.numberReturned).toBe(10);
    const prev = body.links.find((link) => link.rel === 'prev');
    expect(new URL(prev!.href).searchParams.get('offset')).toBe('10');
    const live = await sqlCount(
      adb,
      sql`sites s JOIN programs p ON p.id = s.program_id
        WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL`,
    );
    expect(body.numberMatched).toBe(live);
  });

  it('defaults to 100 features and refuses a limit over 10,000', async () => {
    const body = await getItems(app, itemsUrl('incidents'), analyst);
    expect(body.numberReturned).toBe(100);
    const tooMany = await app.inject({
      method: 'GET',
      url: itemsUrl('incidents', { limit: '10001' }),
      headers: analyst,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers['content-type']).toMatch(/problem\+json/);
  });

  it('never answers soft-deleted records, in lists or by id', async () => {
    const site = await app.inject({
      method: 'GET',
      url: `/ogc/collections/sites/items/${deletedSite}`,
    });
    expect(site.statusCode).toBe(404);
    const incident = await app.inject({
      method: 'GET',
      url: `/ogc/collections/incidents/items/${deletedIncident}`,
      headers: analyst,
    });
    expect(incident.statusCode).toBe(404);
    const walked = await walkNext(app, itemsUrl('sites', { limit: '1000' }));
    expect(walked.ids).not.toContain(deletedSite);
  });

  it('filters by bbox like SQL, crossing the antimeridian too, and refuses bad boxes', async () => {
    const inBox = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL AND ST_Intersects(geom, ST_MakeEnvelope(-92.5, 13.5, -88, 18, 4326))`,
    );
    expect(inBox).toBeGreaterThan(0);
    const body = await getItems(
      app,
      itemsUrl('incidents', { bbox: '-92.5,13.5,-88,18', limit: '1' }),
      analyst,
    );
    expect(body.numberMatched).toBe(inBox);
    // West > east: the box wraps around the antimeridian (RFC 7946 §5.2) and holds the region.
    const wrapped = await getItems(app, itemsUrl('countries', { bbox: '170,-10,-80,40' }));
    const westOf80 = await sqlCount(
      adb,
      sql`countries WHERE ST_Intersects(geom, ST_MakeEnvelope(-180, -10, -80, 40, 4326))`,
    );
    expect(wrapped.numberMatched).toBe(westOf80);
    for (const bbox of ['1,2,3', '-92,18,-88,13', 'a,b,c,d', '-200,0,0,10']) {
      const response = await app.inject({ method: 'GET', url: itemsUrl('sites', { bbox }) });
      expect(response.statusCode, bbox).toBe(400);
    }
  });

  it('selects by datetime: instants and intervals over incident dates and program periods', async () => {
    const onDay = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL AND occurred_on = '2011-06-15'`,
    );
    const day = await getItems(
      app,
      itemsUrl('incidents', { datetime: '2011-06-15', limit: '1' }),
      analyst,
    );
    expect(day.numberMatched).toBe(onDay);
    const in2012 = await sqlCount(
      adb,
      sql`incidents WHERE deleted_at IS NULL AND occurred_on BETWEEN '2012-01-01' AND '2012-12-31'`,
    );
    expect(in2012).toBeGreaterThan(0);
    const interval = await getItems(
      app,
      itemsUrl('incidents', { datetime: '2012-01-01T00:00:00Z/2012-12-31T23:59:59Z', limit: '1' }),
      analyst,
    );
    expect(interval.numberMatched).toBe(in2012);
    const since = await getItems(
      app,
      itemsUrl('incidents', { datetime: '2013-01-01/..', limit: '1' }),
      analyst,
    );
    expect(since.numberMatched).toBe(
      await sqlCount(adb, sql`incidents WHERE deleted_at IS NULL AND occurred_on >= '2013-01-01'`),
    );
    const running = await getItems(
      app,
      itemsUrl('programs', { datetime: '2012-06-01', limit: '1' }),
    );
    const runningSql = await sqlCount(
      adb,
      sql`programs WHERE deleted_at IS NULL AND start_date <= '2012-06-01'
        AND (end_date IS NULL OR end_date >= '2012-06-01')`,
    );
    expect(runningSql).toBeGreaterThan(0);
    expect(running.numberMatched).toBe(runningSql);
    for (const datetime of ['2012-13-01', '2013-01-01/2012-01-01', '../..', 'yesterday']) {
      const response = await app.inject({
        method: 'GET',
        url: itemsUrl('incidents', { datetime }),
        headers: analyst,
      });
      expect(response.statusCode, datetime).toBe(400);
    }
  });

  it('answers only the asked properties, skips geometry and sorts by sortby', async () => {
    const body = await getItems(
      app,
      itemsUrl('communities', {
        properties: 'name,population',
        skipGeometry: 'true',
        sortby: '-population',
        limit: '20',
      }),
      analyst,
    );
    for (const feature of body.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(['name', 'population']);
      expect(feature.geometry).toBeNull();
    }
    const populations = body.features.map((feature) => Number(feature.properties.population));
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    const top = await sql<{ population: number | string }>`SELECT max(population) AS population
      FROM communities WHERE deleted_at IS NULL`.execute(adb.db);
    expect(populations[0]).toBe(Number(top.rows[0]!.population));
    for (const query of [
      { properties: 'nope' },
      { sortby: 'geometry' },
      { sortby: 'nope' },
      { unknown: '1' },
    ] as Record<string, string>[]) {
      const response = await app.inject({
        method: 'GET',
        url: itemsUrl('communities', query),
        headers: analyst,
      });
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
    }
  });

  it('applies the registry filters as query parameters, like the REST list', async () => {
    for (const [collection, query] of [
      ['incidents', 'country=GT&kind=seizure'],
      ['corridors', 'mode=land&country=GT'],
      ['communities', 'minPopulation=20000'],
      ['sites', 'line=prevention&country=HN'],
      ['programs', 'goal=2&status=active'],
    ] as const) {
      const rest = await app.inject({
        method: 'GET',
        url: `/api/v1/${collection}?${query}&limit=1`,
        headers: analyst,
      });
      expect(rest.statusCode, rest.body).toBe(200);
      const body = rest.json<{ numberMatched?: number; total?: number }>();
      const expected = body.numberMatched ?? body.total;
      const ogc = await getItems(
        app,
        `/ogc/collections/${collection}/items?${query}&limit=1`,
        analyst,
      );
      expect(ogc.numberMatched, `${collection}?${query}`).toBe(expected);
      expect(expected).toBeGreaterThan(0);
    }
  });

  it('answers one feature with its ETag, and 304 when it has not changed', async () => {
    const list = await getItems(app, itemsUrl('corridors', { limit: '1' }), analyst);
    const id = list.features[0]!.id;
    const url = `/ogc/collections/corridors/items/${id}`;
    const response = await app.inject({ method: 'GET', url, headers: analyst });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(response.headers.etag).toBe(`"${String(list.features[0]!.properties.version)}"`);
    const again = await app.inject({
      method: 'GET',
      url,
      headers: { ...analyst, 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const missing = await app.inject({ method: 'GET', url: '/ogc/collections/countries/items/ZZ' });
    expect(missing.statusCode).toBe(404);
  });

  it('gives item lists an ETag from the data version that changes after a write', async () => {
    const url = itemsUrl('communities', { limit: '5' });
    const first = await app.inject({ method: 'GET', url, headers: analyst });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const cached = await app.inject({
      method: 'GET',
      url,
      headers: { ...analyst, 'if-none-match': etag },
    });
    expect(cached.statusCode).toBe(304);
    await sql`UPDATE communities SET population = population + 1
      WHERE id = (SELECT id FROM communities ORDER BY id LIMIT 1)`.execute(adb.db);
    const after = await app.inject({
      method: 'GET',
      url,
      headers: { ...analyst, 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('applies the access rules of the registry', async () => {
    for (const collection of ['corridors', 'communities', 'incidents']) {
      for (const url of [
        `/ogc/collections/${collection}`,
        itemsUrl(collection),
        `/ogc/collections/${collection}/queryables`,
      ]) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(401);
      }
    }
    for (const collection of ['sites', 'programs', 'countries', 'departments']) {
      await getItems(app, itemsUrl(collection, { limit: '1' }));
    }
  });

  it('gives programs the geometry of their live sites', async () => {
    const program = await sql<{ id: string; sites: string }>`SELECT p.id, count(s.id) AS sites
      FROM programs p JOIN sites s ON s.program_id = p.id AND s.deleted_at IS NULL
      WHERE p.deleted_at IS NULL GROUP BY p.id ORDER BY count(s.id) DESC LIMIT 1`.execute(adb.db);
    const { id, sites } = program.rows[0]!;
    const response = await app.inject({
      method: 'GET',
      url: `/ogc/collections/programs/items/${id}`,
    });
    const geometry = response.json<{
      geometry: { type: string; coordinates?: unknown[]; geometries?: unknown[] };
    }>().geometry;
    const parts = geometry.coordinates ?? geometry.geometries ?? [];
    expect(parts).toHaveLength(Number(sites));
  });
});
