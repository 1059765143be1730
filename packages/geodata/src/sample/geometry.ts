import { circle, destination } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { roundCoordinate } from '../json-format';
import type { Random } from './prng';

export function roundPosition(position: Position): Position {
  return [roundCoordinate(position[0]!), roundCoordinate(position[1]!)];
}

/** A point at a random bearing and a distance of `minKm`…`maxKm` from `position`. */
export function offset(random: Random, position: Position, minKm: number, maxKm: number): Position {
  const distance = random.float(minKm, maxKm);
  const bearing = random.float(-180, 180);
  const moved = destination(position, distance, bearing, { units: 'kilometers' });
  return roundPosition(moved.geometry.coordinates);
}

/** A point scattered around `position` with a normal spread of `sdKm`. */
export function scatter(random: Random, position: Position, sdKm: number): Position {
  return offset(random, position, 0, Math.abs(random.normal(0, sdKm)));
}

/** A small round polygon (a compound, a neighbourhood) with rounded, closed coordinates. */
export function smallCircle(center: Position, radiusKm: number, steps = 12): Polygon {
  const ring = circle(center, radiusKm, { steps, units: 'kilometers' }).geometry.coordinates[0]!;
  const rounded = ring.map(roundPosition);
  rounded[rounded.length - 1] = rounded[0]!;
  return { type: 'Polygon', coordinates: [rounded] };
}
