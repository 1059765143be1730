import Type, { type Static } from 'typebox';
import { CountryCode, GeoPrecision } from '../codes';
import { SiteGeometry } from '../geometry';
import { Description, Nullable, RecordMeta, Text, Uuid } from './common';
import { DepartmentCode } from './boundary';

const siteFields = {
  programId: Uuid,
  name: Text(200),
  precision: GeoPrecision,
  geometry: SiteGeometry,
  description: Nullable(Description),
  illustrative: Type.Boolean(),
};

/** A place where a program works. `country` and `department` are derived on write. */
export const Site = Type.Object(
  {
    id: Uuid,
    ...siteFields,
    country: Nullable(CountryCode),
    department: Nullable(DepartmentCode),
    ...RecordMeta,
  },
  { additionalProperties: false, $id: 'Site' },
);
export type Site = Static<typeof Site>;

export const SiteInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    ...siteFields,
    description: Type.Optional(siteFields.description),
    illustrative: Type.Optional(siteFields.illustrative),
  },
  { additionalProperties: false, $id: 'SiteInput' },
);
export type SiteInput = Static<typeof SiteInput>;

export const SitePatch = Type.Partial(Type.Omit(SiteInput, ['id']), {
  additionalProperties: false,
  $id: 'SitePatch',
});
export type SitePatch = Static<typeof SitePatch>;
