import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { BBox, Position } from 'geojson';
import type { CountryCode } from '@atlas/domain';
import type { Boundaries, DepartmentFeature } from '../types';

export interface Location {
  country: CountryCode;
  department: string;
}

export interface Locator {
  /** The department (and so country) containing the position, or null at sea / outside. */
  locate(position: Position): Location | null;
}

interface IndexedDepartment {
  box: BBox;
  feature: DepartmentFeature;
}

function inBox([lon, lat]: Position, box: BBox): boolean {
  return lon! >= box[0] && lon! <= box[2] && lat! >= box[1] && lat! <= box[3];
}

/**
 * Point-in-polygon against the department boundaries (countries are their union, so the
 * department also gives the country). Bounding boxes skip most polygons cheaply.
 */
export function createLocator(boundaries: Pick<Boundaries, 'departments'>): Locator {
  const departments: IndexedDepartment[] = boundaries.departments.features.map((feature) => ({
    box: bbox(feature),
    feature,
  }));
  return {
    locate(position) {
      for (const { box, feature } of departments) {
        if (inBox(position, box) && booleanPointInPolygon(position, feature)) {
          return { country: feature.properties.country, department: feature.properties.code };
        }
      }
      return null;
    },
  };
}
