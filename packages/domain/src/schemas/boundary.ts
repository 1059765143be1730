import Type, { type Static } from 'typebox';
import { CountryCode } from '../codes';
import { BoundaryGeometry } from '../geometry';
import { Text } from './common';

/** A first-level division code such as `GT-PE` (ISO 3166-2 where known). */
export const DepartmentCode = Type.String({
  pattern: '^[A-Z]{2}-[A-Z0-9]{1,6}$',
  title: 'DepartmentCode',
  examples: ['GT-PE'],
});

export const CountryBoundary = Type.Object(
  { code: CountryCode, name: Text(200), nameEs: Text(200), geometry: BoundaryGeometry },
  { additionalProperties: false, $id: 'CountryBoundary' },
);
export type CountryBoundary = Static<typeof CountryBoundary>;

export const DepartmentBoundary = Type.Object(
  {
    code: DepartmentCode,
    country: CountryCode,
    name: Text(200),
    nameEs: Text(200),
    geometry: BoundaryGeometry,
  },
  { additionalProperties: false, $id: 'DepartmentBoundary' },
);
export type DepartmentBoundary = Static<typeof DepartmentBoundary>;
