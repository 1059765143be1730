// Hotspots: incident positions binned into H3 hexagonal cells, counted for a period and for the
// previous period of the same length, with the change between the two.
import { cellToBoundary, latLngToCell } from 'h3-js';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

/** The H3 resolutions the analysis accepts (3: ~12,000 km² cells … 8: ~0.7 km²). */
export const HEX_RESOLUTION_MIN = 3;
export const HEX_RESOLUTION_MAX = 8;

export interface HotspotCellProperties {
  /** The H3 cell index. */
  cell: string;
  count: number;
  previousCount: number;
  /** count − previousCount. */
  change: number;
  /** change / previousCount; null when there was nothing before. */
  changeRatio: number | null;
}

function countByCell(positions: readonly Position[], resolution: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [lon, lat] of positions) {
    const cell = latLngToCell(lat!, lon!, resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

/** Cells with incidents in either period, most incidents (then biggest rise) first. */
export function hotspotCells(
  current: readonly Position[],
  previous: readonly Position[],
  resolution: number,
): FeatureCollection<Polygon, HotspotCellProperties> {
  const now = countByCell(current, resolution);
  const before = countByCell(previous, resolution);
  const cells = new Set([...now.keys(), ...before.keys()]);
  const features = [...cells].map((cell): Feature<Polygon, HotspotCellProperties> => {
    const count = now.get(cell) ?? 0;
    const previousCount = before.get(cell) ?? 0;
    const change = count - previousCount;
    return {
      type: 'Feature',
      id: cell,
      geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell, true)] },
      properties: {
        cell,
        count,
        previousCount,
        change,
        changeRatio: previousCount > 0 ? change / previousCount : null,
      },
    };
  });
  features.sort(
    (a, b) =>
      b.properties.count - a.properties.count ||
      b.properties.change - a.properties.change ||
      a.properties.cell.localeCompare(b.properties.cell),
  );
  return { type: 'FeatureCollection', features };
}
