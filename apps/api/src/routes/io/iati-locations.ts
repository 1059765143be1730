// An IATI activity's <location> elements as site drafts of its program: the name and
// description narratives, the point (`pos` is "latitude longitude"), the Atlas extension's
// GeographicalPrecision code (else 1 for an exact location, 2 otherwise) and, for a polygon
// site, its GeoJSON shape. The site schema still decides what is valid (iati-sites.ts).
import type { Geometry } from 'geojson';
import { attr, narrativeIn, node, str, type Node } from './iati-nodes';

export interface IatiSiteDraft {
  /** The location's @ref, or `<activity id>#location-<n>` when it has none. */
  externalId: string;
  /** 1-based position in the activity, for problems. */
  index: number;
  value: {
    name: string;
    precision: number;
    geometry: Geometry;
    description: string | null;
    illustrative: boolean;
  };
}

export interface LocationProblem {
  field: string;
  message: string;
}

function pointOf(location: Node): Geometry | undefined {
  const pos = str(node(location.point)?.pos).trim();
  if (!pos) return undefined;
  const [lat, lon, ...rest] = pos.split(/\s+/).map(Number);
  if (rest.length > 0 || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  return { type: 'Point', coordinates: [lon!, lat!] };
}

function shapeOf(location: Node): Geometry | undefined | 'invalid' {
  const text = str(location['atlas:geometry']).trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Geometry;
  } catch {
    return 'invalid';
  }
}

function precisionOf(location: Node): number {
  const own = str(location['@atlas:precision']);
  if (own) return Number(own);
  return attr(location.exactness, 'code') === '1' ? 1 : 2;
}

export function iatiLocationInputs(
  locations: readonly Node[],
  activityId: string,
): { sites: IatiSiteDraft[]; problems: LocationProblem[] } {
  const sites: IatiSiteDraft[] = [];
  const problems: LocationProblem[] = [];
  locations.forEach((location, offset) => {
    const index = offset + 1;
    const field = `location/${index}`;
    const shape = shapeOf(location);
    const geometry = shape === 'invalid' ? undefined : (shape ?? pointOf(location));
    if (shape === 'invalid') {
      problems.push({ field, message: 'atlas:geometry is not GeoJSON' });
      return;
    }
    if (!geometry) {
      problems.push({ field, message: 'the location has no point (pos "latitude longitude")' });
      return;
    }
    const description = narrativeIn(location.description, 'en');
    sites.push({
      externalId: str(location['@ref']).trim() || `${activityId}#location-${index}`,
      index,
      value: {
        name: narrativeIn(location.name, 'en') || `Location ${index}`,
        precision: precisionOf(location),
        geometry,
        description: description || null,
        illustrative: str(location['@atlas:illustrative']) === 'true',
      },
    });
  });
  return { sites, problems };
}
