// The k nearest places (sites, communities…) to a point, by great-circle distance; optionally one
// per group (e.g. the nearest site of each program) and only within a distance.
import type { Feature, Position } from 'geojson';
import { distanceToPlaceM, type PlaceGeometry } from './site-distance';

export interface NearestOptions<P> {
  k: number;
  /** Leave out places farther than this (metres). */
  maxDistanceM?: number;
  /** Keep only the nearest place of each group. */
  groupBy?: (properties: P) => string;
}

export type RankedPlace<P> = Feature<PlaceGeometry, P & { rank: number; distanceM: number }>;

export function nearestPlaces<P extends object>(
  origin: Position,
  places: readonly { geometry: PlaceGeometry; properties: P }[],
  { k, maxDistanceM = Infinity, groupBy }: NearestOptions<P>,
): RankedPlace<P>[] {
  const measured = places
    .map((place) => ({ place, distanceM: distanceToPlaceM(origin, place.geometry) }))
    .filter(({ distanceM }) => distanceM <= maxDistanceM)
    .sort((a, b) => a.distanceM - b.distanceM);
  const seen = new Set<string>();
  const chosen: RankedPlace<P>[] = [];
  for (const { place, distanceM } of measured) {
    if (chosen.length >= k) break;
    if (groupBy) {
      const group = groupBy(place.properties);
      if (seen.has(group)) continue;
      seen.add(group);
    }
    chosen.push({
      type: 'Feature',
      geometry: place.geometry,
      properties: { ...place.properties, rank: chosen.length + 1, distanceM },
    });
  }
  return chosen;
}
