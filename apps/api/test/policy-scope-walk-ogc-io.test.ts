// THE SCOPE WALK, continued beyond the REST routes (policy-scope-walk.test.ts): every OGC API
// Features Part 4 write (POST/PUT/PATCH/DELETE under /ogc/collections/{id}/items) and every import
// commit (POST /api/v1/imports/{collection}?commit=true: a new record, a changed known record and
// an unchanged known record), each about a record in Guatemala. A coordinator (session or
// service key) limited to Belize gets 403 and nothing is written, audited or remembered; a
// coordinator limited to Guatemala and Honduras succeeds.
import { testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { postImport } from './io/support';
import { COLLECTIONS, footprint, guatemalan, openScopeWalk } from './policy-scope-walk-support';
import { send } from './support/records';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Headers = Record<string, string>;
interface Sent {
  statusCode: number;
  body: string;
}

const OGC_ITEMS = /^\/ogc\/collections\/([a-z]+)\/items(\/|$)/;
const GEOJSON = 'application/geo+json';

/** The changed field of a PATCH or changed import row (sites have no `source`). */
const fieldToChange = (collection: string) => (collection === 'sites' ? 'name' : 'source');

/** A GeoJSON Feature of a record's content (programs have no geometry). */
function featureOf(content: Record<string, unknown>, id?: string) {
  const { geometry, ...properties } = content;
  return { type: 'Feature', ...(id ? { id } : {}), geometry: geometry ?? null, properties };
}

describe.each(testEngines())('country scope on OGC writes and import commits on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let admin: Headers;
  let inScope: Headers;
  /** A coordinator session and a coordinator-role service key, both limited to Belize. */
  let outOfScope: [string, Headers][];
  let programId: string;

  beforeAll(async () => {
    ({ adb, app, admin, inScope, outOfScope, programId } = await openScopeWalk(engine));
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
  });

  /** A fresh Guatemalan record made by the admin through REST. */
  async function fixture(collection: string) {
    const created = await send(app, 'POST', `/api/v1/${collection}`, {
      headers: admin,
      body: guatemalan(collection, programId),
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json<Record<string, unknown> & { id: string }>();
    return { record, etag: String(created.headers.etag) };
  }

  /** Sends `request` as each out-of-scope principal (403, footprint unchanged), then in scope. */
  async function walk(name: string, request: (headers: Headers) => Promise<Sent>) {
    const mismatches: string[] = [];
    for (const [who, headers] of outOfScope) {
      const before = await footprint(adb);
      const refused = await request(headers);
      const after = await footprint(adb);
      if (refused.statusCode !== 403) {
        mismatches.push(`${name} ${who} out of scope: ${refused.statusCode} ${refused.body}`);
      }
      if (after !== before) mismatches.push(`${name} ${who} out of scope wrote: ${after}`);
    }
    const allowed = await request(inScope);
    if (allowed.statusCode < 200 || allowed.statusCode > 299) {
      mismatches.push(`${name} in scope: ${allowed.statusCode} ${allowed.body}`);
    }
    return mismatches;
  }

  it('refuses every OGC feature write outside the scope and allows it inside', async () => {
    const routes = app.policedRoutes.filter(
      (route) => route.access === 'write' && OGC_ITEMS.test(route.url),
    );
    // Four editable collections (sites, corridors, communities, incidents) × four changes.
    expect(routes.length).toBe(16);
    const mismatches: string[] = [];
    for (const route of routes) {
      const method = route.method as Method;
      const collection = OGC_ITEMS.exec(route.url)?.[1] ?? '';
      const content = () => guatemalan(collection, programId);
      let url = route.url;
      let ifMatch: Headers = {};
      if (url.includes(':featureId')) {
        const { record, etag } = await fixture(collection);
        url = url.replace(':featureId', record.id);
        ifMatch = { 'if-match': etag };
      }
      const payloads: Record<Method, [string, unknown] | undefined> = {
        POST: [GEOJSON, featureOf(content())],
        PUT: [GEOJSON, featureOf(content())],
        PATCH: [
          'application/merge-patch+json',
          { properties: { [fieldToChange(collection)]: 'changed by the scope walk' } },
        ],
        DELETE: undefined,
      };
      const payload = payloads[method];
      mismatches.push(
        ...(await walk(`${method} ${route.url}`, (headers) =>
          app.inject({
            method,
            url,
            headers: {
              ...headers,
              ...ifMatch,
              ...(payload ? { 'content-type': payload[0] } : {}),
            },
            ...(payload ? { payload: JSON.stringify(payload[1]) } : {}),
          }),
        )),
      );
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('refuses every import commit outside the scope and allows it inside', async () => {
    const mismatches: string[] = [];
    const commit = (collection: string, features: unknown[]) => (headers: Headers) =>
      postImport(app, {
        collection,
        source: 'scope-walk',
        format: 'geojson',
        body: JSON.stringify({ type: 'FeatureCollection', features }),
        headers,
        commit: true,
      });
    for (const collection of COLLECTIONS) {
      // A new record (its external id unknown to the source).
      const created = featureOf(guatemalan(collection, programId), `walk-${randomUUID()}`);
      mismatches.push(...(await walk(`import new ${collection}`, commit(collection, [created]))));
      // A known record (an id that names a stored record), changed or unchanged by the row.
      const field = fieldToChange(collection);
      const changed = await fixture(collection);
      const { geometry } = changed.record; // a GeoJSON row needs one (programs have none)
      const changedRow = featureOf(
        { [field]: 'changed by the scope walk', geometry },
        changed.record.id,
      );
      mismatches.push(
        ...(await walk(`import changed ${collection}`, commit(collection, [changedRow]))),
      );
      const same = await fixture(collection);
      const sameRow = featureOf(
        { [field]: same.record[field], geometry: same.record.geometry },
        same.record.id,
      );
      mismatches.push(
        ...(await walk(`import unchanged ${collection}`, commit(collection, [sameRow]))),
      );
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
