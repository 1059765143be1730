import {
  countries,
  programStatuses,
  programLines,
  Site,
  SiteInput,
  type ProgramLine,
  type SiteGeometry,
} from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { codeFilter, PageLinksSchema, pagingQuery } from '../../lib/query';
import { bboxQuery } from '../../registry';

/** Unknown parameters are refused (400), so a misspelt filter never silently matches all. */
export const SiteListQuery = Type.Object(
  {
    ...pagingQuery({ limit: 1000, max: 10_000 }),
    bbox: Type.Optional(bboxQuery('Only sites whose geometry intersects this box')),
    programId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only the sites of this program' }),
    ),
    country: codeFilter(countries, 'Only sites in this country (derived from the boundaries)'),
    line: codeFilter(programLines, 'Only sites of programs of this line'),
    status: codeFilter(programStatuses, 'Only sites of programs with this status'),
    precision: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 9, description: 'Only sites of this IATI precision' }),
    ),
  },
  { additionalProperties: false },
);
export type SiteListQuery = Static<typeof SiteListQuery>;

/** The sites of one program: the same filters, the program comes from the URL. */
export const ProgramSiteListQuery = Type.Omit(SiteListQuery, ['programId'], {
  additionalProperties: false,
});

/** One site as stored (country and department derived by the database). */
/** A site created under /api/v1/programs/:id/sites: the program comes from the path. */
export const ProgramSiteInput = Type.Object(
  {
    ...Type.Omit(SiteInput, ['programId']).properties,
    programId: Type.Optional(
      Type.String({ format: 'uuid', description: 'If given, must be the program in the path' }),
    ),
  },
  { additionalProperties: false, title: 'ProgramSiteInput' },
);

export const SiteRecord = Type.Object({ ...Site.properties }, { title: 'SiteRecord' });
export type SiteRecord = Static<typeof SiteRecord>;

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
  status: Type.String({ description: "The program's status" }),
  version: Type.Integer({ minimum: 1 }),
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
  links: PageLinksSchema,
});
