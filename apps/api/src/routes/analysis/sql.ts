// SQL building blocks of the analyses (bound parameters only). Distances are great-circle metres
// on the mean-radius sphere (`use_spheroid = false`), the sphere Turf uses in @atlas/domain.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** Metres per degree of latitude on the sphere (the widest a degree of longitude gets). */
const METRES_PER_DEGREE = 111_195;

export function pointGeom(lon: number, lat: number): RawBuilder<unknown> {
  return sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
}

/** Great-circle distance in metres between two geometries. */
export function sphereDistance(a: Expression<unknown>, b: Expression<unknown>): RawBuilder<number> {
  return sql<number>`ST_Distance(${a}::geography, ${b}::geography, false)`;
}

/** Great-circle length in metres of a (multi)line. */
export function sphereLength(line: Expression<unknown>): RawBuilder<number> {
  return sql<number>`ST_Length(${line}::geography, false)`;
}

/**
 * `a` within `metres` of `b`: first a box test the GiST index of `a` answers (`b`'s box grown
 * by the radius in degrees of longitude at its highest latitude, so never too small), then the
 * exact great-circle test.
 */
export function withinMetres(
  a: Expression<unknown>,
  b: Expression<unknown>,
  metres: number,
): RawBuilder<SqlBool> {
  const degrees = sql`(${metres}::float8 / ${METRES_PER_DEGREE}::float8
    / greatest(0.01, cos(radians(least(89.0,
      greatest(abs(ST_YMin(${b})), abs(ST_YMax(${b}))) + ${metres}::float8 / ${METRES_PER_DEGREE}::float8)))))`;
  return sql<SqlBool>`(${a} && ST_Expand(${b}, ${degrees})
    AND ST_DWithin(${a}::geography, ${b}::geography, ${metres}::float8, false))`;
}
