// Geometry in and out of SQL as GeoJSON (RFC 7946, EPSG:4326).
// Write: `geom: geomFromGeoJSON(feature.geometry)`; read: `asGeoJSON('sites.geom').as('geometry')`.
import type { Geometry } from 'geojson';
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { GeometryValue } from '../schema';

function geoJsonText(geometry: Geometry | string): string {
  return typeof geometry === 'string' ? geometry : JSON.stringify(geometry);
}

function toExpression(column: string | Expression<unknown>): Expression<unknown> {
  return typeof column === 'string' ? sql.ref(column) : column;
}

/** A GeoJSON geometry as a PostGIS geometry in EPSG:4326 (bound parameter, never pasted SQL). */
export function geomFromGeoJSON(geometry: Geometry | string): RawBuilder<GeometryValue> {
  return sql<GeometryValue>`ST_SetSRID(ST_GeomFromGeoJSON(${geoJsonText(geometry)}::text), 4326)`;
}

/** Like geomFromGeoJSON, promoted to a Multi* geometry (for MultiPolygon columns). */
export function multiGeomFromGeoJSON(geometry: Geometry | string): RawBuilder<GeometryValue> {
  return sql<GeometryValue>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geoJsonText(geometry)}::text), 4326))`;
}

/** Select a geometry column (or expression) as a parsed GeoJSON geometry object. */
export function asGeoJSON<G extends Geometry = Geometry>(
  column: string | Expression<unknown>,
  maxDecimalDigits = 9,
): RawBuilder<G> {
  return sql<G>`ST_AsGeoJSON(${toExpression(column)}, ${sql.lit(maxDecimalDigits)})::json`;
}

/** Bounding box [minLon, minLat, maxLon, maxLat] as an envelope geometry, for `&&` filters. */
export function envelope(
  bbox: readonly [number, number, number, number],
): RawBuilder<GeometryValue> {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  return sql<GeometryValue>`ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326)`;
}
