// One label point per country or department. Labelling the boundary polygons themselves makes
// MapLibre repeat a name in every tile piece of a polygon (four "Panama"s at the regional zoom);
// a point per feature — the pole of inaccessibility of its largest part, so the name sits well
// inside an S-shaped country like Panama — is drawn once.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

type Area = Polygon | MultiPolygon;

/** Planar area of a ring in square degrees (enough to tell a country's main part). */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j]!;
    const [x2 = 0, y2 = 0] = ring[i]!;
    sum += (x1 - x2) * (y1 + y2);
  }
  return Math.abs(sum / 2);
}

function largestPart(geometry: Area): Position[][] | undefined {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const part of parts) {
    const area = part[0] ? ringArea(part[0]) : 0;
    if (area > bestArea) [best, bestArea] = [part, area];
  }
  return best;
}

/** ~1 km: finer does not move a label visibly at the zooms where names show. */
const PRECISION_DEGREES = 0.01;

export function labelPoints<P>(
  areas: FeatureCollection<Area | null, P>,
): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = [];
  for (const feature of areas.features) {
    const part = feature.geometry ? largestPart(feature.geometry) : undefined;
    if (!part) continue;
    const [lng, lat] = polylabel(part, PRECISION_DEGREES);
    features.push({
      type: 'Feature',
      id: feature.id,
      properties: feature.properties,
      geometry: { type: 'Point', coordinates: [lng, lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}
