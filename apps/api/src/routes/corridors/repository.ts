// Corridors in SQL (bound parameters only): the layer source of lists (src/registry/layers.ts),
// its filters, and single records.
import { asGeoJSON, type Database } from '@atlas/db';
import type { BBox, ConfidenceLevel, CorridorMode, CountryCode, Threat } from '@atlas/domain';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { CorridorsTable } from '@atlas/db';
import { bboxPredicate, createLayerRepository, iso, type LayerSource } from '../../registry';
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

/** The registry's corridor filters as SQL (shared by the REST list and the OGC items). */
export function corridorConditions(filters: CorridorFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.bbox) conditions.push(bboxPredicate('corridors.geom', filters.bbox));
  if (filters.mode) conditions.push(sql`${sql.ref('corridors.mode')} = ${filters.mode}`);
  if (filters.confidence) {
    conditions.push(sql`${sql.ref('corridors.confidence')} = ${filters.confidence}`);
  }
  if (filters.threat) {
    conditions.push(sql`${sql.ref('corridors.threats')} @> ARRAY[${filters.threat}]::text[]`);
  }
  if (filters.country) {
    conditions.push(sql`EXISTS (SELECT 1 FROM countries WHERE countries.code = ${filters.country}
      AND ST_Intersects(countries.geom, corridors.geom))`);
  }
  if (filters.activeOn) {
    const day = filters.activeOn;
    conditions.push(sql`(${sql.ref('corridors.validFrom')} <= ${day}
      AND (${sql.ref('corridors.validTo')} IS NULL OR ${sql.ref('corridors.validTo')} >= ${day}))`);
  }
  return conditions;
}

/** Every corridor column, geometry as GeoJSON; add `where` clauses. */
export function selectCorridor(db: Kysely<Database>) {
  return db
    .selectFrom('corridors')
    .select(COLUMNS)
    .select(asGeoJSON<CorridorOutput['geometry']>('corridors.geom').as('geometry'));
}

/** Live corridors: what lists (REST and OGC) read. */
export const corridorSource: LayerSource<
  'corridors',
  CorridorRow,
  CorridorFilters,
  CorridorOutput
> = {
  from: (db) => db.selectFrom('corridors').where('corridors.deletedAt', 'is', null),
  select: (db) => selectCorridor(db).where('corridors.deletedAt', 'is', null),
  conditions: corridorConditions,
  record: corridorRecord,
};

export function createCorridorRepository(db: Kysely<Database>) {
  return createLayerRepository(db, corridorSource, {
    columns: SORT_COLUMNS,
    idColumn: 'corridors.id',
  });
}
