// "Corridor km covered by enforcement sites" of a summary: each corridor clipped to the area
// (PostGIS), the active enforcement-line sites within the radius of that part (index-backed),
// then the same coverage measure as /analysis/corridor-coverage (corridorCoverage in
// @atlas/domain), added up over corridors. Lengths are great-circle metres measured by Turf.
import { asGeoJSON, geomFromGeoJSON } from '@atlas/db';
import { corridorCoverage, type CorridorGeometry } from '@atlas/domain';
import { sql } from 'kysely';
import type { AnalysisDb } from './run';
import { areaGeometry, type Area } from './scope-figures';
import { sitesNear } from './site-candidates';

export interface CorridorCover {
  radiusKm: number;
  /** Corridor length in the area, as measured for the coverage. */
  lengthM: number;
  /** Of it, within the radius of an active enforcement-line site. */
  coveredM: number;
  /** coveredM / lengthM, or null when no corridor lies in the area. */
  coveredShare: number | null;
}

export async function enforcementCorridorCover(
  trx: AnalysisDb,
  area: Area,
  radiusM: number,
): Promise<CorridorCover> {
  const geometry = areaGeometry(area);
  // The corridor's lines inside the area (line parts only: a corridor touching the border at
  // one point contributes nothing).
  const clipped = geometry
    ? sql`ST_Multi(ST_CollectionExtract(ST_Intersection(c.geom, ${geometry}), 2))`
    : sql`c.geom`;
  const where = geometry
    ? sql`c.geom && ${geometry} AND ST_Intersects(c.geom, ${geometry})`
    : sql`TRUE`;
  const { rows } = await sql<{ id: string; geometry: CorridorGeometry }>`
    SELECT id, ${asGeoJSON(sql.ref('part'))} AS geometry FROM (
      SELECT c.id, ${clipped} AS part FROM corridors c WHERE c.deleted_at IS NULL AND ${where}
    ) AS clipped
    WHERE NOT ST_IsEmpty(part)
    ORDER BY id
  `.execute(trx);
  let lengthM = 0;
  let coveredM = 0;
  for (const row of rows) {
    const sites = await sitesNear(
      trx,
      { line: 'enforcement', status: 'active' },
      { near: { geometry: geomFromGeoJSON(row.geometry), metres: radiusM } },
    );
    const coverage = corridorCoverage(row.geometry, sites, radiusM);
    lengthM += coverage.lengthM;
    coveredM += coverage.coveredM;
  }
  return {
    radiusKm: radiusM / 1000,
    lengthM,
    coveredM,
    coveredShare: lengthM > 0 ? coveredM / lengthM : null,
  };
}
