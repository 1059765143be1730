import Type, { type Static } from 'typebox';
import { CountryCode } from '../codes';
import { CommunityGeometry } from '../geometry';
import { DepartmentCode } from './boundary';
import { Nullable, RecordMeta, SourceText, Text, Uuid } from './common';

const communityFields = {
  name: Text(200),
  country: CountryCode,
  department: Nullable(DepartmentCode),
  geometry: CommunityGeometry,
  population: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  /** Homicides per 100,000 inhabitants. */
  homicideRate: Type.Number({ minimum: 0, maximum: 100000 }),
  year: Type.Integer({ minimum: 1990, maximum: 2100 }),
  source: SourceText,
  illustrative: Type.Boolean(),
};

/** A community at risk (prevention target). */
export const Community = Type.Object(
  { id: Uuid, ...communityFields, ...RecordMeta },
  { additionalProperties: false, $id: 'Community' },
);
export type Community = Static<typeof Community>;

export const CommunityInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    ...communityFields,
    department: Type.Optional(communityFields.department),
    illustrative: Type.Optional(communityFields.illustrative),
  },
  { additionalProperties: false, $id: 'CommunityInput' },
);
export type CommunityInput = Static<typeof CommunityInput>;

export const CommunityPatch = Type.Partial(Type.Omit(CommunityInput, ['id']), {
  additionalProperties: false,
  $id: 'CommunityPatch',
});
export type CommunityPatch = Static<typeof CommunityPatch>;
