import { countries, DepartmentCode, type CommunityGeometry, type CountryCode } from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { codeFilter, pagingQuery, sortQuery } from '../../lib/query';
import {
  BboxFilter,
  geometryOutput,
  layerSchemas,
  NullableString,
  RecordMetaOutput,
} from '../../registry';
import { FIRST_COMMUNITY_YEAR } from './checks';

export const COMMUNITY_SORT_FIELDS = [
  'name',
  'country',
  'homicideRate',
  'population',
  'year',
  'updatedAt',
] as const;
export type CommunitySortField = (typeof COMMUNITY_SORT_FIELDS)[number];

export const CommunityListQuery = Type.Object(
  {
    ...pagingQuery({ limit: 200, max: 2000 }),
    sort: sortQuery(COMMUNITY_SORT_FIELDS, 'name'),
    bbox: BboxFilter,
    country: codeFilter(countries, 'Only communities in this country'),
    department: Type.Optional(DepartmentCode),
    // The years the table keeps (its CHECK constraint), as on create.
    year: Type.Optional(
      Type.Integer({ minimum: FIRST_COMMUNITY_YEAR, maximum: 2100, description: 'Data year' }),
    ),
    minHomicideRate: Type.Optional(
      Type.Number({ minimum: 0, description: 'Only communities with at least this rate' }),
    ),
    minPopulation: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Only communities with at least this population' }),
    ),
  },
  { additionalProperties: false },
);
export type CommunityListQuery = Static<typeof CommunityListQuery>;

const CommunityGeometryOutput = geometryOutput<CommunityGeometry>(
  'GeoJSON Point, Polygon or MultiPolygon (longitude, latitude)',
);

const communityProperties = {
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  country: Type.Unsafe<CountryCode>(Type.String({ description: 'countries code' })),
  department: NullableString,
  population: Type.Integer({ minimum: 0 }),
  homicideRate: Type.Number({ minimum: 0, description: 'Homicides per 100,000 inhabitants' }),
  year: Type.Integer(),
  source: Type.String(),
  ...RecordMetaOutput,
};

const community = layerSchemas(communityProperties, CommunityGeometryOutput, {
  title: 'Community',
  plural: 'Communities',
});

/** A community at risk as answered (the domain `Community`). */
export const CommunityOutput = community.output;
export type CommunityOutput = Static<typeof CommunityOutput>;
export const CommunityFeature = community.feature;
export const CommunityFeatureCollection = community.collection;
