// Communities at risk in SQL (bound parameters only): filtered lists and single records.
import { asGeoJSON, type CommunitiesTable, type Database } from '@atlas/db';
import type { BBox, CountryCode } from '@atlas/domain';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { bboxPredicate, createLayerRepository, iso, type LayerSource } from '../../registry';
import type { CommunityOutput, CommunitySortField } from './schemas';

export interface CommunityFilters {
  bbox?: BBox;
  country?: CountryCode;
  department?: string;
  year?: number;
  minHomicideRate?: number;
  minPopulation?: number;
}

const SORT_COLUMNS: Record<CommunitySortField, string> = {
  name: 'communities.name',
  country: 'communities.country',
  homicideRate: 'communities.homicideRate',
  population: 'communities.population',
  year: 'communities.year',
  updatedAt: 'communities.updatedAt',
};

const COLUMNS = [
  'communities.id',
  'communities.name',
  'communities.country',
  'communities.department',
  'communities.population',
  'communities.homicideRate',
  'communities.year',
  'communities.source',
  'communities.illustrative',
  'communities.version',
  'communities.createdAt',
  'communities.updatedAt',
  'communities.deletedAt',
] as const;

type CommunityRow = Omit<Selectable<CommunitiesTable>, 'geom'> & {
  geometry: CommunityOutput['geometry'];
};

export function communityRecord(row: CommunityRow): CommunityOutput {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    department: row.department,
    geometry: row.geometry,
    population: row.population,
    homicideRate: row.homicideRate,
    year: row.year,
    source: row.source,
    illustrative: row.illustrative,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
  };
}

/** The registry's community filters as SQL (shared by the REST list and the OGC items). */
export function communityConditions(filters: CommunityFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const column = (name: string) => sql.ref(`communities.${name}`);
  if (filters.bbox) conditions.push(bboxPredicate('communities.geom', filters.bbox));
  if (filters.country) conditions.push(sql`${column('country')} = ${filters.country}`);
  if (filters.department) conditions.push(sql`${column('department')} = ${filters.department}`);
  if (filters.year !== undefined) conditions.push(sql`${column('year')} = ${filters.year}`);
  if (filters.minHomicideRate !== undefined) {
    conditions.push(sql`${column('homicideRate')} >= ${filters.minHomicideRate}`);
  }
  if (filters.minPopulation !== undefined) {
    conditions.push(sql`${column('population')} >= ${filters.minPopulation}`);
  }
  return conditions;
}

/** Every community column, geometry as GeoJSON; add `where` clauses. */
export function selectCommunity(db: Kysely<Database>) {
  return db
    .selectFrom('communities')
    .select(COLUMNS)
    .select(asGeoJSON<CommunityOutput['geometry']>('communities.geom').as('geometry'));
}

/** Live communities: what lists (REST and OGC) read. */
export const communitySource: LayerSource<
  'communities',
  CommunityRow,
  CommunityFilters,
  CommunityOutput
> = {
  from: (db) => db.selectFrom('communities').where('communities.deletedAt', 'is', null),
  select: (db) => selectCommunity(db).where('communities.deletedAt', 'is', null),
  conditions: communityConditions,
  record: communityRecord,
};

export function createCommunityRepository(db: Kysely<Database>) {
  return createLayerRepository(db, communitySource, {
    columns: SORT_COLUMNS,
    idColumn: 'communities.id',
  });
}
