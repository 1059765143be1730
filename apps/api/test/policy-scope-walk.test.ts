// THE SCOPE WALK: the policy walk (policy.test.ts) sends requests that fail before any record is
// touched, so coordinators in and out of scope answer alike there. This walk sends every REST
// record-changing route a valid request about a record in Guatemala: a coordinator (session or
// service key) limited to Belize gets 403 and nothing is written; a coordinator limited to
// Guatemala and Honduras gets 2xx.
import { testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { guatemalan, openScopeWalk } from './policy-scope-walk-support';
import { send } from './support/records';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Headers = Record<string, string>;

/** The REST collections whose records carry a country scope. */
const COLLECTION = /^\/api\/v1\/(programs|sites|corridors|communities|incidents)(\/|$)/;

describe.each(testEngines())('country scope on every record-changing route on %s', (engine) => {
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

  /** A fresh Guatemalan record made by the admin; deleted first when the route restores. */
  async function fixture(collection: string, deleted: boolean) {
    const created = await send(app, 'POST', `/api/v1/${collection}`, {
      headers: admin,
      body: guatemalan(collection, programId),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    let etag = String(created.headers.etag);
    if (deleted) {
      const removed = await send(app, 'DELETE', `/api/v1/${collection}/${id}`, {
        headers: admin,
        ifMatch: etag,
      });
      expect(removed.statusCode, removed.body).toBe(200);
      etag = String(removed.headers.etag);
    }
    return { id, etag };
  }

  /** A valid request for one route pattern, about a fresh Guatemalan record. */
  async function requestFor(method: Method, pattern: string) {
    const collection = COLLECTION.exec(pattern)?.[1] ?? '';
    const fresh = () => guatemalan(collection, programId);
    if (pattern === '/api/v1/incidents/bulk') {
      return { url: pattern, body: { incidents: [fresh(), fresh()] } };
    }
    if (pattern === '/api/v1/programs/:id/sites') {
      const { programId: _omitted, ...site } = guatemalan('sites', programId);
      return { url: `/api/v1/programs/${programId}/sites`, body: site };
    }
    if (!pattern.includes(':id')) return { url: pattern, body: fresh() };
    const { id, etag } = await fixture(collection, pattern.endsWith('/:id/restore'));
    const url = pattern.replace(':id', id).replace(':version', '1');
    const bodies: Partial<Record<Method, unknown>> = {
      PUT: fresh(),
      PATCH: { [collection === 'sites' ? 'name' : 'source']: 'changed by the scope walk' },
    };
    return { url, body: bodies[method], ifMatch: etag };
  }

  const auditCount = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_events`.execute(adb.db))
        .rows[0]?.n,
    );

  it('refuses every change outside the scope (403, nothing written) and allows it inside', async () => {
    const routes = app.policedRoutes.filter(
      (route) => route.access === 'write' && COLLECTION.test(route.url),
    );
    // Five collections × six changes, the bulk create and the program-site create.
    expect(routes.length).toBe(32);
    const mismatches: string[] = [];
    for (const route of routes) {
      const method = route.method as Method;
      const name = `${method} ${route.url}`;
      const request = await requestFor(method, route.url);
      for (const [who, headers] of outOfScope) {
        const before = await auditCount();
        const refused = await send(app, method, request.url, { headers, ...request });
        const after = await auditCount();
        if (refused.statusCode !== 403 || after !== before) {
          mismatches.push(`${name} ${who} out of scope: ${refused.statusCode}, +${after - before}`);
        }
      }
      const allowed = await send(app, method, request.url, { headers: inScope, ...request });
      if (allowed.statusCode < 200 || allowed.statusCode > 299) {
        mismatches.push(`${name} in scope: ${allowed.statusCode} ${allowed.body}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
