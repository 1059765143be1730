import {
  countries,
  incidentKinds,
  IsoDate,
  threats,
  type CountryCode,
  type IncidentGeometry,
  type IncidentKind,
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

export const INCIDENT_SORT_FIELDS = [
  'occurredOn',
  'kind',
  'country',
  'quantity',
  'updatedAt',
] as const;
export type IncidentSortField = (typeof INCIDENT_SORT_FIELDS)[number];

export const IncidentListQuery = Type.Object(
  {
    ...pagingQuery({ limit: 1000, max: 10_000 }),
    sort: sortQuery(INCIDENT_SORT_FIELDS, '-occurredOn'),
    bbox: BboxFilter,
    kind: codeFilter(incidentKinds, 'Only incidents of this kind'),
    country: codeFilter(countries, 'Only incidents in this country'),
    threat: codeFilter(threats, 'Only incidents about this threat'),
    /** Only incidents on or after this date. */
    from: Type.Optional(IsoDate),
    /** Only incidents on or before this date. */
    to: Type.Optional(IsoDate),
    year: Type.Optional(
      Type.Integer({ minimum: 1900, maximum: 2100, description: 'Calendar year of occurredOn' }),
    ),
  },
  { additionalProperties: false },
);
export type IncidentListQuery = Static<typeof IncidentListQuery>;

const IncidentGeometryOutput = geometryOutput<IncidentGeometry>(
  'GeoJSON Point (longitude, latitude)',
);

const incidentProperties = {
  id: Type.String({ format: 'uuid' }),
  kind: Type.Unsafe<IncidentKind>(Type.String({ description: 'incidentKinds code' })),
  occurredOn: Type.String({ format: 'date' }),
  country: Type.Unsafe<CountryCode>(Type.String({ description: 'countries code' })),
  threat: Type.Unsafe<Threat | null>(
    Type.Union([Type.String({ description: 'threats code' }), Type.Null()]),
  ),
  quantity: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  unit: NullableString,
  description: NullableString,
  source: Type.String(),
  ...RecordMetaOutput,
};

const incident = layerSchemas(incidentProperties, IncidentGeometryOutput, {
  title: 'Incident',
  plural: 'Incidents',
});

/** An incident as answered (the domain `Incident`). */
export const IncidentOutput = incident.output;
export type IncidentOutput = Static<typeof IncidentOutput>;
export const IncidentFeature = incident.feature;
export const IncidentFeatureCollection = incident.collection;
