import Type, { type Static } from 'typebox';
import type * as GeoJSON from 'geojson';

/**
 * GeoJSON (RFC 7946) geometry schemas in longitude/latitude. Structure (member names, array
 * lengths) is plain JSON Schema; ranges and ring closure are TypeBox refinements, which travel
 * with the schema object, so the API and the browser validate exactly the same way.
 */

/** [lon, lat] or [lon, lat, altitude]; typed as GeoJSON's Position (number[]). */
export type Position = GeoJSON.Position;

function positionProblem(position: readonly number[]): string | null {
  const [lon, lat] = position;
  if (lon === undefined || lon < -180 || lon > 180) return 'longitude must be within -180..180';
  if (lat === undefined || lat < -90 || lat > 90) return 'latitude must be within -90..90';
  return null;
}

function ringProblem(ring: readonly (readonly number[])[]): string | null {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return 'a ring needs at least 4 positions';
  const closed = first.length === last.length && first.every((value, i) => value === last[i]);
  return closed ? null : 'a ring must be closed (first and last positions equal)';
}

// Numbers in JSON Schema are finite in TypeBox (NaN and ±Infinity fail `type: number`).
const PositionArray = Type.Array(Type.Number(), { minItems: 2, maxItems: 3, title: 'Position' });

export const PositionSchema = Type.Refine(
  PositionArray,
  (position) => positionProblem(position) === null,
  (position) => positionProblem(position) ?? 'invalid position',
);

const LineCoordinates = Type.Array(PositionSchema, { minItems: 2 });

export const LinearRing = Type.Refine(
  Type.Array(PositionSchema, { minItems: 4, title: 'LinearRing' }),
  (ring) => ringProblem(ring) === null,
  (ring) => ringProblem(ring) ?? 'invalid ring',
);

const PolygonCoordinates = Type.Array(LinearRing, { minItems: 1 });

function geometrySchema<Name extends string, Coordinates extends Parameters<typeof Type.Object>[0]>(
  name: Name,
  properties: Coordinates,
) {
  return Type.Object(
    { type: Type.Literal(name), ...properties },
    { additionalProperties: false, title: name },
  );
}

export const Point = geometrySchema('Point', { coordinates: PositionSchema });
export type Point = Static<typeof Point>;

export const MultiPoint = geometrySchema('MultiPoint', {
  coordinates: Type.Array(PositionSchema, { minItems: 1 }),
});
export type MultiPoint = Static<typeof MultiPoint>;

export const LineString = geometrySchema('LineString', { coordinates: LineCoordinates });
export type LineString = Static<typeof LineString>;

export const MultiLineString = geometrySchema('MultiLineString', {
  coordinates: Type.Array(LineCoordinates, { minItems: 1 }),
});
export type MultiLineString = Static<typeof MultiLineString>;

export const Polygon = geometrySchema('Polygon', { coordinates: PolygonCoordinates });
export type Polygon = Static<typeof Polygon>;

export const MultiPolygon = geometrySchema('MultiPolygon', {
  coordinates: Type.Array(PolygonCoordinates, { minItems: 1 }),
});
export type MultiPolygon = Static<typeof MultiPolygon>;

/** Any of the six geometry types above (no GeometryCollection). */
export const Geometry = Type.Union(
  [Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon],
  { title: 'Geometry' },
);
export type Geometry = Static<typeof Geometry>;

export const SiteGeometry = Type.Union([Point, Polygon, MultiPolygon], { title: 'SiteGeometry' });
export type SiteGeometry = Static<typeof SiteGeometry>;

export const CorridorGeometry = Type.Union([LineString, MultiLineString], {
  title: 'CorridorGeometry',
});
export type CorridorGeometry = Static<typeof CorridorGeometry>;

export const CommunityGeometry = Type.Union([Point, Polygon, MultiPolygon], {
  title: 'CommunityGeometry',
});
export type CommunityGeometry = Static<typeof CommunityGeometry>;

export const IncidentGeometry = Point;
export type IncidentGeometry = Point;

export const BoundaryGeometry = Type.Union([Polygon, MultiPolygon], { title: 'BoundaryGeometry' });
export type BoundaryGeometry = Static<typeof BoundaryGeometry>;
