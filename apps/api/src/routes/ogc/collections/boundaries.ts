// Countries and departments: read-only, public, identified by their code.
import { asGeoJSON, type Database } from '@atlas/db';
import { codesOf, countries, type BoundaryGeometry, type CountryCode } from '@atlas/domain';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { codeFilter } from '../../../lib/query';
import type { LayerSource } from '../../../registry';
import { defineCollection, type OgcCollection } from '../collection';
import type { Queryables } from '../cql2';

/** ~0.1 m: enough for administrative outlines (as /api/v1/boundaries answers them). */
const DECIMAL_DIGITS = 6;

interface BoundaryRow {
  code: string;
  name: string;
  nameEs: string;
  country?: CountryCode;
  geometry: BoundaryGeometry;
}

const countrySource: LayerSource<'countries', BoundaryRow, object, BoundaryRow> = {
  from: (db) => db.selectFrom('countries'),
  select: (db) =>
    db
      .selectFrom('countries')
      .select([
        'countries.code',
        'countries.name',
        'countries.nameEs',
        asGeoJSON<BoundaryGeometry>('countries.geom', DECIMAL_DIGITS).as('geometry'),
      ]),
  conditions: () => [],
  record: (row) => row,
};

const departmentSource: LayerSource<
  'departments',
  BoundaryRow,
  { country?: CountryCode },
  BoundaryRow
> = {
  from: (db) => db.selectFrom('departments'),
  select: (db) =>
    db
      .selectFrom('departments')
      .select([
        'departments.code',
        'departments.country',
        'departments.name',
        'departments.nameEs',
        asGeoJSON<BoundaryGeometry>('departments.geom', DECIMAL_DIGITS).as('geometry'),
      ]),
  conditions: (filters) =>
    filters.country ? [sql<SqlBool>`${sql.ref('departments.country')} = ${filters.country}`] : [],
  record: (row) => row,
};

const boundaryFeature = ({ geometry, ...properties }: BoundaryRow) => ({
  type: 'Feature' as const,
  id: properties.code,
  geometry,
  properties,
});

export function boundaryCollections(_db: Kysely<Database>): OgcCollection[] {
  const queryables = (table: string): Queryables => ({
    geometry: {
      type: 'geometry',
      column: `${table}.geom`,
      description: 'Outline',
      format: 'geometry-multipolygon',
    },
    code: { type: 'string', column: `${table}.code`, description: 'Code' },
    name: { type: 'string', column: `${table}.name`, description: 'Name (English)' },
    nameEs: { type: 'string', column: `${table}.nameEs`, description: 'Name (Spanish)' },
  });
  return [
    defineCollection({
      id: 'countries',
      title: 'Countries',
      description: 'The CARSI member countries, with Mexico and the United States as context.',
      access: 'public',
      layers: ['boundaries'],
      idFormat: 'code',
      idColumn: 'countries.code',
      geometry: sql.ref('countries.geom'),
      queryables: queryables('countries'),
      properties: ['code', 'name', 'nameEs'],
      filters: {},
      source: countrySource,
      feature: boundaryFeature,
    }),
    defineCollection({
      id: 'departments',
      title: 'Departments',
      description: 'First-level administrative divisions (departments, provinces, districts).',
      access: 'public',
      layers: ['boundaries'],
      idFormat: 'code',
      idColumn: 'departments.code',
      geometry: sql.ref('departments.geom'),
      queryables: {
        ...queryables('departments'),
        country: {
          type: 'string',
          column: 'departments.country',
          description: 'Country code',
          enum: codesOf(countries),
        },
      },
      properties: ['code', 'country', 'name', 'nameEs'],
      filters: { country: codeFilter(countries, 'Only departments of this country') },
      source: departmentSource,
      feature: boundaryFeature,
    }),
  ];
}
