// OGC API Features Part 4 on both engines: create, replace, update and delete features through
// the REST record stores: If-Match (428 / 412), the country scope (403), audit events, and
// deleted features vanishing from the items.
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../src/app';
import { buildTestApp } from '../helpers';
import { createPrincipal, createPrincipalHeaders, type TestPrincipal } from '../support/auth';
import { getTile, represented } from '../tiles/support';
import { getItems, itemsUrl } from './support';

const ITEMS = '/ogc/collections/incidents/items';
const GEOJSON = { 'content-type': 'application/geo+json' };

function incidentFeature(overrides: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-90.51, 14.62] },
    properties: {
      kind: 'seizure',
      occurredOn: '2012-05-01',
      country: 'GT',
      threat: 'narcotics',
      quantity: 120,
      unit: 'kg',
      source: 'OGC API test',
      ...overrides,
    },
  };
}

describe.each(testEngines())('OGC API Features Part 4 on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let coordinator: TestPrincipal;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    app = await buildTestApp(adb);
    coordinator = await createPrincipal(app, adb, { role: 'coordinator' });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  async function create(headers: Record<string, string>, feature: unknown) {
    return app.inject({
      method: 'POST',
      url: ITEMS,
      headers: { ...headers, ...GEOJSON },
      payload: JSON.stringify(feature),
    });
  }

  async function auditActions(id: string) {
    const rows = await adb.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'version'])
      .where('entityId', '=', id)
      .orderBy('at')
      .orderBy('version')
      .execute();
    return rows;
  }

  it('creates a feature: 201, Location, ETag, the stored feature and an audit event', async () => {
    const response = await create(coordinator.headers, incidentFeature());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const feature = response.json<{ id: string; properties: Record<string, unknown> }>();
    expect(response.headers.location).toMatch(new RegExp(`${ITEMS}/${feature.id}$`));
    expect(feature.properties).toMatchObject({ kind: 'seizure', quantity: 120, version: 1 });
    const fetched = await app.inject({
      method: 'GET',
      url: `${ITEMS}/${feature.id}`,
      headers: coordinator.headers,
    });
    expect(fetched.statusCode).toBe(200);
    expect(await auditActions(feature.id)).toEqual([
      { action: 'create', actorId: coordinator.id, version: 1 },
    ]);
  });

  it('refuses bad features with 400 and writes nothing', async () => {
    const before = await getItems(app, itemsUrl('incidents', { limit: '1' }), coordinator.headers);
    for (const feature of [
      incidentFeature({ kind: 'picnic' }),
      { ...incidentFeature(), geometry: { type: 'Point', coordinates: [200, 14] } },
      { ...incidentFeature(), id: 'mine' },
      { type: 'Feature', properties: {} },
    ]) {
      const response = await create(coordinator.headers, feature);
      expect(response.statusCode, JSON.stringify(feature)).toBe(400);
    }
    const after = await getItems(app, itemsUrl('incidents', { limit: '1' }), coordinator.headers);
    expect(after.numberMatched).toBe(before.numberMatched);
  });

  it('updates and replaces with If-Match: 428 without, 412 when stale', async () => {
    const created = (await create(coordinator.headers, incidentFeature())).json<{ id: string }>();
    const url = `${ITEMS}/${created.id}`;
    const patch = { properties: { quantity: 80 } };
    const patchWith = (headers: Record<string, string>) =>
      app.inject({
        method: 'PATCH',
        url,
        headers: {
          ...coordinator.headers,
          'content-type': 'application/merge-patch+json',
          ...headers,
        },
        payload: JSON.stringify(patch),
      });
    expect((await patchWith({})).statusCode).toBe(428);
    expect((await patchWith({ 'if-match': '"7"' })).statusCode).toBe(412);
    const patched = await patchWith({ 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json<{ properties: { quantity: number } }>().properties.quantity).toBe(80);

    const replaced = await app.inject({
      method: 'PUT',
      url,
      headers: { ...coordinator.headers, ...GEOJSON, 'if-match': '"2"' },
      payload: JSON.stringify(
        incidentFeature({ kind: 'arrest', quantity: null, unit: null, threat: 'gangs' }),
      ),
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.headers.etag).toBe('"3"');
    expect(replaced.json<{ properties: Record<string, unknown> }>().properties).toMatchObject({
      kind: 'arrest',
      quantity: null,
      version: 3,
    });
    const stale = await app.inject({
      method: 'PUT',
      url,
      headers: { ...coordinator.headers, ...GEOJSON, 'if-match': '"2"' },
      payload: JSON.stringify(incidentFeature()),
    });
    expect(stale.statusCode).toBe(412);
    expect((await auditActions(created.id)).map((event) => event.action)).toEqual([
      'create',
      'update',
      'update',
    ]);
  });

  it('keeps coordinators to their countries and analysts to reading', async () => {
    const created = (await create(coordinator.headers, incidentFeature())).json<{ id: string }>();
    const belize = await createPrincipalHeaders(app, adb, {
      role: 'coordinator',
      countries: ['BZ'],
    });
    const outOfScope = await app.inject({
      method: 'PATCH',
      url: `${ITEMS}/${created.id}`,
      headers: { ...belize, 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
      payload: JSON.stringify({ properties: { quantity: 1 } }),
    });
    expect(outOfScope.statusCode).toBe(403);
    expect((await create(belize, incidentFeature())).statusCode).toBe(403);
    const analyst = await createPrincipalHeaders(app, adb, { role: 'analyst' });
    expect((await create(analyst, incidentFeature())).statusCode).toBe(403);
    expect((await create({}, incidentFeature())).statusCode).toBe(401);
    const session = await createPrincipal(app, adb, { role: 'coordinator', via: 'session' });
    const withoutCsrf = await create({ cookie: session.cookie! }, incidentFeature());
    expect(withoutCsrf.statusCode).toBe(403);
    expect((await create(session.headers, incidentFeature())).statusCode).toBe(201);
    expect(await auditActions(created.id)).toHaveLength(1);
  });

  it('deletes with If-Match; the feature vanishes from items and its id answers 404', async () => {
    const created = (
      await create(coordinator.headers, incidentFeature({ source: 'to delete' }))
    ).json<{ id: string }>();
    const url = `${ITEMS}/${created.id}`;
    expect(
      (await app.inject({ method: 'DELETE', url, headers: coordinator.headers })).statusCode,
    ).toBe(428);
    const deleted = await app.inject({
      method: 'DELETE',
      url,
      headers: { ...coordinator.headers, 'if-match': '"1"' },
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url, headers: coordinator.headers })).statusCode,
    ).toBe(404);
    const listed = await getItems(
      app,
      itemsUrl('incidents', { filter: "source = 'to delete'" }),
      coordinator.headers,
    );
    expect(listed.numberMatched).toBe(0);
    expect((await auditActions(created.id)).map((event) => event.action)).toEqual([
      'create',
      'delete',
    ]);
    const again = await app.inject({
      method: 'DELETE',
      url,
      headers: { ...coordinator.headers, 'if-match': '"2"' },
    });
    expect(again.statusCode).toBe(404);
  });

  it('changes item lists and tiles after an OGC write: new ETag, new data', async () => {
    const list = itemsUrl('incidents', { limit: '1' });
    const tile = '/tiles/incidents/4/3/7.mvt'; // holds the new incident (-90.51, 14.62)
    const headers = coordinator.headers;
    const listed = await getItems(app, list, headers);
    const listEtag = (await app.inject({ method: 'GET', url: list, headers })).headers.etag;
    const tiled = await getTile(app, tile, headers);
    expect((await create(headers, incidentFeature())).statusCode).toBe(201);
    for (const [url, etag] of [
      [list, listEtag],
      [tile, tiled.etag],
    ] as const) {
      const after = await app.inject({
        method: 'GET',
        url,
        headers: { ...headers, 'if-none-match': String(etag) },
      });
      expect(after.statusCode, url).toBe(200);
    }
    expect((await getItems(app, list, headers)).numberMatched).toBe(listed.numberMatched + 1);
    const after = await getTile(app, tile, headers);
    expect(after.etag).not.toBe(tiled.etag);
    expect(represented(after.tile.incidents)).toBe(represented(tiled.tile.incidents) + 1);
  });

  it('edits corridors and sites the same way, and keeps programs and boundaries read-only', async () => {
    const corridor = await app.inject({
      method: 'POST',
      url: '/ogc/collections/corridors/items',
      headers: { ...coordinator.headers, ...GEOJSON },
      payload: JSON.stringify({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [-90.5, 14.6],
            [-89.5, 15.2],
          ],
        },
        properties: {
          name: 'OGC test corridor',
          mode: 'land',
          threats: ['narcotics'],
          confidence: 'low',
          source: 'test',
          validFrom: '2011-01-01',
        },
      }),
    });
    expect(corridor.statusCode, corridor.body).toBe(201);
    const site = (await getItems(app, itemsUrl('sites', { limit: '1' }))).features[0]!;
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/ogc/collections/sites/items/${site.id}`,
      headers: {
        ...coordinator.headers,
        'content-type': 'application/merge-patch+json',
        'if-match': `"${String(site.properties.version)}"`,
      },
      payload: JSON.stringify({
        properties: { name: 'Renamed through OGC', country: 'ignored: derived' },
      }),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<{ properties: { name: string } }>().properties.name).toBe(
      'Renamed through OGC',
    );
    for (const url of ['/ogc/collections/programs/items', '/ogc/collections/countries/items']) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { ...coordinator.headers, ...GEOJSON },
        payload: JSON.stringify(incidentFeature()),
      });
      expect(response.statusCode, url).toBe(404);
    }
  });
});
