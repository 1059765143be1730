// Corridor coverage: PostGIS finds the sites within the radius of the corridor (index, then
// great-circle test); @atlas/domain measures the covered stretches along it.
import { asGeoJSON } from '@atlas/db';
import { corridorCoverage, kmToM, type CorridorGeometry } from '@atlas/domain';
import { sql } from 'kysely';
import { notFound } from '../../registry';
import type { AnalysisDb } from './run';
import { sitesNear } from './site-candidates';
import type { CorridorCoverageQuery } from './schemas';

export async function findCorridor(trx: AnalysisDb, id: string) {
  const corridor = await trx
    .selectFrom('corridors')
    .select(['id', 'name', 'mode', asGeoJSON<CorridorGeometry>('geom').as('geometry')])
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!corridor) throw notFound('corridor');
  return corridor;
}

export async function corridorCoverageResult(trx: AnalysisDb, query: CorridorCoverageQuery) {
  const corridor = await findCorridor(trx, query.corridor);
  const radiusM = kmToM(query.radiusKm);
  const corridorGeom = sql`(SELECT geom FROM corridors WHERE id = ${corridor.id})`;
  const sites = await sitesNear(
    trx,
    { line: query.line, status: query.status },
    { near: { geometry: corridorGeom, metres: radiusM } },
  );
  const coverage = corridorCoverage(corridor.geometry, sites, radiusM);
  return {
    corridor: {
      type: 'Feature',
      id: corridor.id,
      geometry: corridor.geometry,
      properties: { id: corridor.id, name: corridor.name, mode: corridor.mode },
    },
    ...coverage,
    sites: { type: 'FeatureCollection', features: coverage.sites },
  };
}
