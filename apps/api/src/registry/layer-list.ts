// Shared by the lists of the map layers (corridors, communities, incidents; the OGC items too):
// sort keys mapped to columns, the GeoJSON FeatureCollection envelope and the output schemas.
import { sql, type Expression } from 'kysely';
import Type, { type TObject, type TProperties, type TSchema } from 'typebox';
import { PageLinksSchema, pageLinks, type SortKey } from '../lib/query';
import { bboxQuery } from './bbox';

/** ORDER BY terms for allowlisted sort keys, then the id so paging is stable. */
export function orderTerms<Field extends string>(
  keys: readonly SortKey<Field>[],
  columns: Readonly<Record<Field, string>>,
  idColumn: string,
): Expression<unknown>[] {
  const terms = keys.map(
    ({ field, descending }) =>
      sql`${sql.ref(columns[field])} ${sql.raw(descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST')}`,
  );
  return [...terms, sql`${sql.ref(idColumn)} ASC`];
}

/** The list answer: features plus the OGC-style counts and neighbouring page links. */
export function featureCollection<F>(
  features: F[],
  numberMatched: number,
  url: string,
  page: { limit: number; offset: number },
) {
  return {
    type: 'FeatureCollection' as const,
    features,
    numberMatched,
    numberReturned: features.length,
    links: pageLinks(url, { total: numberMatched, ...page }),
  };
}

/** Any GeoJSON geometry object (the domain schemas validate input; this only documents output). */
export function geometryOutput<Geometry>(description: string) {
  return Type.Unsafe<Geometry>({ type: 'object', additionalProperties: true, description });
}

export function featureSchema(properties: TSchema, geometry: TSchema) {
  return Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String({ format: 'uuid' }),
    geometry,
    properties,
  });
}

/**
 * The three answers of a layer: the record (`Output`, its properties plus `geometry`), the
 * GeoJSON Feature of a list and the FeatureCollection.
 */
export function layerSchemas<Properties extends TProperties, Geometry extends TSchema>(
  properties: Properties,
  geometry: Geometry,
  names: { title: string; plural: string },
) {
  const output: TObject<Properties & { geometry: Geometry }> = Type.Object(
    { ...properties, geometry },
    { title: names.title },
  );
  const feature = featureSchema(Type.Object(properties), geometry);
  return { output, feature, collection: featureCollectionSchema(feature, names.plural) };
}

export function featureCollectionSchema(feature: TSchema, noun: string) {
  return Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(feature),
    numberMatched: Type.Integer({ minimum: 0, description: `${noun} matching the filters` }),
    numberReturned: Type.Integer({ minimum: 0, description: `${noun} in this response` }),
    links: PageLinksSchema,
  });
}

/** Timestamps as ISO strings (JSON and the audit's before/after agree on one spelling). */
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** `bbox`: only features whose geometry intersects the box. */
export const BboxFilter = Type.Optional(bboxQuery('Only features intersecting the box'));

export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const RecordMetaOutput = {
  illustrative: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  deletedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};
