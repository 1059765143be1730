// Where a corridor crosses a national border: the points where its line meets the outlines of two
// different countries (a coastline, met by one country only, is not a border crossing).
import { distance, lineIntersect, polygonToLine } from '@turf/turf';
import type {
  Feature,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { closestOnLine } from './closest-on-line';
import { measureLine } from './measured-line';

export interface CountryOutline {
  code: string;
  geometry: Polygon | MultiPolygon;
}

export interface BorderCrossingProperties {
  /** The two countries, alphabetical. */
  countries: [string, string];
  /** Metres along the corridor. */
  alongM: number;
}

/** Two outline points closer than this (metres) are the same point of a shared border. */
const SAME_POINT_M = 1;

interface Meeting {
  position: Position;
  codes: Set<string>;
}

export function borderCrossings(
  corridor: LineString | MultiLineString,
  countries: readonly CountryOutline[],
): Feature<Point, BorderCrossingProperties>[] {
  const meetings: Meeting[] = [];
  for (const country of countries) {
    const outline = polygonToLine(country.geometry);
    const rings = outline.type === 'FeatureCollection' ? outline.features : [outline];
    for (const ring of rings) {
      for (const point of lineIntersect(corridor, ring).features) {
        const position = point.geometry.coordinates;
        const same = meetings.find(
          (meeting) => distance(meeting.position, position, { units: 'meters' }) < SAME_POINT_M,
        );
        if (same) same.codes.add(country.code);
        else meetings.push({ position, codes: new Set([country.code]) });
      }
    }
  }
  const line = measureLine(corridor);
  return meetings
    .filter((meeting) => meeting.codes.size >= 2)
    .map((meeting): Feature<Point, BorderCrossingProperties> => {
      const [first, second] = [...meeting.codes].sort();
      const { alongM } = closestOnLine(line, { type: 'Point', coordinates: meeting.position });
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: meeting.position },
        properties: { countries: [first!, second!], alongM },
      };
    })
    .sort((a, b) => a.properties.alongM - b.properties.alongM);
}
