// The /tiles and OGC API Tiles surface: listing, TileJSON, access per layer (composites take the
// strictest), bad and out-of-range requests, empty tiles, caching headers.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { TILES_CONFORMANCE_CLASSES } from '../../src/routes/tiles/tile-matrix-set';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { getTile } from './support';

interface TileJsonBody {
  tilejson: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: number[];
  center: number[];
  vector_layers: { id: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[];
}

describe.each(testEngines())('tiles over HTTP on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst', via: 'session' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('lists the tilesets with their TileJSON and tile URLs', async () => {
    const response = await get('/tiles');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ tilesets: { id: string; access: string; tilejson: string }[] }>();
    expect(body.tilesets.map((t) => t.id)).toEqual([
      'sites',
      'programs',
      'corridors',
      'communities',
      'incidents',
      'countries',
      'departments',
    ]);
    expect(body.tilesets.find((t) => t.id === 'incidents')?.access).toBe('read');
    expect(body.tilesets[0]?.tilejson).toBe('http://localhost:80/tiles/sites.json');
  });

  it('describes a composite tileset in TileJSON 3.0, keeping the filters in the template', async () => {
    const response = await get('/tiles/sites,corridors.json?mode=land&country=GT', analyst);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    const body = response.json<TileJsonBody>();
    expect(body.tilejson).toBe('3.0.0');
    expect(body.tiles).toEqual([
      'http://localhost:80/tiles/sites,corridors/{z}/{x}/{y}.mvt?country=GT&mode=land',
    ]);
    expect([body.minzoom, body.maxzoom]).toEqual([0, 16]);
    expect(body.vector_layers.map((layer) => layer.id)).toEqual(['sites', 'corridors']);
    const sites = body.vector_layers[0]!;
    expect(Object.keys(sites.fields)).toEqual(
      expect.arrayContaining([
        'id',
        'programId',
        'programCode',
        'line',
        'status',
        'count',
        'cluster',
      ]),
    );
    expect(Object.keys(body.vector_layers[1]!.fields)).not.toContain('count');
    const [west, south, east, north] = body.bounds;
    expect(west).toBeGreaterThan(-125);
    expect(east).toBeLessThan(-60);
    expect(south).toBeGreaterThan(0);
    expect(north).toBeLessThan(40);

    const again = await get('/tiles/sites,corridors.json?mode=land&country=GT', {
      ...analyst,
      'if-none-match': String(response.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves public layers to anyone and signed-in layers only with a session or key', async () => {
    const publicTile = await get('/tiles/sites,countries/4/4/7.mvt');
    expect(publicTile.statusCode).toBe(200);
    expect(publicTile.headers['cache-control']).toBe('public, no-cache');
    for (const url of [
      '/tiles/corridors/4/4/7.mvt',
      '/tiles/sites,incidents/4/4/7.mvt',
      '/tiles/communities.json',
      '/ogc/collections/incidents/tiles/WebMercatorQuad/4/7/4',
    ]) {
      const anonymous = await get(url);
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await get(url, analyst)).statusCode, url).toBe(200);
    }
    const key = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    const withKey = await get('/tiles/incidents/4/4/7.mvt', key);
    expect(withKey.statusCode).toBe(200);
    expect(withKey.headers['cache-control']).toBe('private, no-cache');
    expect(withKey.headers.vary).toMatch(/Authorization/);
  });

  it('refuses bad tile coordinates (400) and tiles outside the grid (404), with a reason', async () => {
    for (const url of [
      '/tiles/sites/a/0/0.mvt',
      '/tiles/sites/1/0/0.5.mvt',
      '/tiles/sites/1/-1/0.mvt',
      '/tiles/sites/1/0/01.mvt',
      '/tiles/sites/1/0/12345678901.mvt',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const outside = await get('/tiles/sites/2/4/0.mvt');
    expect(outside.statusCode).toBe(404);
    expect(outside.json<{ detail: string }>().detail).toMatch(/column 4 is outside zoom 2/);
    const tooDeep = await get('/tiles/sites/17/0/0.mvt');
    expect(tooDeep.statusCode).toBe(404);
    expect(tooDeep.json<{ detail: string }>().detail).toMatch(/zoom 17/);
  });

  it('refuses unknown tilesets, unknown or misplaced filters and bad values', async () => {
    const cases: [string, number, RegExp][] = [
      ['/tiles/roads/1/0/0.mvt', 404, /no such tileset layer 'roads'/],
      ['/tiles/sites,roads.json', 404, /'roads'/],
      ['/tiles/sites,sites/1/0/0.mvt', 400, /twice/],
      ['/tiles/sites/1/0/0.mvt?colour=red', 400, /colour|additional/i],
      ['/tiles/sites/1/0/0.mvt?country=XX', 400, /country/],
      ['/tiles/sites/1/0/0.mvt?kind=seizure', 400, /'kind' does not apply to tileset 'sites'/],
      ['/tiles/incidents/1/0/0.mvt?from=2012-01-01&to=2011-01-01', 400, /after/],
      ['/tiles/incidents/1/0/0.mvt?from=2011-02-30', 400, /from/],
      ['/tiles/sites/1/0/0.mvt?fyFrom=2013&fyTo=2010', 400, /fyFrom/],
      ['/tiles/sites/1/0/0.mvt?goal=9', 400, /goal/],
    ];
    for (const [url, status, reason] of cases) {
      const response = await get(url, analyst);
      expect(response.statusCode, url).toBe(status);
      expect(response.body, url).toMatch(reason);
    }
  });

  it('answers 204 for a tile that no feature touches', async () => {
    const empty = await getTile(app, '/tiles/sites,countries/4/0/0.mvt');
    expect(empty.status).toBe(204);
    expect(empty.etag).toMatch(/^"/);
  });

  describe('OGC API Tiles', () => {
    it('declares the Tiles conformance classes that these tests prove', async () => {
      const response = await get('/ogc/conformance');
      expect(response.statusCode).toBe(200);
      expect(response.json<{ conformsTo: string[] }>().conformsTo).toEqual(
        expect.arrayContaining([...TILES_CONFORMANCE_CLASSES]),
      );
    });

    it('describes WebMercatorQuad', async () => {
      const list = await get('/ogc/tileMatrixSets');
      expect(
        list.json<{ tileMatrixSets: { id: string }[] }>().tileMatrixSets.map((t) => t.id),
      ).toEqual(['WebMercatorQuad']);
      const tms = await get('/ogc/tileMatrixSets/WebMercatorQuad');
      const body = tms.json<{
        crs: string;
        tileMatrices: { id: string; matrixWidth: number; scaleDenominator: number }[];
      }>();
      expect(body.crs).toBe('http://www.opengis.net/def/crs/EPSG/0/3857');
      expect(body.tileMatrices).toHaveLength(17);
      expect(body.tileMatrices[3]).toMatchObject({ id: '3', matrixWidth: 8 });
      expect(body.tileMatrices[0]!.scaleDenominator).toBeCloseTo(559082264.0287178, 3);
      expect((await get('/ogc/tileMatrixSets/WorldCRS84Quad')).statusCode).toBe(404);
    });

    it("lists a collection's tilesets and describes one", async () => {
      const list = await get('/ogc/collections/sites/tiles');
      expect(list.statusCode).toBe(200);
      const tilesets = list.json<{
        tilesets: { dataType: string; links: { rel: string; href: string }[] }[];
      }>().tilesets;
      expect(tilesets).toHaveLength(1);
      expect(tilesets[0]!.dataType).toBe('vector');
      expect(tilesets[0]!.links.map((l) => l.rel)).toContain(
        'http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme',
      );
      const tileset = await get('/ogc/collections/sites/tiles/WebMercatorQuad?line=capacity');
      const body = tileset.json<{ links: { rel: string; href: string; templated?: boolean }[] }>();
      const item = body.links.find((l) => l.rel === 'item');
      expect(item?.href).toBe(
        'http://localhost:80/ogc/collections/sites/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?line=capacity',
      );
      expect((await get('/ogc/collections/sites,corridors/tiles')).statusCode).toBe(404);
      expect((await get('/ogc/collections/nowhere/tiles')).statusCode).toBe(404);
    });

    it('serves the same tile as /tiles, row and column in OGC order', async () => {
      const ogc = await get('/ogc/collections/sites/tiles/WebMercatorQuad/4/7/4?status=active');
      const xyz = await get('/tiles/sites/4/4/7.mvt?status=active');
      expect(ogc.statusCode).toBe(200);
      expect(ogc.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
      expect(Buffer.compare(ogc.rawPayload, xyz.rawPayload)).toBe(0);
      expect(ogc.headers.etag).toBe(xyz.headers.etag);
      expect((await get('/ogc/collections/sites/tiles/WebMercatorQuad/2/0/4')).statusCode).toBe(
        404,
      );
    });
  });
});
