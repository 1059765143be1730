import { pointOnFeature } from '@turf/turf';
import type { Point, Polygon, Position } from 'geojson';
import type { CountryCode, GeoPrecision } from '@atlas/domain';
import type { Locator } from '../geo/locator';
import type { Boundaries, SampleSite } from '../types';
import { offset, roundPosition, smallCircle } from './geometry';
import { capitalOf, townsOf, type Town } from './places';
import type { ProgramPlan } from './program-plan';
import { Random, stableId } from './prng';

export interface SiteContext {
  seed: string;
  towns: readonly Town[];
  boundaries: Boundaries;
  locator: Locator;
}

interface Placement {
  name: string;
  precision: GeoPrecision;
  geometry: Point | Polygon;
}

const point = (coordinates: Position): Point => ({ type: 'Point', coordinates });

/**
 * Places a program's sites at real towns of its countries, with an IATI precision that matches
 * the geometry: exact facilities (1), points near a town (2), a municipality seat (3), a
 * department as a whole (4, a point inside the department), a capital (8) and small polygons.
 */
export function createSiteGenerator(context: SiteContext) {
  const random = Random.stream(context.seed, 'sites');
  const { towns, locator, boundaries } = context;
  const departmentByCode = new Map(
    boundaries.departments.features.map((feature) => [feature.properties.code, feature]),
  );

  const inCountry = (position: Position, country: CountryCode) =>
    locator.locate(position)?.country === country;

  /** A point `minKm`…`maxKm` from the town, still inside its country (or the town itself). */
  const near = (town: Town, minKm: number, maxKm: number): Position => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const candidate = offset(random, town.position, minKm, maxKm);
      if (inCountry(candidate, town.country)) return candidate;
    }
    return town.position;
  };

  const chooseTown = (plan: ProgramPlan): Town => {
    const country = random.pick(plan.countries);
    const focus = plan.template.focusDepartments ?? [];
    return random.weighted(
      townsOf(towns, country),
      (town) => Math.sqrt(town.population) * (focus.includes(town.department) ? 6 : 1),
    );
  };

  const place = (plan: ProgramPlan, town: Town): Placement => {
    const kind = random.pick(plan.template.siteKinds).en;
    const draw = random.float();
    if (draw < 0.3) {
      return { name: `${kind}, ${town.name}`, precision: 1, geometry: point(near(town, 0, 0.8)) };
    }
    if (draw < 0.5) {
      return {
        name: `${kind} near ${town.name}`,
        precision: 2,
        geometry: point(near(town, 2, 10)),
      };
    }
    if (draw < 0.65) {
      const polygon = smallCircle(near(town, 0, 1), random.float(0.3, 2));
      const inside = polygon.coordinates[0]!.every((vertex) => inCountry(vertex, town.country));
      if (inside) return { name: `${kind} grounds, ${town.name}`, precision: 1, geometry: polygon };
      return { name: `${kind}, ${town.name}`, precision: 1, geometry: point(town.position) };
    }
    if (draw < 0.77) {
      const department = departmentByCode.get(town.department)!;
      const inside = roundPosition(pointOnFeature(department).geometry.coordinates);
      return {
        name: `Department-wide activities, ${department.properties.name}`,
        precision: 4,
        geometry: point(inCountry(inside, town.country) ? inside : town.position),
      };
    }
    if (draw < 0.87) {
      const capital = capitalOf(towns, town.country);
      return { name: `${kind}, ${capital.name}`, precision: 8, geometry: point(capital.position) };
    }
    return {
      name: `${kind}, ${town.name} municipality`,
      precision: 3,
      geometry: point(town.position),
    };
  };

  return (plan: ProgramPlan, programId: string): SampleSite[] => {
    const count = random.int(3, 5);
    const sites: SampleSite[] = [];
    for (let index = 0; index < count; index += 1) {
      const placement = place(plan, chooseTown(plan));
      sites.push({
        id: stableId(`site:${programId}:${index}`),
        ...placement,
        description: `Illustrative site of program ${plan.code}.`,
        illustrative: true,
      });
    }
    return sites;
  };
}
