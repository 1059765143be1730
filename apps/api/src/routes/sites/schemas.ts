import { parseBbox, type ProgramLine, type SiteGeometry } from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { pagingQuery } from '../../lib/query';

/** `bbox=minLon,minLat,maxLon,maxLat` in degrees (minLon > maxLon crosses the antimeridian). */
export const BboxQuery = Type.Refine(
  Type.String({
    description: 'minLon,minLat,maxLon,maxLat (EPSG:4326 degrees)',
    examples: ['-92.5,13.5,-88,18'],
  }),
  (text) => parseBbox(text).ok,
  (text) => {
    const parsed = parseBbox(text);
    return parsed.ok ? 'invalid bbox' : parsed.reason;
  },
);

export const SiteListQuery = Type.Object({
  ...pagingQuery({ limit: 1000, max: 10_000 }),
  bbox: Type.Optional(BboxQuery),
  programId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Only the sites of this program' }),
  ),
});
export type SiteListQuery = Static<typeof SiteListQuery>;

// Plain schemas (no unions of constants) keep serializing 10,000 features fast.
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const SiteProperties = Type.Object({
  id: Type.String({ format: 'uuid' }),
  programId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  precision: Type.Integer({ minimum: 1, maximum: 9, description: 'IATI GeographicalPrecision' }),
  country: NullableString,
  department: NullableString,
  programTitle: Type.String(),
  line: Type.Unsafe<ProgramLine>(Type.String({ description: 'The program line' })),
});

export const SiteFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String({ format: 'uuid' }),
  geometry: Type.Unsafe<SiteGeometry>({
    type: 'object',
    additionalProperties: true,
    description: 'GeoJSON Point, Polygon or MultiPolygon (longitude, latitude)',
  }),
  properties: SiteProperties,
});
export type SiteFeature = Static<typeof SiteFeature>;

export const SiteFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(SiteFeature),
  numberMatched: Type.Integer({ minimum: 0, description: 'Sites matching the filters' }),
  numberReturned: Type.Integer({ minimum: 0, description: 'Sites in this response' }),
});
