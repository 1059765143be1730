import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { SiteCollection, SiteFeature, SiteProperties } from '../api/sites';

/** The centre of a polygon's bounding box: a marker position for a small area. */
function boundingBoxCentre(geometry: Polygon | MultiPolygon): Position {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of rings.flat()) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [(west + east) / 2, (south + north) / 2];
}

function markerFor(site: SiteFeature): Feature<Point, SiteProperties> | undefined {
  if (site.geometry.type === 'Point') return undefined;
  return {
    type: 'Feature',
    properties: site.properties,
    geometry: { type: 'Point', coordinates: boundingBoxCentre(site.geometry) },
  };
}

/**
 * The sites plus a point marker for every site mapped as an area. Site areas are often a few
 * hundred metres across, far below a pixel at the regional zoom: the marker keeps them visible
 * (and clickable) there, while the area itself shows once the user zooms in.
 */
export function withAreaMarkers(sites: SiteCollection): SiteCollection {
  const markers = sites.features.flatMap((site) => markerFor(site) ?? []);
  return { type: 'FeatureCollection', features: [...sites.features, ...markers] };
}
