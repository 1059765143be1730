// THE POLICY WALK: every registered route × method × principal answers as src/auth/policy.ts
// says: 401 for anonymous callers and revoked keys on non-public routes, 403 for an
// insufficient role, and otherwise neither (the requests are built to fail validation or name a
// missing record, so allowed calls answer 2xx/400/404/412/428 and write nothing).
import { openTestDatabase, testEngines, type AtlasDatabase } from '@atlas/db/testing';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../src/app';
import { buildApp } from '../src/app';
import { revokeApiKey } from '../src/auth/api-keys';
import { accessFor, type Access } from '../src/auth/policy';
import { buildTestApp, testConfig } from './helpers';
import { createPrincipal } from './support/auth';

type Outcome = 'allowed' | 401 | 403;

interface WalkPrincipal {
  name: string;
  headers: () => Promise<Record<string, string>>;
  expect: (access: Access) => Outcome;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for a route pattern: missing ids, an unknown code, a harmless wildcard. */
function concreteUrl(pattern: string): string {
  const url = pattern
    .replace(/:id\b/g, MISSING_ID)
    .replace(/:version\b/g, '1')
    .replace(/:code\b/g, 'ZZ')
    .replace(/:[A-Za-z]+/g, MISSING_ID)
    .replace(/\*$/, 'policy-walk');
  return url === 'policy-walk' ? '/policy-walk' : url;
}

function makeAdminDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-admin-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>admin</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'export {};');
  return dir;
}

/**
 * docs/api-conventions.md restated independently of the table, so a wrong entry is caught too:
 * users and keys are admin-only, record writes are `write`, history and the non-public
 * collections are `read`, and the rest (health, docs, reference, boundaries, programs and sites
 * reads, login, the admin app) is public.
 */
function conventionFor(method: string, url: string): Access {
  const read = method === 'GET' || method === 'HEAD';
  if (/^\/api\/v1\/(users|api-keys)(\/|$)/.test(url)) return 'admin';
  if (url === '/api/v1/auth/login') return 'public';
  if (url.startsWith('/api/v1/auth/')) return 'read';
  // OGC API Features: items of a collection read like its REST list; Part 4 changes are writes.
  const ogcCollection = /^\/ogc\/collections\/(\w+)(\/(queryables|items)|$)/.exec(url)?.[1];
  if (ogcCollection) {
    if (!read) return 'write';
    return ['corridors', 'communities', 'incidents'].includes(ogcCollection) ? 'read' : 'public';
  }
  if (/^\/api\/v1\/(programs|sites|corridors|communities|incidents)(\/|$)/.test(url)) {
    if (!read) return 'write';
    if (url.includes('/history')) return 'read';
    return /^\/api\/v1\/(programs|sites)/.test(url) ? 'public' : 'read';
  }
  // Imports write (docs/import-export.md); an export reads like its collection's list.
  if (url.startsWith('/api/v1/imports/')) return 'write';
  const exported = /^\/api\/v1\/exports\/(\w+)$/.exec(url)?.[1];
  if (exported) return ['programs', 'sites'].includes(exported) ? 'public' : 'read';
  // Analyses read corridors, communities or incidents (signed in), except nearest (registry only);
  // the drawn area of interest is POSTed but only reads.
  if (url.startsWith('/api/v1/analysis/')) return url.endsWith('/nearest') ? 'public' : 'read';
  if (url.startsWith('/api/')) return read ? 'public' : 'admin'; // reference, boundaries
  return 'public';
}

