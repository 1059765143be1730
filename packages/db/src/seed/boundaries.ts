// Loads the read-only boundaries; the transaction-local setting opens the write guard.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { multiGeomFromGeoJSON } from '../sql/geometry';
import type { BoundaryData } from './types';

// Boundary geometries are large; small batches keep each statement modest.
const BATCH = 25;

export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

export async function insertBoundaries(
  trx: Transaction<Database>,
  data: BoundaryData,
): Promise<{ countries: number; departments: number }> {
  await sql`SELECT set_config('atlas.allow_boundary_write', 'on', true)`.execute(trx);
  for (const batch of batches(data.countries.features, BATCH)) {
    await trx
      .insertInto('countries')
      .values(
        batch.map(({ properties, geometry }) => ({
          code: properties.code,
          name: properties.name,
          nameEs: properties.nameEs,
          geom: multiGeomFromGeoJSON(geometry),
        })),
      )
      .execute();
  }
  for (const batch of batches(data.departments.features, BATCH)) {
    await trx
      .insertInto('departments')
      .values(
        batch.map(({ properties, geometry }) => ({
          code: properties.code,
          country: properties.country,
          name: properties.name,
          nameEs: properties.nameEs,
          geom: multiGeomFromGeoJSON(geometry),
        })),
      )
      .execute();
  }
  await sql`SELECT set_config('atlas.allow_boundary_write', 'off', true)`.execute(trx);
  return {
    countries: data.countries.features.length,
    departments: data.departments.features.length,
  };
}
