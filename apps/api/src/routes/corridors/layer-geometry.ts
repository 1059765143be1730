// Geometry helpers of the context layers beyond src/registry/geometry.ts: ST_IsValid of many
// geometries in one statement (bulk incidents), the countries a line crosses (corridor scope),
// and the 2-D rule of the incidents' Point column.
import type { Database } from '@atlas/db';
import type { CountryCode, Problem } from '@atlas/domain';
import { sql, type Kysely } from 'kysely';
import type { Geometry } from 'geojson';

/** Why PostGIS finds each geometry invalid (ST_IsValidReason), by index; valid ones are absent. */
export async function invalidGeometryReasons(
  db: Kysely<Database>,
  geometries: readonly Geometry[],
): Promise<Map<number, string>> {
  const reasons = new Map<number, string>();
  if (geometries.length === 0) return reasons;
  const result = await sql<{ index: number | string; reason: string }>`
    SELECT g.ordinality - 1 AS index, ST_IsValidReason(ST_GeomFromGeoJSON(g.value)) AS reason
    FROM jsonb_array_elements(${JSON.stringify(geometries)}::jsonb) WITH ORDINALITY AS g
    WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(g.value))
  `.execute(db);
  for (const row of result.rows) reasons.set(Number(row.index), row.reason);
  return reasons;
}

/** The countries a stored corridor's line crosses (its country scope), sorted. */
export async function countriesCrossedByCorridor(
  db: Kysely<Database>,
  corridorId: string,
): Promise<CountryCode[]> {
  const rows = await db
    .selectFrom('countries')
    .innerJoin('corridors', (join) =>
      join.on(sql<boolean>`ST_Intersects(countries.geom, corridors.geom)`),
    )
    .select('countries.code')
    .where('corridors.id', '=', corridorId)
    .orderBy('countries.code')
    .execute();
  return rows.map((row) => row.code);
}

function hasAltitude(coordinates: unknown): boolean {
  if (!Array.isArray(coordinates)) return false;
  if (typeof coordinates[0] === 'number') return coordinates.length > 2;
  return coordinates.some(hasAltitude);
}

/** For 2-D columns (the incidents' Point): positions must not carry an altitude. */
export function altitudeProblems(geometry: Geometry, path: string): Problem[] {
  return 'coordinates' in geometry && hasAltitude(geometry.coordinates)
    ? [{ path, message: 'must have longitude and latitude only (no altitude)' }]
    : [];
}
