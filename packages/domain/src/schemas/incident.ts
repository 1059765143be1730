import Type, { type Static } from 'typebox';
import { CountryCode, IncidentKind, Threat } from '../codes';
import { IncidentGeometry } from '../geometry';
import { Description, IsoDate, Nullable, RecordMeta, SourceText, Text, Uuid } from './common';

const incidentFields = {
  kind: IncidentKind,
  occurredOn: IsoDate,
  geometry: IncidentGeometry,
  country: CountryCode,
  threat: Nullable(Threat),
  quantity: Nullable(Type.Number({ minimum: 0 })),
  unit: Nullable(Text(50)),
  description: Nullable(Description),
  source: SourceText,
  illustrative: Type.Boolean(),
};

/** A dated event at a point: a seizure, a homicide, an arrest… */
export const Incident = Type.Object(
  { id: Uuid, ...incidentFields, ...RecordMeta },
  { additionalProperties: false, $id: 'Incident' },
);
export type Incident = Static<typeof Incident>;

export const IncidentInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    ...incidentFields,
    threat: Type.Optional(incidentFields.threat),
    quantity: Type.Optional(incidentFields.quantity),
    unit: Type.Optional(incidentFields.unit),
    description: Type.Optional(incidentFields.description),
    illustrative: Type.Optional(incidentFields.illustrative),
  },
  { additionalProperties: false, $id: 'IncidentInput' },
);
export type IncidentInput = Static<typeof IncidentInput>;

export const IncidentPatch = Type.Partial(Type.Omit(IncidentInput, ['id']), {
  additionalProperties: false,
  $id: 'IncidentPatch',
});
export type IncidentPatch = Static<typeof IncidentPatch>;
