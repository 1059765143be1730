import Type, { type Static } from 'typebox';
import { ConfidenceLevel, CorridorMode, Threat } from '../codes';
import { CorridorGeometry } from '../geometry';
import { Description, IsoDate, Nullable, RecordMeta, SourceText, Text, Uuid } from './common';

const corridorFields = {
  name: Text(200),
  mode: CorridorMode,
  threats: Type.Array(Threat, { minItems: 1, uniqueItems: true }),
  confidence: ConfidenceLevel,
  source: SourceText,
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  geometry: CorridorGeometry,
  description: Nullable(Description),
  illustrative: Type.Boolean(),
};

/** A trafficking corridor: a line with a mode, threats and a validity period. */
export const Corridor = Type.Object(
  { id: Uuid, ...corridorFields, ...RecordMeta },
  { additionalProperties: false, $id: 'Corridor' },
);
export type Corridor = Static<typeof Corridor>;

export const CorridorInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    ...corridorFields,
    validTo: Type.Optional(corridorFields.validTo),
    description: Type.Optional(corridorFields.description),
    illustrative: Type.Optional(corridorFields.illustrative),
  },
  { additionalProperties: false, $id: 'CorridorInput' },
);
export type CorridorInput = Static<typeof CorridorInput>;

export const CorridorPatch = Type.Partial(Type.Omit(CorridorInput, ['id']), {
  additionalProperties: false,
  $id: 'CorridorPatch',
});
export type CorridorPatch = Static<typeof CorridorPatch>;
