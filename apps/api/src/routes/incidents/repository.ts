// Incidents in SQL (bound parameters only): filtered lists and single records.
import { asGeoJSON, type Database, type IncidentsTable } from '@atlas/db';
import type { BBox, CountryCode, IncidentKind, Threat } from '@atlas/domain';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { bboxPredicate, createLayerRepository, iso, type LayerSource } from '../../registry';
import type { IncidentOutput, IncidentSortField } from './schemas';

export interface IncidentFilters {
  bbox?: BBox;
  kind?: IncidentKind;
  country?: CountryCode;
  threat?: Threat;
  from?: string;
  to?: string;
  year?: number;
}

const SORT_COLUMNS: Record<IncidentSortField, string> = {
  occurredOn: 'incidents.occurredOn',
  kind: 'incidents.kind',
  country: 'incidents.country',
  quantity: 'incidents.quantity',
  updatedAt: 'incidents.updatedAt',
};

const COLUMNS = [
  'incidents.id',
  'incidents.kind',
  'incidents.occurredOn',
  'incidents.country',
  'incidents.threat',
  'incidents.quantity',
  'incidents.unit',
  'incidents.description',
  'incidents.source',
  'incidents.illustrative',
  'incidents.version',
  'incidents.createdAt',
  'incidents.updatedAt',
  'incidents.deletedAt',
] as const;

type IncidentRow = Omit<Selectable<IncidentsTable>, 'geom' | 'department'> & {
  geometry: IncidentOutput['geometry'];
};

export function incidentRecord(row: IncidentRow): IncidentOutput {
  return {
    id: row.id,
    kind: row.kind,
    occurredOn: row.occurredOn,
    geometry: row.geometry,
    country: row.country,
    threat: row.threat,
    quantity: row.quantity,
    unit: row.unit,
    description: row.description,
    source: row.source,
    illustrative: row.illustrative,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
  };
}

/** The registry's incident filters as SQL (shared by the REST list and the OGC items). */
export function incidentConditions(filters: IncidentFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const occurredOn = sql.ref('incidents.occurredOn');
  if (filters.bbox) conditions.push(bboxPredicate('incidents.geom', filters.bbox));
  if (filters.kind) conditions.push(sql`${sql.ref('incidents.kind')} = ${filters.kind}`);
  if (filters.country) conditions.push(sql`${sql.ref('incidents.country')} = ${filters.country}`);
  if (filters.threat) conditions.push(sql`${sql.ref('incidents.threat')} = ${filters.threat}`);
  if (filters.from) conditions.push(sql`${occurredOn} >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`${occurredOn} <= ${filters.to}::date`);
  if (filters.year !== undefined) {
    // A range (not EXTRACT) so the occurred_on index applies.
    conditions.push(sql`${occurredOn} >= ${`${filters.year}-01-01`}::date`);
    conditions.push(sql`${occurredOn} < ${`${filters.year + 1}-01-01`}::date`);
  }
  return conditions;
}

/** Every incident column, geometry as GeoJSON; add `where` clauses. */
export function selectIncident(db: Kysely<Database>) {
  return db
    .selectFrom('incidents')
    .select(COLUMNS)
    .select(asGeoJSON<IncidentOutput['geometry']>('incidents.geom').as('geometry'));
}

/** Live incidents: what lists (REST and OGC) read. */
export const incidentSource: LayerSource<
  'incidents',
  IncidentRow,
  IncidentFilters,
  IncidentOutput
> = {
  from: (db) => db.selectFrom('incidents').where('incidents.deletedAt', 'is', null),
  select: (db) => selectIncident(db).where('incidents.deletedAt', 'is', null),
  conditions: incidentConditions,
  record: incidentRecord,
};

export function createIncidentRepository(db: Kysely<Database>) {
  return createLayerRepository(db, incidentSource, {
    columns: SORT_COLUMNS,
    idColumn: 'incidents.id',
  });
}
