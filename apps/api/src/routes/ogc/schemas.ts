// Request and answer schemas of /ogc (answers are documented loosely: features carry each
// collection's own properties, listed by its queryables document).
import Type, { type TSchema } from 'typebox';
import { bboxQuery } from '../../registry';
import type { OgcCollection } from './collection';
import { FILTER_LANGUAGES, MAX_FILTER_LENGTH } from './cql2';
import { CRS84 } from './items-query';

export const MAX_LIMIT = 10_000;

const Link = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});
const Links = Type.Array(Link);

const open = (description: string, properties: Record<string, TSchema> = {}) =>
  Type.Object(properties, { additionalProperties: true, description });

export const LandingPage = open('The OGC API landing page', {
  title: Type.String(),
  description: Type.String(),
  links: Links,
});

export const Conformance = Type.Object({ conformsTo: Type.Array(Type.String()) });

export const CollectionDocument = open('A collection: extent, CRS and links', {
  id: Type.String(),
  title: Type.String(),
  links: Links,
});

export const Collections = Type.Object({
  links: Links,
  collections: Type.Array(CollectionDocument),
});

export const QueryablesDocument = open('JSON Schema of the properties a filter may name');

export const FeatureCollection = open('GeoJSON FeatureCollection (application/geo+json)', {
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(open('GeoJSON Feature')),
  numberMatched: Type.Integer({ minimum: 0 }),
  numberReturned: Type.Integer({ minimum: 0 }),
  links: Links,
});

export const Feature = open('GeoJSON Feature (application/geo+json)', {
  type: Type.Literal('Feature'),
  id: Type.String(),
});

/** A GeoJSON Feature as sent to create or replace (Part 4). */
export const FeatureInput = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    geometry: Type.Unknown({ description: 'GeoJSON geometry' }),
    properties: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: true, description: 'GeoJSON Feature' },
);

/** A JSON merge patch of a feature: `properties` and/or `geometry` (Part 4 update). */
export const FeaturePatch = Type.Object(
  {
    type: Type.Optional(Type.Literal('Feature')),
    geometry: Type.Optional(Type.Unknown()),
    properties: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false, description: 'JSON merge patch of a feature' },
);

export const FeatureParams = Type.Object({ featureId: Type.String({ maxLength: 100 }) });

/** The items query: OGC parameters plus the registry's filters of the collection. */
export function itemsQuerySchema(collection: OgcCollection) {
  return Type.Object(
    {
      limit: Type.Integer({
        minimum: 1,
        maximum: MAX_LIMIT,
        default: 100,
        description: `Features per page (1..${MAX_LIMIT})`,
      }),
      offset: Type.Integer({
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        default: 0,
        description: 'Features to skip (the next and prev links carry it)',
      }),
      bbox: Type.Optional(bboxQuery('Only features intersecting the box')),
      'bbox-crs': Type.Optional(Type.String({ description: `Only ${CRS84}` })),
      datetime: Type.Optional(
        Type.String({
          maxLength: 100,
          description:
            'An RFC 3339 date or date-time, or an interval start/end (.. for open): features ' +
            'whose date or period meets it',
        }),
      ),
      filter: Type.Optional(
        Type.String({ maxLength: MAX_FILTER_LENGTH, description: 'A CQL2 filter (docs/ogc.md)' }),
      ),
      'filter-lang': Type.Optional(
        Type.Enum([...FILTER_LANGUAGES], { description: 'Encoding of filter (default cql2-text)' }),
      ),
      'filter-crs': Type.Optional(Type.String({ description: `Only ${CRS84}` })),
      properties: Type.Optional(
        Type.String({ maxLength: 2000, description: 'Comma-separated properties to answer' }),
      ),
      skipGeometry: Type.Boolean({ default: false, description: 'Answer null geometries' }),
      sortby: Type.Optional(
        Type.String({
          maxLength: 500,
          description: 'Comma-separated queryables, - prefix for descending',
        }),
      ),
      ...collection.filters,
    },
    { additionalProperties: false },
  );
}

export const FeatureQuery = Type.Object(
  {
    properties: Type.Optional(Type.String({ maxLength: 2000 })),
    skipGeometry: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
