// Figures of an area that PostGIS aggregates directly: corridor length by mode, incidents by kind
// and year, communities at risk and how many of them a prevention site covers. The area is a
// country, a department, a drawn polygon (an SQL geometry expression) or the whole region.
import { incidentKinds, corridorModes, type CorridorMode, type IncidentKind } from '@atlas/domain';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { AnalysisDb } from './run';
import { sphereLength, withinMetres } from './sql';

export type Area =
  | { kind: 'region' }
  | { kind: 'country'; code: string }
  | { kind: 'department'; code: string }
  | { kind: 'polygon'; geometry: Expression<unknown> };

/** The area's geometry as SQL, or null for the whole region. */
export function areaGeometry(area: Area): Expression<unknown> | null {
  switch (area.kind) {
    case 'region':
      return null;
    case 'country':
      return sql`(SELECT geom FROM countries WHERE code = ${area.code})`;
    case 'department':
      return sql`(SELECT geom FROM departments WHERE code = ${area.code})`;
    case 'polygon':
      return area.geometry;
  }
}

/** Records of a layer in the area: by their stored country/department, or by geometry. */
function inArea(area: Area, alias: string): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  switch (area.kind) {
    case 'region':
      return sql<SqlBool>`TRUE`;
    case 'country':
      return sql<SqlBool>`${column('country')} = ${area.code}`;
    case 'department':
      return sql<SqlBool>`${column('department')} = ${area.code}`;
    case 'polygon':
      return sql<SqlBool>`(${column('geom')} && ${area.geometry}
        AND ST_Intersects(${column('geom')}, ${area.geometry}))`;
  }
}

export async function corridorLengths(trx: AnalysisDb, area: Area) {
  const geometry = areaGeometry(area);
  const length = geometry
    ? sphereLength(sql`ST_Intersection(c.geom, ${geometry})`)
    : sphereLength(sql.ref('c.geom'));
  const where = geometry
    ? sql`c.geom && ${geometry} AND ST_Intersects(c.geom, ${geometry})`
    : sql`TRUE`;
  const { rows } = await sql<{ mode: CorridorMode; lengthM: number }>`
    SELECT c.mode, sum(${length})::float8 AS length_m
    FROM corridors c WHERE c.deleted_at IS NULL AND ${where}
    GROUP BY c.mode
  `.execute(trx);
  const byMode = corridorModes
    .map((mode) => ({
      mode: mode.code,
      lengthM: rows.find((row) => row.mode === mode.code)?.lengthM ?? 0,
    }))
    .filter((entry) => entry.lengthM > 0);
  return { totalM: byMode.reduce((sum, entry) => sum + entry.lengthM, 0), byMode };
}

export async function incidentCounts(trx: AnalysisDb, area: Area) {
  const where = inArea(area, 'i');
  const [byKind, byYear] = await Promise.all([
    sql<{ kind: IncidentKind; count: number }>`
      SELECT i.kind, count(*)::int AS count FROM incidents i
      WHERE i.deleted_at IS NULL AND ${where} GROUP BY i.kind
    `.execute(trx),
    sql<{ year: number; count: number }>`
      SELECT extract(year FROM i.occurred_on)::int AS year, count(*)::int AS count
      FROM incidents i WHERE i.deleted_at IS NULL AND ${where} GROUP BY 1 ORDER BY 1
    `.execute(trx),
  ]);
  const kinds = incidentKinds
    .map((kind) => ({
      kind: kind.code,
      count: byKind.rows.find((row) => row.kind === kind.code)?.count ?? 0,
    }))
    .filter((entry) => entry.count > 0);
  return {
    total: kinds.reduce((sum, entry) => sum + entry.count, 0),
    byKind: kinds,
    byYear: byYear.rows,
  };
}

/** Communities at risk in the area, and those with an active prevention site within the radius. */
export async function communityFigures(trx: AnalysisDb, area: Area, radiusM: number) {
  const covered = sql<SqlBool>`EXISTS (
    SELECT 1 FROM sites s JOIN programs p ON p.id = s.program_id
    WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
      AND p.line = 'prevention' AND p.status = 'active'
      AND ${withinMetres(sql.ref('s.geom'), sql.ref('m.geom'), radiusM)})`;
  const { rows } = await sql<{
    count: number;
    population: number;
    maxHomicideRate: number | null;
    coveredCount: number;
    coveredPopulation: number;
  }>`
    SELECT count(*)::int AS count,
      coalesce(sum(m.population), 0)::bigint AS population,
      max(m.homicide_rate)::float8 AS max_homicide_rate,
      count(*) FILTER (WHERE ${covered})::int AS covered_count,
      coalesce(sum(m.population) FILTER (WHERE ${covered}), 0)::bigint AS covered_population
    FROM communities m WHERE m.deleted_at IS NULL AND ${inArea(area, 'm')}
  `.execute(trx);
  const row = rows[0]!;
  return {
    communities: {
      count: row.count,
      population: row.population,
      maxHomicideRate: row.maxHomicideRate,
    },
    coverage: {
      radiusKm: radiusM / 1000,
      communitiesCovered: row.coveredCount,
      populationCovered: row.coveredPopulation,
      /** Shares of the area's communities (and their people) covered; null when there are none. */
      communitiesCoveredShare: row.count > 0 ? row.coveredCount / row.count : null,
      populationCoveredShare: row.population > 0 ? row.coveredPopulation / row.population : null,
    },
  };
}
