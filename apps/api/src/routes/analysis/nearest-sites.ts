// The exact k nearest sites (or programs, by their nearest site) to a point. The index's KNN
// order is planar, so its first candidates only bound the answer: every site within the k-th
// candidate's great-circle distance is then fetched (ST_DWithin) and ranked by Turf.
import { nearestPlaces, type RankedPlace } from '@atlas/domain';
import type { Position } from 'geojson';
import type { AnalysisDb } from './run';
import { sitesByKnn, sitesNear, type SiteFilters, type SiteRef } from './site-candidates';
import { pointGeom } from './sql';

export interface NearestQuery {
  origin: Position;
  k: number;
  /** One result per program (its nearest site) instead of per site. */
  perProgram: boolean;
  maxDistanceM?: number | undefined;
}

/** Slack so a site exactly at the bounding distance is not lost to rounding (metres). */
const SLACK_M = 0.01;

export async function nearestSites(
  trx: AnalysisDb,
  filters: SiteFilters,
  query: NearestQuery,
): Promise<RankedPlace<SiteRef>[]> {
  const [lon, lat] = query.origin as [number, number];
  const origin = pointGeom(lon, lat);
  const options = {
    k: query.k,
    ...(query.maxDistanceM === undefined ? {} : { maxDistanceM: query.maxDistanceM }),
    ...(query.perProgram ? { groupBy: (site: SiteRef) => site.programId } : {}),
  };
  const limit = query.perProgram ? query.k * 4 + 16 : query.k + 8;
  const first = await sitesByKnn(trx, filters, origin, limit);
  const ranked = nearestPlaces(query.origin, first, options);
  let bound: number | null;
  if (ranked.length === query.k) bound = ranked[ranked.length - 1]!.properties.distanceM;
  else if (first.length < limit)
    return ranked; // every matching site was a candidate
  else bound = query.maxDistanceM ?? null;
  const all = await sitesNear(
    trx,
    filters,
    bound === null ? null : { near: { geometry: origin, metres: bound + SLACK_M } },
  );
  return nearestPlaces(query.origin, all, options);
}
