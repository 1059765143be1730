// How close a place comes to a corridor, and where along the corridor that is.
import { booleanPointInPolygon, distance, explode, lineIntersect, polygonToLine } from '@turf/turf';
import type { Position } from 'geojson';
import type { MeasuredLine } from './measured-line';
import { crossAndAlong } from './segment-reach';
import { distanceToPlaceM, type PlaceGeometry } from './site-distance';
import { EARTH_RADIUS_M } from './units';

export interface ClosestOnLine {
  /** Metres from the place to the corridor (0 where they touch). */
  distanceM: number;
  /** Metres along the corridor to the closest position. */
  alongM: number;
}

function closestToPoint(line: MeasuredLine, p: Position): ClosestOnLine {
  let best: ClosestOnLine = { distanceM: Infinity, alongM: 0 };
  const consider = (distanceM: number, alongM: number) => {
    if (distanceM < best.distanceM) best = { distanceM, alongM };
  };
  for (const part of line.parts) {
    for (const segment of part.segments) {
      consider(distance(segment.from, p, { units: 'meters' }), segment.startM);
      consider(distance(segment.to, p, { units: 'meters' }), segment.startM + segment.lengthM);
      if (segment.lengthM === 0) continue;
      const { crossTrack, alongTrack } = crossAndAlong(segment, p);
      const alongM = alongTrack * EARTH_RADIUS_M;
      if (alongM > 0 && alongM < segment.lengthM) {
        consider(Math.abs(crossTrack) * EARTH_RADIUS_M, segment.startM + alongM);
      }
    }
  }
  return best;
}

/**
 * Closest approach of a point or polygon to the line. For a polygon the minimum is found among
 * its vertices, the line's vertices and the crossings of the two (where it is 0).
 */
export function closestOnLine(line: MeasuredLine, place: PlaceGeometry): ClosestOnLine {
  if (place.type === 'Point') return closestToPoint(line, place.coordinates);
  let best: ClosestOnLine = { distanceM: Infinity, alongM: 0 };
  for (const part of line.parts) {
    for (const segment of part.segments) {
      for (const [position, alongM] of [
        [segment.from, segment.startM],
        [segment.to, segment.startM + segment.lengthM],
      ] as const) {
        const distanceM = booleanPointInPolygon(position, place)
          ? 0
          : distanceToPlaceM(position, place);
        if (distanceM < best.distanceM) best = { distanceM, alongM };
      }
    }
  }
  const outline = polygonToLine(place);
  const outlines = outline.type === 'FeatureCollection' ? outline.features : [outline];
  for (const part of line.parts) {
    if (part.coordinates.length < 2) continue;
    for (const ring of outlines) {
      for (const crossing of lineIntersect(
        { type: 'LineString', coordinates: part.coordinates },
        ring,
      ).features) {
        const onLine = closestToPoint(line, crossing.geometry.coordinates);
        if (best.distanceM > 0 || onLine.alongM < best.alongM) best = { ...onLine, distanceM: 0 };
      }
    }
  }
  for (const vertex of explode(place).features) {
    const onLine = closestToPoint(line, vertex.geometry.coordinates);
    if (onLine.distanceM < best.distanceM) best = onLine;
  }
  return best;
}
