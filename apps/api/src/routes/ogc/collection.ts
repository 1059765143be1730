// What an OGC API collection is made of: the layer source shared with the REST list
// (src/registry/layers.ts), the queryables allowlist, the columns behind bbox and datetime, the
// registry's filters as query parameters, and (for editable layers) the REST record store.
import type { Database, DataLayer } from '@atlas/db';
import type { Geometry } from 'geojson';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { TProperties } from 'typebox';
import { listLayer, type LayerSource, type RecordStore, type StoredRecord } from '../../registry';
import type { Queryables } from './cql2';

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface ItemsQuery {
  /** The registry's filters, as validated by `filters` below. */
  filters: Record<string, unknown>;
  where: Expression<SqlBool>[];
  order: Expression<unknown>[];
  limit: number;
  offset: number;
}

/** Part 4: how a GeoJSON Feature maps onto the REST record store of the layer. */
export interface OgcEditing {
  store: RecordStore<unknown, StoredRecord & { geometry?: unknown }>;
  /** Properties that are not input (metadata and values derived by the database). */
  readOnly: readonly string[];
}

export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  /** Who may read it: the registry's policy (src/auth/policy.ts). */
  access: 'public' | 'read';
  /** Data layers whose version makes the ETag of its answers. */
  layers: DataLayer[];
  /** `uuid` for records, `code` for boundaries. */
  idFormat: 'uuid' | 'code';
  idColumn: string;
  /** The geometry the `bbox` parameter and the extent are computed on. */
  geometry: Expression<unknown>;
  /** Columns (or expressions) of the period `datetime` selects on; end null = open. */
  temporal?: { start: Expression<unknown>; end?: Expression<unknown> };
  queryables: Queryables;
  /** The properties of its features, in order (what `properties=` may name). */
  properties: readonly string[];
  /** The registry's list filters, as query parameters (schemas from the REST list). */
  filters: TProperties;
  editing?: OgcEditing;
  list(
    db: Kysely<Database>,
    query: ItemsQuery,
  ): Promise<{ features: OgcFeature[]; numberMatched: number }>;
  /** One live feature; undefined when there is none (or it is deleted). */
  find(db: Kysely<Database>, id: string): Promise<OgcFeature | undefined>;
  /** Version of the record behind a feature (its ETag), when it has one. */
  versionOf(feature: OgcFeature): number | undefined;
  /** The bounding box and period of its live features (null when it has none). */
  extent(db: Kysely<Database>): Promise<Extent>;
}

export interface Extent {
  bbox: [number, number, number, number] | null;
  interval: [string | null, string | null] | null;
}

/** A feature from a record whose `geometry` is the geometry and the rest its properties. */
export function recordFeature(record: { id: string; geometry?: unknown }): OgcFeature {
  const { geometry, ...properties } = record;
  return {
    type: 'Feature',
    id: record.id,
    geometry: (geometry ?? null) as Geometry | null,
    properties,
  };
}

type Definition<Tables extends keyof Database, Row, Filters, Output> = Omit<
  OgcCollection,
  'list' | 'find' | 'versionOf' | 'extent'
> & {
  source: LayerSource<Tables, Row, Filters, Output>;
  feature: (record: Output) => OgcFeature;
};

/** An OGC collection over a layer source (types erased: the routes validate the filters). */
export function defineCollection<Tables extends keyof Database, Row, Filters, Output>(
  definition: Definition<Tables, Row, Filters, Output>,
): OgcCollection {
  const { source, feature, ...collection } = definition;
  return {
    ...collection,
    async list(db, query) {
      const { items, numberMatched } = await listLayer(db, source, {
        ...query,
        filters: query.filters as Filters,
      });
      return { features: items.map(feature), numberMatched };
    },
    async find(db, id) {
      const found = await listLayer(db, source, {
        filters: {} as Filters,
        where: [idIs(collection.idColumn, id)],
        order: [],
        limit: 1,
        offset: 0,
      });
      const record = found.items[0];
      return record === undefined ? undefined : feature(record);
    },
    async extent(db) {
      const { geometry, temporal } = collection;
      const box = sql`ST_Extent(${geometry})`;
      const row = await source
        .from(db)
        .select([
          sql<number | null>`ST_XMin(${box})`.as('minX'),
          sql<number | null>`ST_YMin(${box})`.as('minY'),
          sql<number | null>`ST_XMax(${box})`.as('maxX'),
          sql<number | null>`ST_YMax(${box})`.as('maxY'),
          sql<string | null>`min(${temporal?.start ?? sql`NULL::date`})::text`.as('start'),
          (temporal?.end
            ? sql<string | null>`CASE WHEN bool_or(${temporal.end} IS NULL) THEN NULL
                ELSE max(${temporal.end})::text END`
            : sql<string | null>`max(${temporal?.start ?? sql`NULL::date`})::text`
          ).as('end'),
        ])
        .executeTakeFirst();
      const bbox =
        row && row.minX !== null && row.minY !== null && row.maxX !== null && row.maxY !== null
          ? ([row.minX, row.minY, row.maxX, row.maxY].map(Number) as Extent['bbox'])
          : null;
      const instant = (day: string | null) => (day === null ? null : `${day}T00:00:00Z`);
      const interval: Extent['interval'] =
        temporal && row && row.start !== null ? [instant(row.start), instant(row.end)] : null;
      return { bbox, interval };
    },
    versionOf(found) {
      const version = found.properties.version;
      return typeof version === 'number' ? version : undefined;
    },
  };
}

function idIs(column: string, id: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} = ${id}`;
}
