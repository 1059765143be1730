// Which stretch of one corridor segment lies within a radius of a place. For a point this is
// exact spherical trigonometry (cross-track and along-track distances); for a polygon the
// segment is sampled and each change between in and out is refined by bisection, only where the
// polygon's bounding cap is within reach (elsewhere the polygon cannot be).
import { bearing, destination, distance } from '@turf/turf';
import type { Position } from 'geojson';
import { boundingCap } from './bounding-cap';
import type { MeasuredSegment } from './measured-line';
import { distanceToPlaceM, type PlaceGeometry } from './site-distance';
import { EARTH_RADIUS_M } from './units';

/** An interval [from, to] in metres. */
export type Interval = [number, number];

const RAD = Math.PI / 180;
/** Bisection stops when the bracket is this short (metres). */
const REFINE_M = 0.25;
/** Polygon sampling step: a fraction of the radius, never more than this (metres). */
const MAX_STEP_M = 1000;

function clampUnit(value: number): number {
  return Math.min(1, Math.max(-1, value));
}

/** Cross-track and along-track distances (radians) of `p` from the great circle a→b. */
export function crossAndAlong(
  segment: MeasuredSegment,
  p: Position,
): { crossTrack: number; alongTrack: number } {
  const d13 = distance(segment.from, p, { units: 'radians' });
  const theta = (bearing(segment.from, p) - bearing(segment.from, segment.to)) * RAD;
  const crossTrack = Math.asin(clampUnit(Math.sin(d13) * Math.sin(theta)));
  const along = Math.acos(clampUnit(Math.cos(d13) / Math.cos(crossTrack)));
  return { crossTrack, alongTrack: Math.cos(theta) < 0 ? -along : along };
}

/** The position `m` metres along the segment. */
export function positionAlong(segment: MeasuredSegment, m: number): Position {
  if (m <= 0 || segment.lengthM === 0) return segment.from;
  if (m >= segment.lengthM) return segment.to;
  const heading = bearing(segment.from, segment.to);
  return destination(segment.from, m, heading, { units: 'meters' }).geometry.coordinates;
}

function pointReach(segment: MeasuredSegment, p: Position, radiusM: number): Interval[] {
  if (segment.lengthM === 0) return [];
  const { crossTrack, alongTrack } = crossAndAlong(segment, p);
  const reach = radiusM / EARTH_RADIUS_M;
  if (Math.abs(crossTrack) > reach) return [];
  const halfWidth = Math.acos(clampUnit(Math.cos(reach) / Math.cos(crossTrack)));
  const from = Math.max(0, (alongTrack - halfWidth) * EARTH_RADIUS_M);
  const to = Math.min(segment.lengthM, (alongTrack + halfWidth) * EARTH_RADIUS_M);
  return from < to ? [[from, to]] : [];
}

function polygonReach(segment: MeasuredSegment, place: PlaceGeometry, radiusM: number): Interval[] {
  const cap = boundingCap(place);
  const [window] = pointReach(segment, cap.centre, radiusM + cap.radiusM);
  if (!window) return [];
  const [startM, endM] = window;
  const inside = (m: number) => distanceToPlaceM(positionAlong(segment, m), place) <= radiusM;
  const edge = (outM: number, inM: number) => {
    let [out, inn] = [outM, inM];
    while (Math.abs(inn - out) > REFINE_M) {
      const mid = (out + inn) / 2;
      if (inside(mid)) inn = mid;
      else out = mid;
    }
    return inn;
  };
  const steps = Math.max(1, Math.ceil((endM - startM) / Math.min(radiusM / 8, MAX_STEP_M)));
  const intervals: Interval[] = [];
  let previousM = startM;
  let previousIn = inside(startM);
  let openedAt: number | null = previousIn ? startM : null;
  for (let i = 1; i <= steps; i += 1) {
    const m = startM + ((endM - startM) * i) / steps;
    const isIn = inside(m);
    if (isIn && !previousIn) openedAt = edge(previousM, m);
    if (!isIn && previousIn && openedAt !== null) {
      intervals.push([openedAt, edge(m, previousM)]);
      openedAt = null;
    }
    previousM = m;
    previousIn = isIn;
  }
  if (openedAt !== null) intervals.push([openedAt, endM]);
  return intervals.filter(([from, to]) => to > from);
}

/** The stretches of the segment (metres from its start) within `radiusM` of the place. */
export function reachAlongSegment(
  segment: MeasuredSegment,
  place: PlaceGeometry,
  radiusM: number,
): Interval[] {
  return place.type === 'Point'
    ? pointReach(segment, place.coordinates, radiusM)
    : polygonReach(segment, place, radiusM);
}
