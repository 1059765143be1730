// The smallest-effort bound on where a place lies: a spherical cap (a centre and a radius) that
// holds every point of it. Distances to the cap bound distances to the place from below, so an
// analysis can skip exact (and costly) polygon measurements that cannot matter.
import { bbox, distance } from '@turf/turf';
import type { Position } from 'geojson';
import type { PlaceGeometry } from './site-distance';

export interface BoundingCap {
  centre: Position;
  /** Every point of the place is within this many metres of the centre. */
  radiusM: number;
}

/** Slack for edges drawn as straight lon/lat lines rather than great circles (metres and share). */
const SLACK_M = 1;
const SLACK_SHARE = 0.01;

const caps = new WeakMap<PlaceGeometry, BoundingCap>();

function vertices(geometry: PlaceGeometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

/** The place's cap: its box's centre and its farthest vertex (remembered per geometry object). */
export function boundingCap(geometry: PlaceGeometry): BoundingCap {
  if (geometry.type === 'Point') return { centre: geometry.coordinates, radiusM: 0 };
  let cap = caps.get(geometry);
  if (!cap) {
    const [west, south, east, north] = bbox(geometry);
    const centre = [(west + east) / 2, (south + north) / 2];
    let farthest = 0;
    for (const vertex of vertices(geometry)) {
      farthest = Math.max(farthest, distance(centre, vertex, { units: 'meters' }));
    }
    cap = { centre, radiusM: farthest * (1 + SLACK_SHARE) + SLACK_M };
    caps.set(geometry, cap);
  }
  return cap;
}

/** A distance in metres the two places are certainly not closer than (exact for two points). */
export function placeDistanceLowerBoundM(a: PlaceGeometry, b: PlaceGeometry): number {
  const capA = boundingCap(a);
  const capB = boundingCap(b);
  const centres = distance(capA.centre, capB.centre, { units: 'meters' });
  return Math.max(0, centres - capA.radiusM - capB.radiusM);
}
