// Corridors in SQL (bound parameters only): lists with filters, single records, and the
// countries a corridor's line crosses (its country scope).
import { asGeoJSON, type Database } from '@atlas/db';
import type { BBox, ConfidenceLevel, CorridorMode, CountryCode, Threat } from '@atlas/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CorridorsTable } from '@atlas/db';
import type { SortKey } from '../../lib/query';
import { bboxPredicate, toFeature } from '../../registry';
import { iso, orderTerms } from './layer-list';
import type { CorridorOutput, CorridorSortField } from './schemas';

export interface CorridorFilters {
  bbox?: BBox;
  mode?: CorridorMode;
  threat?: Threat;
  confidence?: ConfidenceLevel;
  country?: CountryCode;
  activeOn?: string;
}

const SORT_COLUMNS: Record<CorridorSortField, string> = {
  name: 'corridors.name',
  mode: 'corridors.mode',
  confidence: 'corridors.confidence',
  validFrom: 'corridors.validFrom',
  validTo: 'corridors.validTo',
  updatedAt: 'corridors.updatedAt',
};

type CorridorRow = Omit<Selectable<CorridorsTable>, 'geom'> & {
  geometry: CorridorOutput['geometry'];
};

const COLUMNS = [
  'corridors.id',
  'corridors.name',
  'corridors.mode',
  'corridors.threats',
  'corridors.confidence',
  'corridors.source',
  'corridors.validFrom',
  'corridors.validTo',
  'corridors.description',
  'corridors.illustrative',
  'corridors.version',
  'corridors.createdAt',
  'corridors.updatedAt',
  'corridors.deletedAt',
] as const;

export function corridorRecord(row: CorridorRow): CorridorOutput {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    threats: row.threats,
    confidence: row.confidence,
    source: row.source,
    validFrom: row.validFrom,
    validTo: row.validTo,
    geometry: row.geometry,
    description: row.description,
    illustrative: row.illustrative,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
  };
}

function filtered(db: Kysely<Database>, filters: CorridorFilters) {
  let query = db.selectFrom('corridors').where('corridors.deletedAt', 'is', null);
  if (filters.bbox) query = query.where(bboxPredicate('corridors.geom', filters.bbox));
  if (filters.mode) query = query.where('corridors.mode', '=', filters.mode);
  if (filters.confidence) query = query.where('corridors.confidence', '=', filters.confidence);
  if (filters.threat) {
    query = query.where(
      sql<boolean>`${sql.ref('corridors.threats')} @> ARRAY[${filters.threat}]::text[]`,
    );
  }
  if (filters.country) {
    const code = filters.country;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('countries')
          .select(sql`1`.as('one'))
          .where('countries.code', '=', code)
          .where(sql<boolean>`ST_Intersects(countries.geom, corridors.geom)`),
      ),
    );
  }
  if (filters.activeOn) {
    const day = filters.activeOn;
    query = query
      .where('corridors.validFrom', '<=', day)
      .where((eb) =>
        eb.or([eb('corridors.validTo', 'is', null), eb('corridors.validTo', '>=', day)]),
      );
  }
  return query;
}

/** Every corridor column, geometry as GeoJSON; add `where` clauses. */
export function selectCorridor(db: Kysely<Database>) {
  return db
    .selectFrom('corridors')
    .select(COLUMNS)
    .select(asGeoJSON<CorridorOutput['geometry']>('corridors.geom').as('geometry'));
}

export function createCorridorRepository(db: Kysely<Database>) {
  return {
    async list(
      filters: CorridorFilters,
      sort: SortKey<CorridorSortField>[],
      page: { limit: number; offset: number },
    ) {
      const counted = await filtered(db, filters)
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .executeTakeFirstOrThrow();
      let query = filtered(db, filters)
        .select(COLUMNS)
        .select(asGeoJSON<CorridorOutput['geometry']>('corridors.geom').as('geometry'));
      for (const term of orderTerms(sort, SORT_COLUMNS, 'corridors.id')) {
        query = query.orderBy(term);
      }
      const rows = await query.limit(page.limit).offset(page.offset).execute();
      return {
        features: rows.map((row) => toFeature(corridorRecord(row))),
        numberMatched: Number(counted.count),
      };
    },
  };
}
