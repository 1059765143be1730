// Program sites as analysis candidates: live sites of live programs, filtered by the program's
// line and status, optionally only near a geometry (index-backed) or the k nearest to a point.
import { asGeoJSON } from '@atlas/db';
import type { PlaceGeometry, ProgramLine, ProgramStatus } from '@atlas/domain';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AnalysisDb } from './run';
import { withinMetres } from './sql';

export interface SiteFilters {
  line?: ProgramLine | undefined;
  /** 'any' keeps every status. */
  status: ProgramStatus | 'any';
}

/** What a result says about a site. */
export interface SiteRef {
  siteId: string;
  name: string;
  programId: string;
  programCode: string;
  line: ProgramLine;
  status: ProgramStatus;
}

export interface SiteCandidate {
  geometry: PlaceGeometry;
  properties: SiteRef;
}

function siteQuery(trx: AnalysisDb, filters: SiteFilters) {
  let query = trx
    .selectFrom('sites')
    .innerJoin('programs', 'programs.id', 'sites.programId')
    .where('sites.deletedAt', 'is', null)
    .where('programs.deletedAt', 'is', null);
  if (filters.line) query = query.where('programs.line', '=', filters.line);
  if (filters.status !== 'any') query = query.where('programs.status', '=', filters.status);
  return query.select([
    'sites.id as siteId',
    'sites.name',
    'programs.id as programId',
    'programs.code as programCode',
    'programs.line',
    'programs.status',
    asGeoJSON<PlaceGeometry>('sites.geom').as('geometry'),
  ]);
}

function toCandidate(row: SiteRef & { geometry: PlaceGeometry }): SiteCandidate {
  const { geometry, ...properties } = row;
  return { geometry, properties };
}

export interface SiteSelection {
  /** Only sites within `metres` of the geometry expression. */
  near?: { geometry: Expression<unknown>; metres: number };
  /** Only these sites. */
  ids?: readonly string[];
  /** Any further condition on `sites` / `programs`. */
  where?: Expression<SqlBool>;
}

/** Matching sites, narrowed by the selection (every matching site without one). */
export async function sitesNear(
  trx: AnalysisDb,
  filters: SiteFilters,
  selection: SiteSelection | null,
): Promise<SiteCandidate[]> {
  let query = siteQuery(trx, filters);
  const { near, ids, where } = selection ?? {};
  if (near) query = query.where(withinMetres(sql.ref('sites.geom'), near.geometry, near.metres));
  if (ids) {
    if (ids.length === 0) return [];
    // One array parameter, not one per id (tens of thousands at 100×; the limit is 65,535).
    query = query.where(sql<SqlBool>`sites.id = ANY(${[...ids]}::uuid[])`);
  }
  if (where) query = query.where(where);
  const rows = await query.orderBy('sites.id').execute();
  return rows.map(toCandidate);
}

/** The `limit` matching sites nearest to the point by the index's (planar) KNN order. */
export async function sitesByKnn(
  trx: AnalysisDb,
  filters: SiteFilters,
  origin: Expression<unknown>,
  limit: number,
  extra?: Expression<SqlBool>,
): Promise<SiteCandidate[]> {
  let query = siteQuery(trx, filters);
  if (extra) query = query.where(extra);
  const rows = await query
    .orderBy(sql`sites.geom <-> ${origin}`)
    .orderBy('sites.id')
    .limit(limit)
    .execute();
  return rows.map(toCandidate);
}
