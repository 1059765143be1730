// A corridor measured along its length: every segment with its start (metres from the first
// vertex, MultiLineString parts one after the other) and great-circle length.
import { distance } from '@turf/turf';
import type { LineString, MultiLineString, Position } from 'geojson';

export interface MeasuredSegment {
  from: Position;
  to: Position;
  /** Metres from the corridor's start to `from`. */
  startM: number;
  lengthM: number;
}

export interface MeasuredPart {
  coordinates: Position[];
  startM: number;
  lengthM: number;
  segments: MeasuredSegment[];
}

export interface MeasuredLine {
  parts: MeasuredPart[];
  lengthM: number;
}

export function measureLine(geometry: LineString | MultiLineString): MeasuredLine {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const parts: MeasuredPart[] = [];
  let offset = 0;
  for (const coordinates of lines) {
    const segments: MeasuredSegment[] = [];
    const startM = offset;
    for (let i = 1; i < coordinates.length; i += 1) {
      const from = coordinates[i - 1]!;
      const to = coordinates[i]!;
      const lengthM = distance(from, to, { units: 'meters' });
      segments.push({ from, to, startM: offset, lengthM });
      offset += lengthM;
    }
    parts.push({ coordinates, startM, lengthM: offset - startM, segments });
  }
  return { parts, lengthM: offset };
}
