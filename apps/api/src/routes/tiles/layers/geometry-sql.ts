// SQL shared by every layer's tile query: the tile envelope, clipping and simplification, and
// the grid clustering of points at low zooms. Layers select candidate rows as
// `(geom geometry(4326), props jsonb)`; these helpers turn them into tile features
// `(geom geometry(3857) clipped to the tile and its buffer and simplified, props jsonb)`.
import { sql, type RawBuilder } from 'kysely';
import {
  MERCATOR_HALF,
  TILE_BUFFER,
  TILE_EXTENT,
  tileBoxDegrees,
  tileBoxMercator,
  tileSizeMetres,
  type Box,
  type TileKey,
} from '../tile-grid';

/** Points are clustered up to this zoom; from the next zoom on every feature is itself. */
export const CLUSTER_MAX_ZOOM = 13;
/** Cluster cells per tile side: 128 tile units each (8 px on a 256 px tile). */
export const CLUSTER_CELLS = 32;

function envelope([minX, minY, maxX, maxY]: Box, srid: 4326 | 3857): RawBuilder<unknown> {
  return sql`ST_MakeEnvelope(${minX}::float8, ${minY}::float8, ${maxX}::float8, ${maxY}::float8, ${sql.lit(srid)})`;
}

/** The tile with its buffer, in degrees: the index filter for candidate rows (`geom && …`). */
export function candidateEnvelope(key: TileKey): RawBuilder<unknown> {
  return envelope(tileBoxDegrees(key, TILE_BUFFER), 4326);
}

/** The tile itself in EPSG:3857 (for ST_AsMVTGeom). */
export function tileEnvelope(key: TileKey): RawBuilder<unknown> {
  return envelope(tileBoxMercator(key), 3857);
}

/** Polygon parts smaller than this many square tile units are left out (invisible anyway). */
export const MIN_PART_AREA = 4;

/**
 * A 4326 geometry cut to the tile and its buffer (in degrees, cheap, before reprojecting),
 * projected to 3857 and simplified to one tile unit. Polygon parts (islands, slivers) smaller
 * than MIN_PART_AREA go: both encoders would otherwise treat them differently after snapping
 * to the tile grid. NULL when nothing is left.
 */
export function preparedGeometry(key: TileKey, column: RawBuilder<unknown>): RawBuilder<unknown> {
  const unit = tileSizeMetres(key.z) / TILE_EXTENT;
  const minArea = MIN_PART_AREA * unit * unit;
  const simplified = sql`ST_Simplify(ST_Transform(ST_ClipByBox2D(${column}, ${candidateEnvelope(key)}::box2d), 3857), ${unit}::float8)`;
  return sql`(
    SELECT CASE WHEN ST_Dimension(s.g) < 2 THEN s.g ELSE (
      SELECT ST_Multi(ST_Collect(d.geom)) FROM ST_Dump(s.g) AS d
      WHERE ST_Area(d.geom) >= ${minArea}::float8) END
    FROM (SELECT ${simplified} AS g) AS s
  )`;
}

/** Plain features: every candidate, prepared. */
export function plainFeatures(key: TileKey, candidates: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT ${preparedGeometry(key, sql`c.geom`)} AS geom, c.props FROM (${candidates}) AS c`;
}

/**
 * Below CLUSTER_MAX_ZOOM: points (and areas smaller than a cell, as their point on surface)
 * are grouped by a grid of cells aligned with the tiles, so a cluster never straddles two
 * tiles, and each point belongs to exactly one tile (half-open intervals, no buffer). A cell
 * holding one feature gives that feature; a cell holding several gives one point at their
 * centroid with `cluster: true, count: n`. Larger areas stay areas.
 */
export function clusteredFeatures(
  key: TileKey,
  candidates: RawBuilder<unknown>,
): RawBuilder<unknown> {
  if (key.z > CLUSTER_MAX_ZOOM) return plainFeatures(key, candidates);
  const size = tileSizeMetres(key.z);
  const cell = size / CLUSTER_CELLS;
  const half = MERCATOR_HALF;
  return sql`
    WITH sized AS (
      SELECT c.geom, c.props,
        GeometryType(c.geom) = 'POINT' OR greatest(ST_XMax(b.box) - ST_XMin(b.box),
          ST_YMax(b.box) - ST_YMin(b.box)) < ${cell}::float8 AS small
      FROM (${candidates}) AS c
      CROSS JOIN LATERAL (SELECT ST_Transform(ST_Envelope(c.geom), 3857) AS box) AS b
    ),
    points AS (
      SELECT s.props, p.point
      FROM sized AS s
      CROSS JOIN LATERAL (SELECT ST_Transform(ST_PointOnSurface(s.geom), 3857) AS point) AS p
      WHERE s.small
        AND floor((ST_X(p.point) + ${half}::float8) / ${size}::float8) = ${key.x}
        AND floor((${half}::float8 - ST_Y(p.point)) / ${size}::float8) = ${key.y}
    ),
    cells AS (
      SELECT count(*) AS n, ST_Centroid(ST_Collect(point)) AS center,
        (array_agg(point))[1] AS point, (array_agg(props))[1] AS props
      FROM points
      GROUP BY floor((ST_X(point) + ${half}::float8) / ${cell}::float8),
        floor((${half}::float8 - ST_Y(point)) / ${cell}::float8)
    )
    SELECT CASE WHEN n = 1 THEN point ELSE center END AS geom,
      CASE WHEN n = 1 THEN props ELSE jsonb_build_object('cluster', true, 'count', n) END AS props
    FROM cells
    UNION ALL
    SELECT ${preparedGeometry(key, sql`s.geom`)} AS geom, s.props FROM sized AS s WHERE NOT s.small
  `;
}

/** Only features with something left to draw after clipping. */
export function drawable(features: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT f.geom, f.props FROM (${features}) AS f
    WHERE f.geom IS NOT NULL AND NOT ST_IsEmpty(f.geom)`;
}
