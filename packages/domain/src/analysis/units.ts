// Units of every analysis result. Distances are great-circle (geodesic on the sphere) with the
// mean Earth radius that Turf and PostGIS's `use_spheroid = false` share, so both agree.

/** Mean Earth radius in metres (IUGG), Turf's `earthRadius`. */
export const EARTH_RADIUS_M = 6371008.8;

/** The units block every analysis result carries. */
export const ANALYSIS_UNITS = Object.freeze({
  distance: 'm',
  length: 'm',
  area: 'm2',
  money: 'USD',
} as const);
export type AnalysisUnits = typeof ANALYSIS_UNITS;

/** Kilometres (as requests give them) to metres (as results state them). */
export function kmToM(km: number): number {
  return km * 1000;
}
