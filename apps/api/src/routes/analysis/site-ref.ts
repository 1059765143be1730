// How a result names a nearby site: who it is, how far, and a position to draw a line to.
import type { PlaceGeometry } from '@atlas/domain';
import type { SiteRef } from './site-candidates';

/** The site's point, or the mean of a polygon's outer-ring vertices. */
export function representativePoint(geometry: PlaceGeometry): number[] {
  if (geometry.type === 'Point') return geometry.coordinates;
  const ring =
    geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
  const body = ring.slice(0, -1);
  return [0, 1].map(
    (axis) => body.reduce((sum, position) => sum + position[axis]!, 0) / body.length,
  );
}

export function siteRef(site: SiteRef, distanceM: number, geometry: PlaceGeometry) {
  return {
    siteId: site.siteId,
    name: site.name,
    programId: site.programId,
    programCode: site.programCode,
    distanceM,
    coordinates: representativePoint(geometry),
  };
}
