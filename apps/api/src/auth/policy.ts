// THE access policy: one entry per route (`METHOD /pattern`, as registered with Fastify) saying
// who may call it. Routes declare nothing else about access; the auth plugin enforces this table
// on every route and refuses to start when a registered route has no entry.
//   public  anyone, signed in or not
//   read    any signed-in user or API key
//   write   admin, coordinator, coordinator-role key (the handler then checks country scope)
//   admin   administrators only
// HEAD routes follow their GET entry.
import { isApiPath } from '../routes/admin-static/spa';

export type Access = 'public' | 'read' | 'write' | 'admin';

/** The editable collections and who may read them (writes are always `write`). */
const RECORD_COLLECTIONS = {
  programs: 'public', // the program registry is public aid information
  sites: 'public',
  corridors: 'read',
  communities: 'read',
  incidents: 'read',
} as const satisfies Record<string, Access>;

/** The routes every record collection has (docs/api-conventions.md, "Records"). */
function recordRoutes(collection: string, readAccess: Access): Record<string, Access> {
  const base = `/api/v1/${collection}`;
  return {
    [`GET ${base}`]: readAccess,
    [`GET ${base}/:id`]: readAccess,
    [`POST ${base}`]: 'write',
    [`PUT ${base}/:id`]: 'write',
    [`PATCH ${base}/:id`]: 'write',
    [`DELETE ${base}/:id`]: 'write',
    [`POST ${base}/:id/restore`]: 'write',
    [`GET ${base}/:id/history`]: 'read',
    [`POST ${base}/:id/history/:version/restore`]: 'write',
  };
}

/** OGC API Features (docs/ogc.md): each collection's reads as on the REST API; Part 4 writes. */
const OGC_COLLECTIONS = {
  ...RECORD_COLLECTIONS,
  countries: 'public',
  departments: 'public',
} as const satisfies Record<string, Access>;
const OGC_EDITABLE = new Set(['sites', 'corridors', 'communities', 'incidents']);

function ogcRoutes(collection: string, readAccess: Access): Record<string, Access> {
  const base = `/ogc/collections/${collection}`;
  const reads: Record<string, Access> = {
    [`GET ${base}`]: readAccess,
    [`GET ${base}/queryables`]: readAccess,
    [`GET ${base}/items`]: readAccess,
    [`GET ${base}/items/:featureId`]: readAccess,
  };
  if (!OGC_EDITABLE.has(collection)) return reads;
  return {
    ...reads,
    [`POST ${base}/items`]: 'write',
    [`PUT ${base}/items/:featureId`]: 'write',
    [`PATCH ${base}/items/:featureId`]: 'write',
    [`DELETE ${base}/items/:featureId`]: 'write',
  };
}

