// What the tiles hold: every feature with the documented attributes, clusters that account for
// every point, lines simplified at low zooms, the filters, soft deletes, and ETags that follow
// the data version (304 until a write, then the new data).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipalHeaders } from '../support/auth';
import { countInTile, getTile, represented, tileOf } from './support';

interface SiteRow {
  id: string;
  programId: string;
  programCode: string;
  name: string;
  line: string;
  status: string;
  precision: number;
  country: string | null;
  lon: number;
  lat: number;
}

/** Central America at zoom 4 (Guatemala, Honduras, El Salvador, Nicaragua …). */
const REGION_Z4 = tileOf(-87, 14, 4);

describe.each(testEngines())('tile content on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let analyst: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    admin = await createPrincipalHeaders(app, adb, { role: 'admin' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  async function pointSites(): Promise<SiteRow[]> {
    const result = await sql<SiteRow>`
      SELECT s.id, p.id AS "programId", p.code AS "programCode", s.name, p.line, p.status,
        s.precision, s.country, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
      FROM sites s JOIN programs p ON p.id = s.program_id
      WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND GeometryType(s.geom) = 'POINT'
      ORDER BY s.id
    `.execute(adb.db);
    return result.rows;
  }

  it('gives a site at zoom 16 with exactly the documented attributes', async () => {
    const [site] = await pointSites();
    if (!site) throw new Error('the sample has point sites');
    const key = tileOf(site.lon, site.lat, 16);
    const { tile } = await getTile(app, `/tiles/sites/${key.z}/${key.x}/${key.y}.mvt`);
    const feature = tile.sites?.find((f) => f.properties.id === site.id);
    expect(feature?.type).toBe(1);
    const { lon: _lon, lat: _lat, country, ...expected } = site;
    expect(feature?.properties).toEqual({ ...expected, ...(country ? { country } : {}) });
    expect(feature?.id).toBeUndefined(); // uuid ids stay properties
    // The point is where the site is: inside the tile, not in its buffer.
    const [minX, minY, maxX, maxY] = feature!.bbox;
    expect(minX).toBeGreaterThanOrEqual(0);
    expect(minY).toBeGreaterThanOrEqual(0);
    expect(maxX).toBeLessThanOrEqual(4096);
    expect(maxY).toBeLessThanOrEqual(4096);
  });

  it('clusters points at low zooms, and the clusters account for every point', async () => {
    const { z, x, y } = REGION_Z4;
    const { tile: sites } = await getTile(app, `/tiles/sites/${z}/${x}/${y}.mvt`);
    expect(represented(sites.sites)).toBe(await countInTile(adb, 'sites', REGION_Z4));
    const clusters = sites.sites!.filter((f) => f.properties.cluster === true);
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      expect(cluster.type).toBe(1);
      expect(Number(cluster.properties.count)).toBeGreaterThan(1);
      expect(cluster.properties.id).toBeUndefined();
    }

    const { tile: incidents } = await getTile(app, `/tiles/incidents/${z}/${x}/${y}.mvt`, analyst);
    const inTile = await countInTile(adb, 'incidents', REGION_Z4);
    expect(inTile).toBeGreaterThan(1000);
    expect(represented(incidents.incidents)).toBe(inTile);
    expect(incidents.incidents!.length).toBeLessThan(inTile / 4);

    const { tile: communities } = await getTile(
      app,
      `/tiles/communities/${z}/${x}/${y}.mvt`,
      analyst,
    );
    expect(represented(communities.communities)).toBe(
      await countInTile(adb, 'communities', REGION_Z4),
    );
  });

  it('gives every point its own feature above the clustering zooms', async () => {
    const [site] = await pointSites();
    const key = tileOf(site!.lon, site!.lat, 14);
    const { tile } = await getTile(app, `/tiles/sites/${key.z}/${key.x}/${key.y}.mvt`);
    expect(tile.sites!.every((f) => f.properties.cluster === undefined)).toBe(true);
    expect(tile.sites!.map((f) => f.properties.id)).toContain(site!.id);
  });

  it('simplifies lines at low zooms', async () => {
    const stored = await sql<{ n: string | number }>`
      SELECT sum(ST_NPoints(geom)) AS n FROM corridors WHERE deleted_at IS NULL`.execute(adb.db);
    const { tile } = await getTile(app, '/tiles/corridors/2/0/1.mvt', analyst);
    const drawn = tile.corridors!.reduce((sum, f) => sum + f.vertices, 0);
    expect(tile.corridors!.length).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(Number(stored.rows[0]?.n) * 0.8);
    for (const corridor of tile.corridors!) {
      expect(corridor.type).toBe(2);
      expect(Object.keys(corridor.properties).sort()).toEqual(
        ['confidence', 'id', 'mode', 'name', 'threats'].sort(),
      );
      expect(String(corridor.properties.threats)).toMatch(/^[a-z_]+(,[a-z_]+)*$/);
    }
  });

  it('applies the registry filters', async () => {
    const { z, x, y } = REGION_Z4;
    const url = `/tiles/sites/${z}/${x}/${y}.mvt?line=prevention&country=GT`;
    const { tile } = await getTile(app, url);
    const where = sql`t.country = 'GT' AND EXISTS (SELECT 1 FROM programs p
      WHERE p.id = t.program_id AND p.deleted_at IS NULL AND p.line = 'prevention')`;
    const expected = await countInTile(adb, 'sites', REGION_Z4, where);
    expect(expected).toBeGreaterThan(0);
    expect(represented(tile.sites)).toBe(expected);
    for (const f of tile.sites!.filter((feature) => !feature.properties.cluster)) {
      expect(f.properties).toMatchObject({ line: 'prevention', country: 'GT' });
    }

    const incidentsUrl = `/tiles/incidents/${z}/${x}/${y}.mvt?kind=seizure&from=2011-01-01&to=2011-12-31`;
    const { tile: incidents } = await getTile(app, incidentsUrl, analyst);
    const incidentWhere = sql`t.kind = 'seizure' AND t.occurred_on BETWEEN '2011-01-01' AND '2011-12-31'`;
    expect(represented(incidents.incidents)).toBe(
      await countInTile(adb, 'incidents', REGION_Z4, incidentWhere),
    );
    for (const f of incidents.incidents!.filter((feature) => !feature.properties.cluster)) {
      expect(f.properties.kind).toBe('seizure');
      expect(String(f.properties.date)).toMatch(/^2011-\d{2}-\d{2}$/);
    }

    const { tile: composite } = await getTile(
      app,
      `/tiles/countries,corridors/3/1/3.mvt?country=HN&mode=land`,
      analyst,
    );
    expect(composite.countries!.map((f) => f.properties)).toEqual([
      { code: 'HN', name: 'Honduras' },
    ]);
    expect(composite.corridors!.every((f) => f.properties.mode === 'land')).toBe(true);
  });

  it('applies the goal, status, agency and fiscal-year filters to sites and programs', async () => {
    const programWhere = sql`p.deleted_at IS NULL AND p.status = 'active' AND 2 = ANY(p.goals)
      AND p.agency = 'INL' AND EXISTS (SELECT 1 FROM program_funding f
        WHERE f.program_id = p.id AND f.fiscal_year BETWEEN 2011 AND 2012)`;
    const query = 'goal=2&status=active&agency=INL&fyFrom=2011&fyTo=2012';
    const { z, x, y } = REGION_Z4;
    const { tile } = await getTile(app, `/tiles/sites/${z}/${x}/${y}.mvt?${query}`);
    const expected = await countInTile(
      adb,
      'sites',
      REGION_Z4,
      sql`EXISTS (SELECT 1 FROM programs p WHERE p.id = t.program_id AND ${programWhere})`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(await countInTile(adb, 'sites', REGION_Z4));
    expect(represented(tile.sites)).toBe(expected);
    // Programs at zoom 0: one feature per matching program with a live site.
    const programs = await sql<{ id: string }>`SELECT p.id FROM programs p WHERE ${programWhere}
      AND EXISTS (SELECT 1 FROM sites s WHERE s.program_id = p.id AND s.deleted_at IS NULL)
      ORDER BY p.id`.execute(adb.db);
    const { tile: world } = await getTile(app, `/tiles/programs/0/0/0.mvt?${query}`);
    const ids = (world.programs ?? []).map((f) => String(f.properties.id)).sort();
    expect(ids).toEqual(programs.rows.map((row) => row.id));
    for (const f of world.programs!) expect(f.properties).toMatchObject({ status: 'active' });
  });

  it('serves 304 until a write, then the new data under a new ETag', async () => {
    const [site] = await pointSites();
    const key = tileOf(site!.lon, site!.lat, 16);
    const url = `/tiles/sites/${key.z}/${key.x}/${key.y}.mvt`;
    const first = await getTile(app, url);
    expect(first.etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': first.etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('public, no-cache');

    // A write elsewhere in the layer (same data version) also invalidates: rename the site.
    const record = await app.inject({ method: 'GET', url: `/api/v1/sites/${site!.id}` });
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site!.id}`,
      headers: {
        ...admin,
        'if-match': String(record.headers.etag),
        'content-type': 'application/json',
      },
      payload: { name: 'Renamed for the tile test' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const afterRename = await app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': first.etag },
    });
    expect(afterRename.statusCode).toBe(200);
    const second = await getTile(app, url);
    expect(second.etag).not.toBe(first.etag);
    const feature = second.tile.sites!.find((f) => f.properties.id === site!.id);
    expect(feature?.properties.name).toBe('Renamed for the tile test');

    // Soft-deleted: gone from every zoom.
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site!.id}`,
      headers: { ...admin, 'if-match': String(renamed.headers.etag) },
    });
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    const third = await getTile(app, url);
    expect(third.etag).not.toBe(second.etag);
    expect((third.tile.sites ?? []).map((f) => f.properties.id)).not.toContain(site!.id);
    const { z, x, y } = REGION_Z4;
    const { tile: low } = await getTile(app, `/tiles/sites/${z}/${x}/${y}.mvt`);
    expect(represented(low.sites)).toBe(await countInTile(adb, 'sites', REGION_Z4));
  });

  it('changes the ETag of a context layer after a write to it', async () => {
    const corridor = await sql<{ id: string }>`
      SELECT id FROM corridors WHERE deleted_at IS NULL ORDER BY id LIMIT 1`.execute(adb.db);
    const id = corridor.rows[0]!.id;
    const url = '/tiles/corridors/2/0/1.mvt';
    const before = await getTile(app, url, analyst);
    const record = await app.inject({
      method: 'GET',
      url: `/api/v1/corridors/${id}`,
      headers: analyst,
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/corridors/${id}`,
      headers: {
        ...admin,
        'if-match': String(record.headers.etag),
        'content-type': 'application/json',
      },
      payload: { name: 'Corridor renamed for the tile test' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await getTile(app, url, analyst);
    expect(after.etag).not.toBe(before.etag);
    expect(after.tile.corridors!.map((f) => f.properties.name)).toContain(
      'Corridor renamed for the tile test',
    );
    // Other layers keep their ETag: their data did not change.
    const sites = await getTile(app, '/tiles/sites/2/0/1.mvt');
    const sitesAgain = await getTile(app, '/tiles/sites/2/0/1.mvt');
    expect(sitesAgain.etag).toBe(sites.etag);
  });
});
