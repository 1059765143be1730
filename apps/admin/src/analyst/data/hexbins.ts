// Incidents counted in hexagonal cells, for the hexagon-bin layer. Cells are regular hexagons in
// longitude/latitude (flat-top, axial coordinates): at the scale of the region (7°–34° N) a
// cell's area varies by under 20 %, and the counts stay exact.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

export interface HexCellProperties {
  id: string;
  count: number;
}

const SQRT3 = Math.sqrt(3);

/** The axial cell (q, r) containing a point, for hexagons of the given radius in degrees. */
export function cellOf([lng, lat]: Position, radius: number): [number, number] {
  const x = lng! / radius;
  const y = lat! / radius;
  const q = (2 / 3) * x;
  const r = (-1 / 3) * x + (SQRT3 / 3) * y;
  // Cube rounding: round each coordinate, then fix the one with the largest rounding error.
  const s = -q - r;
  let [rq, rr] = [Math.round(q), Math.round(r)];
  const rs = Math.round(s);
  const [dq, dr, ds] = [Math.abs(rq - q), Math.abs(rr - r), Math.abs(rs - s)];
  if (dq > dr && dq > ds) rq = -rr - rs;
  else if (dr > ds) rr = -rq - rs;
  return [rq + 0, rr + 0];
}

function hexagon(q: number, r: number, radius: number): Position[] {
  const cx = radius * 1.5 * q;
  const cy = radius * SQRT3 * (r + q / 2);
  const ring: Position[] = [];
  for (let i = 0; i <= 6; i += 1) {
    const angle = (Math.PI / 3) * (i % 6);
    ring.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return ring;
}

/** Count the points per cell; cells without points are left out. */
export function hexBins(
  points: readonly Position[],
  radius: number,
): FeatureCollection<Polygon, HexCellProperties> {
  const counts = new Map<string, number>();
  for (const point of points) {
    const key = cellOf(point, radius).join(':');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const features: Feature<Polygon, HexCellProperties>[] = [...counts].map(([key, count]) => {
    const [q, r] = key.split(':').map(Number) as [number, number];
    return {
      type: 'Feature',
      properties: { id: key, count },
      geometry: { type: 'Polygon', coordinates: [hexagon(q, r, radius)] },
    };
  });
  return { type: 'FeatureCollection', features };
}
