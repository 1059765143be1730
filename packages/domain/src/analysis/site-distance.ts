// Great-circle distance from a position to a site or community (a point, or a polygon whose
// inside is at distance 0).
import { distance, pointToPolygonDistance } from '@turf/turf';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';

export type PlaceGeometry = Point | Polygon | MultiPolygon;

/** Metres from `position` to the geometry (0 inside a polygon). */
export function distanceToPlaceM(position: Position, geometry: PlaceGeometry): number {
  if (geometry.type === 'Point')
    return distance(position, geometry.coordinates, { units: 'meters' });
  // Negative inside the polygon.
  return Math.max(0, pointToPolygonDistance(position, geometry, { units: 'meters' }));
}
