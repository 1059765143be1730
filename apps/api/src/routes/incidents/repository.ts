// Incidents in SQL (bound parameters only): filtered lists and single records.
import { asGeoJSON, type Database, type IncidentsTable } from '@atlas/db';
import type { BBox, CountryCode, IncidentKind, Threat } from '@atlas/domain';
import type { Kysely, Selectable } from 'kysely';
import type { SortKey } from '../../lib/query';
import { bboxPredicate, toFeature } from '../../registry';
import { iso, orderTerms } from '../corridors/layer-list';
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

function filtered(db: Kysely<Database>, filters: IncidentFilters) {
  let query = db.selectFrom('incidents').where('incidents.deletedAt', 'is', null);
  if (filters.bbox) query = query.where(bboxPredicate('incidents.geom', filters.bbox));
  if (filters.kind) query = query.where('incidents.kind', '=', filters.kind);
  if (filters.country) query = query.where('incidents.country', '=', filters.country);
  if (filters.threat) query = query.where('incidents.threat', '=', filters.threat);
  if (filters.from) query = query.where('incidents.occurredOn', '>=', filters.from);
  if (filters.to) query = query.where('incidents.occurredOn', '<=', filters.to);
  if (filters.year !== undefined) {
    // A range (not EXTRACT) so the occurred_on index applies.
    query = query
      .where('incidents.occurredOn', '>=', `${filters.year}-01-01`)
      .where('incidents.occurredOn', '<', `${filters.year + 1}-01-01`);
  }
  return query;
}

/** Every incident column, geometry as GeoJSON; add `where` clauses. */
export function selectIncident(db: Kysely<Database>) {
  return db
    .selectFrom('incidents')
    .select(COLUMNS)
    .select(asGeoJSON<IncidentOutput['geometry']>('incidents.geom').as('geometry'));
}

export function createIncidentRepository(db: Kysely<Database>) {
  return {
    async list(
      filters: IncidentFilters,
      sort: SortKey<IncidentSortField>[],
      page: { limit: number; offset: number },
    ) {
      const counted = await filtered(db, filters)
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .executeTakeFirstOrThrow();
      let query = filtered(db, filters)
        .select(COLUMNS)
        .select(asGeoJSON<IncidentOutput['geometry']>('incidents.geom').as('geometry'));
      for (const term of orderTerms(sort, SORT_COLUMNS, 'incidents.id')) {
        query = query.orderBy(term);
      }
      const rows = await query.limit(page.limit).offset(page.offset).execute();
      return {
        features: rows.map((row) => toFeature(incidentRecord(row))),
        numberMatched: Number(counted.count),
      };
    },
  };
}
