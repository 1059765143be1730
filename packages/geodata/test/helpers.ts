import type { Position } from 'geojson';
import { createLocator, loadBoundaries } from '../src';
import type { SampleSite } from '../src';

export const locator = createLocator(loadBoundaries());

/** The positions that must lie inside a country: a point, or every polygon vertex. */
export function positionsToCheck(geometry: SampleSite['geometry']): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor === value;
}
