// Sites in SQL (bound parameters only): GeoJSON lists, single records and what decides who may
// change a site. Sites of deleted programs are left out of lists.
import { asGeoJSON, geomFromGeoJSON, type Database } from '@atlas/db';
import type {
  BBox,
  CountryCode,
  GeoPrecision,
  ProgramLine,
  ProgramStatus,
  SiteGeometry,
  SiteInput,
} from '@atlas/domain';
import type { Kysely } from 'kysely';
import { bboxPredicate } from '../../registry';
import type { SiteFeature, SiteRecord } from './schemas';

export interface SiteFilters {
  bbox?: BBox;
  programId?: string;
  country?: CountryCode;
  line?: ProgramLine;
  status?: ProgramStatus;
  precision?: number;
}

export function filteredSites(db: Kysely<Database>, filters: SiteFilters) {
  let query = db
    .selectFrom('sites')
    .innerJoin('programs', 'programs.id', 'sites.programId')
    .where('sites.deletedAt', 'is', null)
    .where('programs.deletedAt', 'is', null);
  if (filters.bbox) query = query.where(bboxPredicate('sites.geom', filters.bbox));
  if (filters.programId) query = query.where('sites.programId', '=', filters.programId);
  if (filters.country) query = query.where('sites.country', '=', filters.country);
  if (filters.line) query = query.where('programs.line', '=', filters.line);
  if (filters.status) query = query.where('programs.status', '=', filters.status);
  if (filters.precision !== undefined) {
    query = query.where('sites.precision', '=', filters.precision as GeoPrecision);
  }
  return query;
}

/** One site (deleted or not); `db` may be a transaction. */
export async function findSite(db: Kysely<Database>, id: string): Promise<SiteRecord | undefined> {
  const row = await db
    .selectFrom('sites')
    .select([
      'id',
      'programId',
      'name',
      'precision',
      'description',
      'illustrative',
      'country',
      'department',
      'version',
      'createdAt',
      'updatedAt',
      'deletedAt',
      asGeoJSON<SiteGeometry>('geom').as('geometry'),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export function siteColumns(input: SiteInput) {
  return {
    programId: input.programId,
    name: input.name,
    precision: input.precision,
    geom: geomFromGeoJSON(input.geometry),
    description: input.description ?? null,
    illustrative: input.illustrative ?? false,
  };
}

/** The program a site belongs to: its countries, and whether it is deleted. */
export async function programOfSite(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('programs')
    .select(['id', 'countries', 'deletedAt'])
    .where('id', '=', programId)
    .executeTakeFirst();
}

export function createSiteRepository(db: Kysely<Database>) {
  return {
    async list(
      filters: SiteFilters,
      page: { limit: number; offset: number },
    ): Promise<{ features: SiteFeature[]; numberMatched: number }> {
      const counted = await filteredSites(db, filters)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await filteredSites(db, filters)
        .select([
          'sites.id',
          'sites.programId',
          'sites.name',
          'sites.precision',
          'sites.country',
          'sites.department',
          'sites.version',
          'programs.title as programTitle',
          'programs.line',
          'programs.status',
          asGeoJSON<SiteGeometry>('sites.geom').as('geometry'),
        ])
        .orderBy('programs.code')
        .orderBy('sites.name')
        .orderBy('sites.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const features = rows.map(({ geometry, ...properties }) => ({
        type: 'Feature' as const,
        id: properties.id,
        geometry,
        properties,
      }));
      return { features, numberMatched: counted.count };
    },
  };
}
