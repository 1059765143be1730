// Communities at risk in SQL (bound parameters only): filtered lists and single records.
import { asGeoJSON, type CommunitiesTable, type Database } from '@atlas/db';
import type { BBox, CountryCode } from '@atlas/domain';
import type { Kysely, Selectable } from 'kysely';
import type { SortKey } from '../../lib/query';
import { bboxPredicate, toFeature } from '../../registry';
import { iso, orderTerms } from '../corridors/layer-list';
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

function filtered(db: Kysely<Database>, filters: CommunityFilters) {
  let query = db.selectFrom('communities').where('communities.deletedAt', 'is', null);
  if (filters.bbox) query = query.where(bboxPredicate('communities.geom', filters.bbox));
  if (filters.country) query = query.where('communities.country', '=', filters.country);
  if (filters.department) query = query.where('communities.department', '=', filters.department);
  if (filters.year !== undefined) query = query.where('communities.year', '=', filters.year);
  if (filters.minHomicideRate !== undefined) {
    query = query.where('communities.homicideRate', '>=', filters.minHomicideRate);
  }
  if (filters.minPopulation !== undefined) {
    query = query.where('communities.population', '>=', filters.minPopulation);
  }
  return query;
}

/** Every community column, geometry as GeoJSON; add `where` clauses. */
export function selectCommunity(db: Kysely<Database>) {
  return db
    .selectFrom('communities')
    .select(COLUMNS)
    .select(asGeoJSON<CommunityOutput['geometry']>('communities.geom').as('geometry'));
}

export function createCommunityRepository(db: Kysely<Database>) {
  return {
    async list(
      filters: CommunityFilters,
      sort: SortKey<CommunitySortField>[],
      page: { limit: number; offset: number },
    ) {
      const counted = await filtered(db, filters)
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .executeTakeFirstOrThrow();
      let query = filtered(db, filters)
        .select(COLUMNS)
        .select(asGeoJSON<CommunityOutput['geometry']>('communities.geom').as('geometry'));
      for (const term of orderTerms(sort, SORT_COLUMNS, 'communities.id')) {
        query = query.orderBy(term);
      }
      const rows = await query.limit(page.limit).offset(page.offset).execute();
      return {
        features: rows.map((row) => toFeature(communityRecord(row))),
        numberMatched: Number(counted.count),
      };
    },
  };
}
