// Border crossings: PostGIS picks, for each corridor, the countries its line touches (index
// `&&`, then ST_Intersects); @atlas/domain finds where the line crosses from one to another; the
// nearest enforcement site of each crossing comes from KNN narrowed by great-circle distance.
import { asGeoJSON } from '@atlas/db';
import {
  borderCrossings,
  kmToM,
  type BoundaryGeometry,
  type CountryCode,
  type CorridorGeometry,
} from '@atlas/domain';
import { sql } from 'kysely';
import { notFound } from '../../registry';
import { nearestSites } from './nearest-sites';
import { siteRef } from './site-ref';
import type { AnalysisDb } from './run';
import type { BorderCrossingsQuery } from './schemas';

async function corridorsWithCountries(trx: AnalysisDb, query: BorderCrossingsQuery) {
  let corridors = trx
    .selectFrom('corridors')
    .where('corridors.deletedAt', 'is', null)
    .select([
      'corridors.id',
      'corridors.name',
      'corridors.mode',
      asGeoJSON<CorridorGeometry>('corridors.geom').as('geometry'),
      sql<CountryCode[]>`ARRAY(SELECT k.code FROM countries k
        WHERE k.geom && corridors.geom AND ST_Intersects(k.geom, corridors.geom)
        ORDER BY k.code)`.as('countries'),
    ]);
  if (query.corridor) corridors = corridors.where('corridors.id', '=', query.corridor);
  if (query.mode) corridors = corridors.where('corridors.mode', '=', query.mode);
  return corridors.orderBy('corridors.name').orderBy('corridors.id').execute();
}

export async function borderCrossingsResult(trx: AnalysisDb, query: BorderCrossingsQuery) {
  const corridors = await corridorsWithCountries(trx, query);
  if (query.corridor && corridors.length === 0) throw notFound('corridor');
  const codes = [...new Set(corridors.flatMap((corridor) => corridor.countries))];
  const outlines =
    codes.length === 0
      ? []
      : await trx
          .selectFrom('countries')
          .select(['code', asGeoJSON<BoundaryGeometry>('geom').as('geometry')])
          .where('code', 'in', codes)
          .execute();
  const radiusM = kmToM(query.radiusKm);
  const features = [];
  for (const corridor of corridors) {
    if (corridor.countries.length < 2) continue;
    const candidates = outlines.filter((outline) => corridor.countries.includes(outline.code));
    for (const crossing of borderCrossings(corridor.geometry, candidates)) {
      const [nearest] = await nearestSites(
        trx,
        { line: 'enforcement', status: query.status },
        { origin: crossing.geometry.coordinates, k: 1, perProgram: false },
      );
      const distanceM = nearest?.properties.distanceM ?? null;
      features.push({
        type: 'Feature' as const,
        geometry: crossing.geometry,
        properties: {
          corridorId: corridor.id,
          corridorName: corridor.name,
          mode: corridor.mode,
          ...crossing.properties,
          guarded: distanceM !== null && distanceM <= radiusM,
          nearestSite: nearest
            ? siteRef(nearest.properties, nearest.properties.distanceM, nearest.geometry)
            : null,
        },
      });
    }
  }
  // Unguarded first, then the farthest from a site (no site at all counts as farthest).
  features.sort(
    (a, b) =>
      Number(a.properties.guarded) - Number(b.properties.guarded) ||
      (b.properties.nearestSite?.distanceM ?? Infinity) -
        (a.properties.nearestSite?.distanceM ?? Infinity) ||
      0,
  );
  return {
    counts: {
      crossings: features.length,
      unguarded: features.filter((feature) => !feature.properties.guarded).length,
    },
    crossings: { type: 'FeatureCollection', features },
  };
}
