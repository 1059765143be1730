// Great-circle distance between two places (points or polygons): 0 when they touch or overlap,
// else the closest approach, found among the vertices of each against the other.
import { booleanIntersects, explode } from '@turf/turf';
import { distanceToPlaceM, type PlaceGeometry } from './site-distance';

export function placeDistanceM(a: PlaceGeometry, b: PlaceGeometry): number {
  if (a.type === 'Point') return distanceToPlaceM(a.coordinates, b);
  if (b.type === 'Point') return distanceToPlaceM(b.coordinates, a);
  if (booleanIntersects(a, b)) return 0;
  let best = Infinity;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const vertex of explode(from).features) {
      best = Math.min(best, distanceToPlaceM(vertex.geometry.coordinates, to));
    }
  }
  return best;
}
