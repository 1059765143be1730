// Boundaries in SQL (read-only tables; bound parameters only), as GeoJSON Features whose
// properties are the Boundary fields (docs/data-model.md) and whose id is the code.
import { asGeoJSON, type Database } from '@atlas/db';
import type { BBox, BoundaryGeometry, CountryCode } from '@atlas/domain';
import { sql, type Expression, type Kysely } from 'kysely';
import { bboxPredicate } from '../../registry';

/** ~0.1 m at the equator: enough for administrative boundaries, half the bytes of 9 digits. */
const DECIMAL_DIGITS = 6;

export interface BoundaryOptions {
  bbox?: BBox;
  /** Douglas-Peucker tolerance in degrees (topology preserved, so the result stays valid). */
  simplify?: number;
}

export interface DepartmentFilters extends BoundaryOptions {
  country?: CountryCode;
}

export interface BoundaryFeature {
  type: 'Feature';
  id: string;
  geometry: BoundaryGeometry;
  properties: { code: string; name: string; nameEs: string; country?: CountryCode };
}

function geometryOf(table: 'countries' | 'departments', simplify: number | undefined) {
  const column: Expression<unknown> = sql.ref(`${table}.geom`);
  const shape =
    simplify === undefined || simplify === 0
      ? column
      : sql`ST_SimplifyPreserveTopology(${column}, ${simplify})`;
  return asGeoJSON<BoundaryGeometry>(shape, DECIMAL_DIGITS).as('geometry');
}

function toFeature(row: {
  code: string;
  name: string;
  nameEs: string;
  country?: CountryCode;
  geometry: BoundaryGeometry;
}): BoundaryFeature {
  const { geometry, ...properties } = row;
  return { type: 'Feature', id: row.code, geometry, properties };
}

export function createBoundaryRepository(db: Kysely<Database>) {
  function countries(options: BoundaryOptions & { code?: string }) {
    let query = db
      .selectFrom('countries')
      .select(['code', 'name', 'nameEs', geometryOf('countries', options.simplify)])
      .orderBy('code');
    if (options.code !== undefined) query = query.where('code', '=', options.code as CountryCode);
    if (options.bbox) query = query.where(bboxPredicate('countries.geom', options.bbox));
    return query;
  }

  function departments(filters: DepartmentFilters & { code?: string }) {
    let query = db
      .selectFrom('departments')
      .select(['code', 'country', 'name', 'nameEs', geometryOf('departments', filters.simplify)])
      .orderBy('code');
    if (filters.code !== undefined) query = query.where('code', '=', filters.code);
    if (filters.country) query = query.where('country', '=', filters.country);
    if (filters.bbox) query = query.where(bboxPredicate('departments.geom', filters.bbox));
    return query;
  }

  return {
    async listCountries(options: BoundaryOptions): Promise<BoundaryFeature[]> {
      return (await countries(options).execute()).map(toFeature);
    },
    async findCountry(code: string, options: BoundaryOptions): Promise<BoundaryFeature | null> {
      const row = await countries({ ...options, code }).executeTakeFirst();
      return row ? toFeature(row) : null;
    },
    async listDepartments(filters: DepartmentFilters): Promise<BoundaryFeature[]> {
      return (await departments(filters).execute()).map(toFeature);
    },
    async findDepartment(code: string, options: BoundaryOptions): Promise<BoundaryFeature | null> {
      const row = await departments({ ...options, code }).executeTakeFirst();
      return row ? toFeature(row) : null;
    },
  };
}
