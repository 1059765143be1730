// Nearest: the k nearest sites, or programs by their nearest site, to a point.
import { kmToM } from '@atlas/domain';
import { nearestSites } from './nearest-sites';
import type { AnalysisDb } from './run';
import type { NearestQuerySchema } from './schemas';

export async function nearestResult(trx: AnalysisDb, query: NearestQuerySchema) {
  const ranked = await nearestSites(
    trx,
    { line: query.line, status: query.status },
    {
      origin: [query.lon, query.lat],
      k: query.k,
      perProgram: query.of === 'programs',
      maxDistanceM: query.maxDistanceKm === undefined ? undefined : kmToM(query.maxDistanceKm),
    },
  );
  return {
    origin: { type: 'Point', coordinates: [query.lon, query.lat] },
    results: {
      type: 'FeatureCollection',
      features: ranked.map((feature) => ({ ...feature, id: feature.properties.siteId })),
    },
  };
}
