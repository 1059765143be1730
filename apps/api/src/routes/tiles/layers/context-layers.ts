// Candidate rows of the context layers (corridors, communities, incidents) and the boundaries.
// Deleted records never appear.
import { sql, type RawBuilder } from 'kysely';
import type { TileFilters } from '../filters';
import type { TileKey } from '../tile-grid';
import { candidateEnvelope } from './geometry-sql';

const where = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` AND `);

export function corridorCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = [sql`c.deleted_at IS NULL`, sql`c.geom && ${candidateEnvelope(key)}`];
  if (filters.mode) conditions.push(sql`c.mode = ${filters.mode}`);
  if (filters.country) {
    // As in the registry: corridors whose line crosses the country.
    conditions.push(sql`EXISTS (SELECT 1 FROM countries AS k
      WHERE k.code = ${filters.country} AND ST_Intersects(k.geom, c.geom))`);
  }
  return sql`
    SELECT c.geom, jsonb_build_object('id', c.id, 'name', c.name, 'mode', c.mode,
      'threats', array_to_string(c.threats, ','), 'confidence', c.confidence) AS props
    FROM corridors AS c WHERE ${where(conditions)}
  `;
}

export function communityCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = [sql`c.deleted_at IS NULL`, sql`c.geom && ${candidateEnvelope(key)}`];
  if (filters.country) conditions.push(sql`c.country = ${filters.country}`);
  return sql`
    SELECT c.geom, jsonb_build_object('id', c.id, 'name', c.name, 'population', c.population,
      'homicideRate', c.homicide_rate, 'country', c.country) AS props
    FROM communities AS c WHERE ${where(conditions)}
  `;
}

export function incidentCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = [sql`i.deleted_at IS NULL`, sql`i.geom && ${candidateEnvelope(key)}`];
  if (filters.country) conditions.push(sql`i.country = ${filters.country}`);
  if (filters.kind) conditions.push(sql`i.kind = ${filters.kind}`);
  if (filters.from) conditions.push(sql`i.occurred_on >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`i.occurred_on <= ${filters.to}::date`);
  return sql`
    SELECT i.geom, jsonb_build_object('id', i.id, 'kind', i.kind,
      'date', to_char(i.occurred_on, 'YYYY-MM-DD'), 'country', i.country) AS props
    FROM incidents AS i WHERE ${where(conditions)}
  `;
}

export function countryCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = [sql`b.geom && ${candidateEnvelope(key)}`];
  if (filters.country) conditions.push(sql`b.code = ${filters.country}`);
  return sql`
    SELECT b.geom, jsonb_build_object('code', b.code, 'name', b.name) AS props
    FROM countries AS b WHERE ${where(conditions)}
  `;
}

export function departmentCandidates(key: TileKey, filters: TileFilters): RawBuilder<unknown> {
  const conditions = [sql`b.geom && ${candidateEnvelope(key)}`];
  if (filters.country) conditions.push(sql`b.country = ${filters.country}`);
  return sql`
    SELECT b.geom, jsonb_build_object('code', b.code, 'name', b.name) AS props
    FROM departments AS b WHERE ${where(conditions)}
  `;
}
