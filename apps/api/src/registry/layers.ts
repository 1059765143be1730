// One list query for every map layer, used by the REST lists (/api/v1/corridors…) and the OGC
// API items (/ogc/collections/{id}/items): the same live rows, the same registry filters, then
// the caller's extra conditions (bbox, datetime, CQL2), order and page. Bound parameters only.
import type { Database } from '@atlas/db';
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SortKey } from '../lib/query';
import { orderTerms } from './layer-list';
import { toFeature } from './routes';

/** How one layer reads from the database. */
export interface LayerSource<Tables extends keyof Database, Row, Filters, Output> {
  /** FROM (and JOINs), live rows only: soft-deleted records never appear. */
  from(db: Kysely<Database>): SelectQueryBuilder<Database, Tables, object>;
  /** `from` with every column of the answer, geometry as GeoJSON. */
  select(db: Kysely<Database>): SelectQueryBuilder<Database, Tables, Row>;
  /** The registry's list filters (`?country=GT&kind=seizure`) as SQL conditions. */
  conditions(filters: Filters, db: Kysely<Database>): Expression<SqlBool>[];
  record(row: Row): Output;
}

export interface LayerQuery<Filters> {
  filters: Filters;
  /** Further conditions (bbox, datetime, a CQL2 filter…), all ANDed. */
  where?: readonly Expression<SqlBool>[];
  /** ORDER BY terms; end with a unique column so pages never overlap. */
  order: readonly Expression<unknown>[];
  limit: number;
  offset: number;
}

function allOf(conditions: readonly Expression<SqlBool>[]): Expression<SqlBool> {
  return conditions.length === 0
    ? sql<SqlBool>`TRUE`
    : sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
}

/** One page of a layer and how many rows match in all. */
export async function listLayer<Tables extends keyof Database, Row, Filters, Output>(
  db: Kysely<Database>,
  source: LayerSource<Tables, Row, Filters, Output>,
  query: LayerQuery<Filters>,
): Promise<{ items: Output[]; numberMatched: number }> {
  const where = allOf([...source.conditions(query.filters, db), ...(query.where ?? [])]);
  const counted = await source
    .from(db)
    .where(where)
    .select(sql<string | number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  let rows = source.select(db).where(where);
  for (const term of query.order) rows = rows.orderBy(term);
  const found = await rows.limit(query.limit).offset(query.offset).execute();
  return {
    items: found.map((row) => source.record(row)),
    numberMatched: Number(counted.count),
  };
}

/** The REST list of a layer: allowlisted sort keys, then the id, as GeoJSON Features. */
export function createLayerRepository<
  Tables extends keyof Database,
  Row,
  Filters,
  Output extends { id: string; geometry?: unknown },
  SortField extends string,
>(
  db: Kysely<Database>,
  source: LayerSource<Tables, Row, Filters, Output>,
  sorting: { columns: Readonly<Record<SortField, string>>; idColumn: string },
) {
  return {
    async list(
      filters: Filters,
      sort: SortKey<SortField>[],
      page: { limit: number; offset: number },
    ) {
      const { items, numberMatched } = await listLayer(db, source, {
        filters,
        order: orderTerms(sort, sorting.columns, sorting.idColumn),
        ...page,
      });
      return { features: items.map(toFeature), numberMatched };
    },
  };
}
