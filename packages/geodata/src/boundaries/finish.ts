import { booleanValid } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { countries } from '@atlas/domain';
import type {
  BoundaryGeometry,
  Boundaries,
  CountryFeature,
  DepartmentFeature,
  DepartmentProperties,
} from '../types';

const countryOrder = countries.map((country) => country.code as string);

function countryRank(code: string): number {
  const rank = countryOrder.indexOf(code);
  if (rank < 0) throw new Error(`unexpected country ${code}`);
  return rank;
}

/** Orders features and writes properties in the data model's field order. */
export function finishBoundaries(simplified: {
  departments: FeatureCollection<BoundaryGeometry>;
  countries: FeatureCollection<BoundaryGeometry>;
}): Boundaries {
  const departments: DepartmentFeature[] = simplified.departments.features.map((feature) => {
    const props = feature.properties as DepartmentProperties;
    return {
      type: 'Feature',
      properties: {
        code: props.code,
        country: props.country,
        name: props.name,
        nameEs: props.nameEs,
      },
      geometry: feature.geometry,
    };
  });
  departments.sort(
    (a, b) =>
      countryRank(a.properties.country) - countryRank(b.properties.country) ||
      a.properties.code.localeCompare(b.properties.code),
  );

  const countryFeatures: CountryFeature[] = simplified.countries.features.map((feature) => {
    const code = (feature.properties as { country: string }).country;
    const entry = countries.find((country) => country.code === code);
    if (!entry) throw new Error(`unexpected country ${code}`);
    return {
      type: 'Feature',
      properties: { code: entry.code, name: entry.en, nameEs: entry.es },
      geometry: feature.geometry,
    };
  });
  countryFeatures.sort((a, b) => countryRank(a.properties.code) - countryRank(b.properties.code));

  return {
    countries: { type: 'FeatureCollection', features: countryFeatures },
    departments: { type: 'FeatureCollection', features: departments },
  };
}

/** Codes of the features whose geometry is not valid (by Turf's OGC checks). */
export function invalidFeatures(collection: FeatureCollection<BoundaryGeometry>): string[] {
  return collection.features
    .filter((feature) => !booleanValid(feature))
    .map((feature) => String((feature.properties as { code?: unknown } | null)?.code));
}