export const POLICY: Readonly<Record<string, Access>> = Object.freeze({
  // Operations and documentation
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'GET /docs/json': 'public',
  'GET /docs/yaml': 'public',
  'GET /docs/static/*': 'public',
  'GET /docs/static/index.html': 'public',
  'GET /docs/static/swagger-initializer.js': 'public',
  // CORS preflight (answered by @fastify/cors from its allowlist)
  'OPTIONS *': 'public',
  // The admin app (production): its client-side routes; its files are matched below
  'GET /': 'public',
  'GET /*': 'public',

  // Sessions
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'read',
  'GET /api/v1/auth/me': 'read',

  // People and keys
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'GET /api/v1/users/:id': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'GET /api/v1/api-keys': 'admin',
  'POST /api/v1/api-keys': 'admin',
  'DELETE /api/v1/api-keys/:id': 'admin',

  // Code lists and boundaries (read-only, public)
  'GET /api/v1/reference': 'public',
  'GET /api/v1/boundaries/countries': 'public',
  'GET /api/v1/boundaries/countries/:code': 'public',
  'GET /api/v1/boundaries/departments': 'public',
  'GET /api/v1/boundaries/departments/:code': 'public',

  // Records
  ...Object.fromEntries(
    Object.entries(RECORD_COLLECTIONS).flatMap(([collection, readAccess]) =>
      Object.entries(recordRoutes(collection, readAccess)),
    ),
  ),
  'GET /api/v1/programs/:id/sites': 'public',

  // Spatial analysis (docs/analysis.md): signed-in readers, except nearest (public registry)
  'GET /api/v1/analysis/corridor-coverage': 'read',
  'GET /api/v1/analysis/border-crossings': 'read',
  'GET /api/v1/analysis/coverage-gaps': 'read',
  'GET /api/v1/analysis/summary': 'read',
  'GET /api/v1/analysis/area-of-interest': 'read',
  'POST /api/v1/analysis/area-of-interest': 'read',
  'GET /api/v1/analysis/hotspots': 'read',
  'GET /api/v1/analysis/nearest': 'public',
  'POST /api/v1/programs/:id/sites': 'write',
  'POST /api/v1/incidents/bulk': 'write',

  // OGC API Features: the landing page, conformance and the list of collections are public
  // (the list shows only what the caller may read); the rest follows each collection.
  'GET /ogc': 'public',
  'GET /ogc/conformance': 'public',
  'GET /ogc/collections': 'public',
  ...Object.fromEntries(
    Object.entries(OGC_COLLECTIONS).flatMap(([collection, readAccess]) =>
      Object.entries(ogcRoutes(collection, readAccess)),
    ),
  ),

  // Import and export (docs/import-export.md): imports write (and check scope per row);
  // exports follow the read access of their collection
  'POST /api/v1/imports/:collection': 'write',
  'GET /api/v1/imports/sources/:source': 'write',
  ...Object.fromEntries(
    Object.entries(RECORD_COLLECTIONS).map(([collection, readAccess]) => [
      `GET /api/v1/exports/${collection}`,
      readAccess,
    ]),
  ),

  // Vector tiles: public routes; a tileset with a signed-in layer (corridors, communities,
  // incidents) answers 401 to anonymous callers (routes/tiles/respond.ts, readableTileset).
  'GET /tiles': 'public',
  'GET /tiles/:tileset.json': 'public',
  'GET /tiles/:tileset/:z/:x/:y.mvt': 'public',
  'GET /ogc/tileMatrixSets': 'public',
  'GET /ogc/tileMatrixSets/:tileMatrixSetId': 'public',
  'GET /ogc/collections/:collectionId/tiles': 'public',
  'GET /ogc/collections/:collectionId/tiles/:tileMatrixSetId': 'public',
  'GET /ogc/collections/:collectionId/tiles/:tileMatrixSetId/:tileMatrix/:tileRow/:tileCol':
    'public',
});

/** The built admin app's files (one route per file, found at start-up): public. */
function isAdminFile(method: string, url: string): boolean {
  if (method !== 'GET' || isApiPath(url)) return false;
  const lastSegment = url.slice(url.lastIndexOf('/') + 1);
  return lastSegment.includes('.') && !url.includes(':') && !url.includes('*');
}

/** Routes that tests add to a built app (NODE_ENV=test only) to provoke errors: public. */
const TEST_ROUTE_PREFIX = '/test/';

/** The entry for a registered route, or undefined when the table has none. */
export function accessFor(
  method: string,
  url: string,
  options: { testRoutes?: boolean } = {},
): Access | undefined {
  const asked = method === 'HEAD' ? 'GET' : method;
  const entry = POLICY[`${asked} ${url}`];
  if (entry !== undefined) return entry;
  if (isAdminFile(asked, url)) return 'public';
  if (options.testRoutes && url.startsWith(TEST_ROUTE_PREFIX)) return 'public';
  return undefined;
}

export class MissingPolicyError extends Error {
  constructor(readonly routes: readonly string[]) {
    super(`no access policy for ${routes.join(', ')}: add an entry to apps/api/src/auth/policy.ts`);
    this.name = 'MissingPolicyError';
  }
}