describe.each(testEngines())('the access policy on %s', (engine) => {
  let adb: AtlasDatabase;
  let app: AtlasApp;
  let adminDist: string;

  beforeAll(async () => {
    adb = await openTestDatabase(engine, { seed: true });
    adminDist = makeAdminDist();
    app = await buildTestApp(adb, { serveAdmin: true, adminDist });
  });

  afterAll(async () => {
    await app.close();
    await adb.close();
    rmSync(adminDist, { recursive: true, force: true });
  });

  const byRole =
    (allowed: readonly Access[]) =>
    (access: Access): Outcome =>
      allowed.includes(access) ? 'allowed' : 403;
  const session =
    (role: 'admin' | 'coordinator' | 'analyst', countries?: ('GT' | 'HN' | 'BZ')[]) => async () =>
      (await createPrincipal(app, adb, { role, countries, via: 'session' })).headers;

  const principals = (): WalkPrincipal[] => [
    {
      name: 'anonymous',
      headers: () => Promise.resolve({}),
      expect: (access) => (access === 'public' ? 'allowed' : 401),
    },
    { name: 'analyst', headers: session('analyst'), expect: byRole(['public', 'read']) },
    {
      name: 'coordinator in scope (GT, HN)',
      headers: session('coordinator', ['GT', 'HN']),
      expect: byRole(['public', 'read', 'write']),
    },
    {
      // The table is about roles: with the missing records asked for here both coordinators
      // answer alike; policy-scope-walk.test.ts sends them real records in and out of scope.
      name: 'coordinator out of scope (BZ)',
      headers: session('coordinator', ['BZ']),
      expect: byRole(['public', 'read', 'write']),
    },
    {
      name: 'admin',
      headers: session('admin'),
      expect: byRole(['public', 'read', 'write', 'admin']),
    },
    {
      name: 'service key (coordinator role)',
      headers: async () => (await createPrincipal(app, adb, { role: 'coordinator' })).headers,
      expect: byRole(['public', 'read', 'write']),
    },
    {
      name: 'revoked key',
      headers: async () => {
        const key = await createPrincipal(app, adb, { role: 'coordinator' });
        await revokeApiKey(adb.db, key.id);
        return key.headers;
      },
      expect: () => 401,
    },
  ];

  it('has an entry for every registered route', () => {
    const routes = app.policedRoutes;
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(accessFor(route.method, route.url), `${route.method} ${route.url}`).toBeDefined();
    }
    const names = routes.map((route) => `${route.method} ${route.url}`);
    // The walk covers what the other parts register as well as the fixed routes.
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /health/live',
        'POST /api/v1/auth/login',
        'GET /api/v1/programs',
        'DELETE /api/v1/api-keys/:id',
        'GET /',
        'GET /assets/index-abc123.js',
        'OPTIONS *',
      ]),
    );
  });

  it('gives every route the access the API conventions describe', () => {
    const differences = app.policedRoutes
      .filter((route) => route.access !== conventionFor(route.method, route.url))
      .map((route) => `${route.method} ${route.url}: table ${route.access}`);
    expect(differences).toEqual([]);
  });

  it('answers every route × method × principal as the table says', async () => {
    const mismatches: string[] = [];
    for (const route of app.policedRoutes) {
      const url = concreteUrl(route.url);
      for (const principal of principals()) {
        const expected = principal.expect(route.access);
        const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
        const response = await app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            ...(await principal.headers()),
            ...(hasBody ? { 'content-type': 'application/json' } : {}),
          },
          ...(hasBody ? { payload: { policyWalk: 'not a valid body' } } : {}),
        });
        const status = response.statusCode;
        const ok =
          expected === 'allowed'
            ? status !== 401 && status !== 403 && status < 500
            : status === expected;
        if (!ok) {
          mismatches.push(
            `${route.method} ${route.url} as ${principal.name}: expected ${String(expected)}, got ${status}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000); // every route runs for real (exports, analyses, tiles) on a shared CI machine

  it('refuses to start when a route has no policy entry', async () => {
    const unlisted = await buildApp({ config: testConfig(), database: adb });
    unlisted.get('/api/v1/not-in-the-table', () => 'nobody decided who may call this');
    await expect(unlisted.ready()).rejects.toThrow(
      /no access policy for GET \/api\/v1\/not-in-the-table/,
    );
    await unlisted.close().catch(() => undefined);
  });
});
