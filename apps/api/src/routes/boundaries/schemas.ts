import { BoundaryGeometry, countries, CountryCode, DepartmentCode } from '@atlas/domain';
import Type from 'typebox';
import { codeFilter } from '../../lib/query';
import { bboxQuery } from '../../registry';

const simplify = Type.Number({
  minimum: 0,
  maximum: 1,
  description:
    'Simplify the outlines with this tolerance in degrees (0.01 ≈ 1 km; topology preserved). ' +
    'Default: full detail.',
});

export const CountryListQuery = Type.Object(
  {
    bbox: Type.Optional(bboxQuery('Only the countries whose outline intersects this box')),
    simplify: Type.Optional(simplify),
  },
  { additionalProperties: false },
);

export const DepartmentListQuery = Type.Object(
  {
    country: codeFilter(countries, 'Only the departments of this country'),
    bbox: Type.Optional(bboxQuery('Only the departments whose outline intersects this box')),
    simplify: Type.Optional(simplify),
  },
  { additionalProperties: false },
);

export const BoundaryQuery = Type.Object(
  { simplify: Type.Optional(simplify) },
  { additionalProperties: false },
);

/** Two capital letters; an unknown one is a 404 (the list of countries may grow). */
export const CountryParams = Type.Object({
  code: Type.String({ pattern: '^[A-Z]{2}$', examples: ['GT'] }),
});
export const DepartmentParams = Type.Object({ code: DepartmentCode });

export const CountryFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: CountryCode,
    geometry: BoundaryGeometry,
    properties: Type.Object({ code: CountryCode, name: Type.String(), nameEs: Type.String() }),
  },
  { title: 'CountryFeature' },
);

export const DepartmentFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: DepartmentCode,
    geometry: BoundaryGeometry,
    properties: Type.Object({
      code: DepartmentCode,
      country: CountryCode,
      name: Type.String(),
      nameEs: Type.String(),
    }),
  },
  { title: 'DepartmentFeature' },
);

function featureCollection(
  feature: typeof CountryFeature | typeof DepartmentFeature,
  title: string,
) {
  return Type.Object(
    {
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(feature),
      numberReturned: Type.Integer({ minimum: 0 }),
    },
    { title },
  );
}

export const CountryCollection = featureCollection(CountryFeature, 'CountryCollection');
export const DepartmentCollection = featureCollection(DepartmentFeature, 'DepartmentCollection');
