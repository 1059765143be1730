// REST /api/v1 cases: GeoJSON lists with a bbox, one program record, readiness, writes are in
// measure/writes.ts. Each raw SQL builds the same document the route sends.
import { sql } from 'kysely';
import type { BenchEnvironment } from '../environment';
import { fetchPatiently } from '../load/fetch';
import { documentQuery, envelopeOf, sameFeatures } from './sql-json';
import type { BenchCase } from './types';

/** Guatemala, El Salvador and Honduras: most of the sample's sites and incidents. */
export const NORTHERN_TRIANGLE = [-92.3, 12.9, -83.1, 17.9] as const;

async function someProgramId(env: BenchEnvironment): Promise<string> {
  const row = await env.database.db
    .selectFrom('programs')
    .select('id')
    .where('deletedAt', 'is', null)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return row.id;
}

function sitesCase(limit: number, quick: boolean): BenchCase {
  const bbox = NORTHERN_TRIANGLE;
  return {
    id: `rest.sites.bbox-${limit}`,
    title: `GET /api/v1/sites?bbox=…&limit=${limit}`,
    quick,
    http: () => ({ path: `/api/v1/sites?bbox=${bbox.join(',')}&limit=${limit}` }),
    sql: (env) =>
      documentQuery(
        env.database.db,
        sql<{ doc: unknown }>`
          WITH matched AS (
            SELECT s.*, p.code, p.title AS program_title, p.line, p.status
            FROM sites s JOIN programs p ON p.id = s.program_id
            WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
              AND ST_Intersects(s.geom, ${envelopeOf(bbox)})
          ), page AS (
            SELECT * FROM matched ORDER BY code, name, id LIMIT ${limit}
          )
          SELECT json_build_object(
            'type', 'FeatureCollection',
            'numberMatched', (SELECT count(*) FROM matched),
            'numberReturned', (SELECT count(*) FROM page),
            'features', coalesce(json_agg(json_build_object(
              'type', 'Feature', 'id', id,
              'geometry', ST_AsGeoJSON(geom, 9)::json,
              'properties', json_build_object(
                'id', id, 'programId', program_id, 'name', name, 'precision', precision,
                'country', country, 'department', department, 'version', version,
                'programTitle', program_title, 'line', line, 'status', status))
              ORDER BY code, name, id), '[]'::json)
          ) AS doc FROM page`,
      ),
    same: sameFeatures,
    target: { maxRatio: 1.5 },
  };
}

function incidentsCase(limit: number, quick: boolean): BenchCase {
  const bbox = NORTHERN_TRIANGLE;
  return {
    id: `rest.incidents.bbox-${limit}`,
    title: `GET /api/v1/incidents?bbox=…&limit=${limit}`,
    quick,
    http: (env) => ({
      path: `/api/v1/incidents?bbox=${bbox.join(',')}&limit=${limit}`,
      headers: env.auth,
    }),
    sql: (env) =>
      documentQuery(
        env.database.db,
        sql<{ doc: unknown }>`
          WITH matched AS (
            SELECT * FROM incidents
            WHERE deleted_at IS NULL AND ST_Intersects(geom, ${envelopeOf(bbox)})
          ), page AS (
            SELECT * FROM matched ORDER BY occurred_on DESC, id LIMIT ${limit}
          )
          SELECT json_build_object(
            'type', 'FeatureCollection',
            'numberMatched', (SELECT count(*) FROM matched),
            'numberReturned', (SELECT count(*) FROM page),
            'features', coalesce(json_agg(json_build_object(
              'type', 'Feature', 'id', id,
              'geometry', ST_AsGeoJSON(geom, 9)::json,
              'properties', json_build_object(
                'id', id, 'kind', kind, 'occurredOn', occurred_on, 'country', country,
                'threat', threat, 'quantity', quantity, 'unit', unit,
                'description', description, 'source', source, 'illustrative', illustrative,
                'version', version, 'createdAt', created_at, 'updatedAt', updated_at,
                'deletedAt', deleted_at))
              ORDER BY occurred_on DESC, id), '[]'::json)
          ) AS doc FROM page`,
      ),
    same: sameFeatures,
    target: { maxRatio: 1.5 },
  };
}

const programRecord: BenchCase = {
  id: 'rest.programs.record',
  title: 'GET /api/v1/programs/{id} (funding, indicators, totals)',
  quick: true,
  http: async (env) => ({
    path: `/api/v1/programs/${await someProgramId(env)}`,
    headers: env.auth,
  }),
  sql: (env) => {
    let id: string | undefined;
    return async () => {
      id ??= await someProgramId(env);
      const result = await sql<{ doc: unknown }>`
        SELECT to_jsonb(p) - 'search_en' - 'search_es' || jsonb_build_object(
          'funding', (SELECT coalesce(jsonb_agg(jsonb_build_object('fiscalYear', fiscal_year,
              'account', account, 'stage', stage, 'amountUsd', amount_usd)
              ORDER BY fiscal_year, account, stage), '[]') FROM program_funding WHERE program_id = p.id),
          'indicators', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'name', name,
              'unit', unit, 'baseline', baseline, 'target', target, 'actual', actual)
              ORDER BY position), '[]') FROM program_indicators WHERE program_id = p.id),
          'totals', (SELECT jsonb_build_object(
              'committed', coalesce(sum(amount_usd) FILTER (WHERE stage = 'committed'), 0),
              'obligated', coalesce(sum(amount_usd) FILTER (WHERE stage = 'obligated'), 0),
              'disbursed', coalesce(sum(amount_usd) FILTER (WHERE stage = 'disbursed'), 0))
            FROM program_funding WHERE program_id = p.id)) AS doc
        FROM programs p WHERE p.id = ${id}`.execute(env.database.db);
      return result.rows[0]?.doc;
    };
  },
  same(httpBody, sqlResult) {
    const a = httpBody as { id: string; funding: unknown[]; totals: { committed: unknown } };
    const b = sqlResult as { id: string; funding: unknown[]; totals: { committed: unknown } };
    if (a.id !== b.id || a.funding.length !== b.funding.length) return 'different program';
    if (Number(a.totals.committed) !== Number(b.totals.committed)) return 'different totals';
    return undefined;
  },
  target: { maxRatio: 1.5 },
};

const readiness: BenchCase = {
  id: 'rest.health.ready',
  title: 'GET /health/ready (database ping)',
  quick: true,
  http: () => ({ path: '/health/ready' }),
  sql: (env) => documentQuery(env.database.db, sql<{ doc: unknown }>`SELECT 1 AS doc`),
};

/** The cached path: a conditional GET answered 304 next to a bare Fastify route. */
const cachedBoundaries: BenchCase = {
  id: 'cached.boundaries.304',
  title: 'GET /api/v1/boundaries/countries with If-None-Match (304)',
  quick: true,
  async http(env) {
    const first = await fetchPatiently(`${env.origin}/api/v1/boundaries/countries`);
    const etag = first.headers.get('etag');
    if (!etag) throw new Error(`boundaries answered ${first.status} without an ETag`);
    return {
      path: '/api/v1/boundaries/countries',
      headers: { 'if-none-match': etag },
      expectStatus: 304,
    };
  },
  reference: (env) => ({ origin: env.bareOrigin, spec: { path: '/bare' } }),
  target: { minShare: 0.5 },
};

export const restCases: BenchCase[] = [
  readiness,
  programRecord,
  sitesCase(100, true),
  sitesCase(1000, false),
  incidentsCase(100, false),
  incidentsCase(1000, true),
  cachedBoundaries,
];
