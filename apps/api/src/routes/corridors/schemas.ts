import {
  confidenceLevels,
  corridorModes,
  countries,
  IsoDate,
  threats,
  type ConfidenceLevel,
  type CorridorGeometry,
  type CorridorMode,
  type Threat,
} from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { codeFilter, pagingQuery, sortQuery } from '../../lib/query';
import {
  BboxFilter,
  geometryOutput,
  layerSchemas,
  NullableString,
  RecordMetaOutput,
} from '../../registry';

export const CORRIDOR_SORT_FIELDS = [
  'name',
  'mode',
  'confidence',
  'validFrom',
  'validTo',
  'updatedAt',
] as const;
export type CorridorSortField = (typeof CORRIDOR_SORT_FIELDS)[number];

export const CorridorListQuery = Type.Object(
  {
    ...pagingQuery({ limit: 100, max: 1000 }),
    sort: sortQuery(CORRIDOR_SORT_FIELDS, 'name'),
    bbox: BboxFilter,
    mode: codeFilter(corridorModes, 'Only corridors of this mode'),
    threat: codeFilter(threats, 'Only corridors carrying this threat'),
    confidence: codeFilter(confidenceLevels, 'Only corridors with this confidence'),
    country: codeFilter(countries, 'Only corridors whose line crosses this country'),
    /** Only corridors valid on this date (validFrom <= date <= validTo). */
    activeOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type CorridorListQuery = Static<typeof CorridorListQuery>;

const CorridorGeometryOutput = geometryOutput<CorridorGeometry>(
  'GeoJSON LineString or MultiLineString (longitude, latitude)',
);

const corridorProperties = {
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  mode: Type.Unsafe<CorridorMode>(Type.String({ description: 'corridorModes code' })),
  threats: Type.Array(Type.Unsafe<Threat>(Type.String({ description: 'threats code' }))),
  confidence: Type.Unsafe<ConfidenceLevel>(Type.String({ description: 'confidenceLevels code' })),
  source: Type.String(),
  validFrom: Type.String({ format: 'date' }),
  validTo: NullableString,
  description: NullableString,
  ...RecordMetaOutput,
};

const corridor = layerSchemas(corridorProperties, CorridorGeometryOutput, {
  title: 'Corridor',
  plural: 'Corridors',
});

/** A corridor as answered (the domain `Corridor`). */
export const CorridorOutput = corridor.output;
export type CorridorOutput = Static<typeof CorridorOutput>;
export const CorridorFeature = corridor.feature;
export const CorridorFeatureCollection = corridor.collection;
