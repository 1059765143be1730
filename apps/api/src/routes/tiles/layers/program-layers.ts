// Candidate rows of the program layers: sites (one feature per site) and programs (one
// MultiPoint per program, from its sites). Deleted programs and sites never appear.
import { sql, type RawBuilder } from 'kysely';
import type { TileFilters } from '../filters';
import type { TileKey } from '../tile-grid';
import { candidateEnvelope } from './geometry-sql';

/** The registry's program filters on `programs AS p` (country: see each layer). */
function programConditions(filters: TileFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`p.deleted_at IS NULL`];
  if (filters.line) conditions.push(sql`p.line = ${filters.line}`);
  if (filters.status) conditions.push(sql`p.status = ${filters.status}`);
  if (filters.agency) conditions.push(sql`p.agency = ${filters.agency}`);
  if (filters.goal !== undefined) {
    conditions.push(sql`p.goals @> ARRAY[${filters.goal}]::smallint[]`);
  }
  if (filters.fyFrom !== undefined || filters.fyTo !== undefined) {
    const funding = [sql`f.program_id = p.id`];
    if (filters.fyFrom !== undefined) funding.push(sql`f.fiscal_year >= ${filters.fyFrom}`);
    if (filters.fyTo !== undefined) funding.push(sql`f.fiscal_year <= ${filters.fyTo}`);
    conditions.push(
      sql`EXISTS (SELECT 1 FROM program_funding AS f WHERE ${sql.join(funding, sql` AND `)})`,
    );
  }
  return conditions;
}

export function siteCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = [
    ...programConditions(filters),
    sql`s.deleted_at IS NULL`,
    sql`s.geom && ${candidateEnvelope(key)}`,
  ];
  if (filters.country) conditions.push(sql`s.country = ${filters.country}`);
  return sql`
    SELECT s.geom, jsonb_strip_nulls(jsonb_build_object(
      'id', s.id, 'programId', p.id, 'programCode', p.code, 'name', s.name, 'line', p.line,
      'status', p.status, 'precision', s.precision, 'country', s.country)) AS props
    FROM sites AS s JOIN programs AS p ON p.id = s.program_id
    WHERE ${sql.join(conditions, sql` AND `)}
  `;
}

export function programCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = programConditions(filters);
  if (filters.country) conditions.push(sql`p.countries @> ARRAY[${filters.country}]::text[]`);
  return sql`
    SELECT ST_Collect(ST_PointOnSurface(s.geom)) AS geom, jsonb_build_object(
      'id', p.id, 'code', p.code, 'title', p.title, 'line', p.line, 'status', p.status,
      'agency', p.agency, 'sites', count(*)) AS props
    FROM programs AS p JOIN sites AS s ON s.program_id = p.id AND s.deleted_at IS NULL
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY p.id
    HAVING ST_Collect(ST_PointOnSurface(s.geom)) && ${candidateEnvelope(key)}
  `;
}
