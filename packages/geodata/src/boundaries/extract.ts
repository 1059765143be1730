import type { FeatureCollection, Geometry } from 'geojson';
import { countries } from '@atlas/domain';
import type { BoundaryGeometry, DepartmentCollection, DepartmentFeature } from '../types';
import { departmentNameOverrides } from './names';

/** The US states on the Southwest border: the only part of the US the atlas draws. */
export const usBorderStates = ['US-AZ', 'US-CA', 'US-NM', 'US-TX'] as const;

/** Countries drawn with all their first-level divisions: the seven CARSI members and Mexico. */
export const wholeCountries = countries.filter((c) => c.code !== 'US').map((c) => c.code);

/** The Natural Earth admin-1 properties this package reads. */
interface Admin1Properties {
  iso_a2: string;
  iso_3166_2: string;
  name_en?: string;
  name_es?: string;
  name?: string;
}

function isWanted(props: Admin1Properties): boolean {
  // Codes ending in `~` are Natural Earth placeholders (minor islands without an ISO code).
  if (props.iso_3166_2.endsWith('~')) return false;
  if ((wholeCountries as readonly string[]).includes(props.iso_a2)) return true;
  return (usBorderStates as readonly string[]).includes(props.iso_3166_2);
}

function isArea(geometry: Geometry | null): geometry is BoundaryGeometry {
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/** Picks the region's first-level divisions from Natural Earth admin-1 and names them. */
export function extractDepartments(
  admin1: FeatureCollection<Geometry | null, Admin1Properties>,
): DepartmentCollection {
  const features: DepartmentFeature[] = [];
  for (const feature of admin1.features) {
    const props = feature.properties;
    if (!isWanted(props) || !isArea(feature.geometry)) continue;
    const override = departmentNameOverrides[props.iso_3166_2] ?? {};
    const name = override.name ?? props.name_en ?? props.name ?? props.iso_3166_2;
    features.push({
      type: 'Feature',
      properties: {
        code: props.iso_3166_2,
        country: props.iso_a2 as DepartmentFeature['properties']['country'],
        name,
        nameEs: override.nameEs ?? props.name_es ?? name,
      },
      geometry: feature.geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}
