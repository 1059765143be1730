// Corridor coverage: the share of a corridor's length within a radius of at least one site, the
// covered and uncovered stretches, and the covering sites with their distance and position.
import { lineSliceAlong } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { closestOnLine } from './closest-on-line';
import { complementIntervals, intervalsLength, mergeIntervals } from './intervals';
import { measureLine, type MeasuredLine } from './measured-line';
import { reachAlongSegment, type Interval } from './segment-reach';
import type { PlaceGeometry } from './site-distance';

/** A site (or any place) that may cover the corridor; `properties` are passed through. */
export interface CoveringPlace<P> {
  geometry: PlaceGeometry;
  properties: P;
}

export interface StretchProperties {
  fromM: number;
  toM: number;
  lengthM: number;
}

export interface CorridorCoverage<P> {
  lengthM: number;
  coveredM: number;
  uncoveredM: number;
  /** coveredM / lengthM (0 for a corridor of no length). */
  coveredShare: number;
  covered: FeatureCollection<LineString, StretchProperties>;
  uncovered: FeatureCollection<LineString, StretchProperties>;
  /** The places within the radius, nearest position along the corridor first. */
  sites: Feature<PlaceGeometry, P & { distanceM: number; alongM: number }>[];
}

function stretches(
  line: MeasuredLine,
  intervals: readonly Interval[],
): FeatureCollection<LineString, StretchProperties> {
  const features: Feature<LineString, StretchProperties>[] = [];
  for (const part of line.parts) {
    const partEnd = part.startM + part.lengthM;
    for (const [fromM, toM] of intervals) {
      const from = Math.max(fromM, part.startM);
      const to = Math.min(toM, partEnd);
      if (to <= from) continue;
      const slice = lineSliceAlong(
        { type: 'LineString', coordinates: part.coordinates },
        from - part.startM,
        to - part.startM,
        { units: 'meters' },
      );
      features.push({
        type: 'Feature',
        geometry: slice.geometry,
        properties: { fromM: from, toM: to, lengthM: to - from },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

export function corridorCoverage<P extends object>(
  corridor: LineString | MultiLineString,
  places: readonly CoveringPlace<P>[],
  radiusM: number,
): CorridorCoverage<P> {
  const line = measureLine(corridor);
  const reached: Interval[] = [];
  const sites: CorridorCoverage<P>['sites'] = [];
  for (const place of places) {
    const closest = closestOnLine(line, place.geometry);
    if (closest.distanceM > radiusM) continue;
    sites.push({
      type: 'Feature',
      geometry: place.geometry,
      properties: { ...place.properties, distanceM: closest.distanceM, alongM: closest.alongM },
    });
    for (const part of line.parts) {
      for (const segment of part.segments) {
        for (const [from, to] of reachAlongSegment(segment, place.geometry, radiusM)) {
          reached.push([segment.startM + from, segment.startM + to]);
        }
      }
    }
  }
  const covered = mergeIntervals(reached);
  const uncovered = line.parts.flatMap((part) =>
    complementIntervals(covered, part.startM, part.startM + part.lengthM),
  );
  const coveredM = intervalsLength(covered);
  sites.sort((a, b) => a.properties.alongM - b.properties.alongM);
  return {
    lengthM: line.lengthM,
    coveredM,
    uncoveredM: Math.max(0, line.lengthM - coveredM),
    coveredShare: line.lengthM > 0 ? coveredM / line.lengthM : 0,
    covered: stretches(line, covered),
    uncovered: stretches(line, uncovered),
    sites,
  };
}
