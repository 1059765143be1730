// Geometry checks before a write, beyond the domain schemas (RFC 7946 structure, coordinates in
// range): no GeometryCollection, at most MAX_VERTICES positions, and PostGIS's ST_IsValid, whose
// ST_IsValidReason is reported. Invalid geometries are refused, never repaired.
import type { Database } from '@atlas/db';
import type { Problem } from '@atlas/domain';
import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';

export const MAX_VERTICES = 10_000;

/** Positions in a geometry (nested coordinate arrays, or the members of a collection). */
export function countVertices(geometry: Geometry): number {
  if (geometry.type === 'GeometryCollection') {
    return geometry.geometries.reduce((sum, member) => sum + countVertices(member), 0);
  }
  const count = (value: unknown): number => {
    if (!Array.isArray(value)) return 0;
    if (typeof value[0] === 'number') return 1;
    return value.reduce((sum: number, item: unknown) => sum + count(item), 0);
  };
  return count(geometry.coordinates);
}

/** Checks that need no database; [] when the geometry may go on to ST_IsValid. */
export function geometryShapeProblems(geometry: Geometry, path = '/geometry'): Problem[] {
  if (geometry.type === 'GeometryCollection') {
    return [{ path, message: 'GeometryCollection is not accepted' }];
  }
  const vertices = countVertices(geometry);
  if (vertices === 0) return [{ path, message: 'has no positions (empty geometries are refused)' }];
  if (vertices > MAX_VERTICES) {
    return [{ path, message: `has ${vertices} vertices; at most ${MAX_VERTICES} are accepted` }];
  }
  return [];
}

/** Why PostGIS finds the geometry invalid (ST_IsValidReason), or null when it is valid. */
export async function invalidGeometryReason(
  db: Kysely<Database>,
  geometry: Geometry,
): Promise<string | null> {
  const result = await sql<{ valid: boolean; reason: string }>`
    SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
    FROM ST_GeomFromGeoJSON(${JSON.stringify(geometry)}::text) AS g
  `.execute(db);
  const row = result.rows[0];
  return !row || row.valid ? null : row.reason;
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === 'XX000');
}

/** Every geometry problem of one value: shape first, then ST_IsValid (only when the shape passes). */
export async function geometryProblems(
  db: Kysely<Database>,
  geometry: Geometry,
  path = '/geometry',
): Promise<Problem[]> {
  const shape = geometryShapeProblems(geometry, path);
  if (shape.length > 0) return shape;
  let reason: string | null;
  try {
    reason = await invalidGeometryReason(db, geometry);
  } catch (error) {
    // PostGIS refused to read it (data exceptions, class 22): bad input, not a server fault.
    if (!isDataException(error)) throw error;
    reason = 'PostGIS cannot read this geometry';
  }
  return reason === null ? [] : [{ path, message: `invalid geometry: ${reason}` }];
}
