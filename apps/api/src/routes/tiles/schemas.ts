// Request and response schemas of /tiles (TypeBox; published in OpenAPI).
import {
  agencies,
  corridorModes,
  countries,
  incidentKinds,
  IsoDate,
  programLines,
  programStatuses,
} from '@atlas/domain';
import Type, { type Static } from 'typebox';
import { codeFilter } from '../../lib/query';

const FiscalYear = (description: string) =>
  Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description }));

/**
 * The registry's filters, by the same names. Unknown parameters are refused (400); a filter that
 * none of the tileset's layers understands is refused too (see filters.ts).
 */
export const TileQuery = Type.Object(
  {
    country: codeFilter(countries, 'Only features in (or of) this country'),
    line: codeFilter(programLines, 'Sites and programs: only programs of this line'),
    goal: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, description: 'Sites and programs: this goal' }),
    ),
    status: codeFilter(programStatuses, 'Sites and programs: only programs with this status'),
    agency: codeFilter(agencies, 'Sites and programs: only programs of this agency'),
    fyFrom: FiscalYear('Sites and programs: funding in this fiscal year or later'),
    fyTo: FiscalYear('Sites and programs: funding in this fiscal year or earlier'),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    mode: codeFilter(corridorModes, 'Corridors: only this mode'),
    kind: codeFilter(incidentKinds, 'Incidents: only this kind'),
  },
  { additionalProperties: false },
);
export type TileQuery = Static<typeof TileQuery>;

const TilesetId = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    'A layer (sites, programs, corridors, communities, incidents, countries, ' +
    'departments) or several, comma-separated (e.g. `sites,corridors`)',
});

export const TilesetParams = Type.Object({ tileset: TilesetId });
export type TilesetParams = Static<typeof TilesetParams>;

/**
 * A tile coordinate as written in the path: digits only (the schema converter would otherwise
 * turn `1.5` into 1). Read with Number(); the grid check then gives 404 outside the range.
 */
export const TileCoordinate = (description: string) =>
  Type.String({ pattern: '^(0|[1-9][0-9]{0,8})$', description });

export const TileParams = Type.Object({
  tileset: TilesetId,
  z: TileCoordinate('Zoom level (0-16)'),
  x: TileCoordinate('Column, from the west'),
  y: TileCoordinate('Row, from the north'),
});
export type TileParams = Static<typeof TileParams>;

const VectorLayer = Type.Object({
  id: Type.String({ description: 'The source-layer name' }),
  description: Type.String(),
  minzoom: Type.Integer(),
  maxzoom: Type.Integer(),
  fields: Type.Record(Type.String(), Type.String()),
});

/** TileJSON 3.0.0 (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0). */
export const TileJson = Type.Object(
  {
    tilejson: Type.Literal('3.0.0'),
    name: Type.String(),
    description: Type.String(),
    attribution: Type.String(),
    scheme: Type.Literal('xyz'),
    tiles: Type.Array(Type.String()),
    minzoom: Type.Integer(),
    maxzoom: Type.Integer(),
    bounds: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
    center: Type.Array(Type.Number(), { minItems: 3, maxItems: 3 }),
    vector_layers: Type.Array(VectorLayer),
  },
  { title: 'TileJSON' },
);
export type TileJson = Static<typeof TileJson>;

export const TilesetList = Type.Object({
  tilesets: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      description: Type.String(),
      access: Type.String({ description: '`public`, or `read` (signed-in user or API key)' }),
      filters: Type.Array(Type.String()),
      tilejson: Type.String({ description: 'URL of the TileJSON' }),
      tiles: Type.String({ description: 'Tile URL template' }),
    }),
  ),
  composite: Type.String({ description: 'How to ask for several layers in one tile' }),
});
