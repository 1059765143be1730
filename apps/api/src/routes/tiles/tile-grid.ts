// The WebMercatorQuad tile grid (EPSG:3857, XYZ numbering from the top-left): tile envelopes in
// metres and in degrees, and the zoom limits every tileset shares. Pure functions, no I/O.

/** Half the width of the Web Mercator square, in metres (π × 6378137). */
export const MERCATOR_HALF = 20037508.342789244;
/** Tile coordinate space of every encoded tile (MVT `extent`). */
export const TILE_EXTENT = 4096;
/** Extra margin around each tile, in tile units, so symbols and strokes cross tile edges cleanly. */
export const TILE_BUFFER = 64;
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 16;

export interface TileKey {
  z: number;
  x: number;
  y: number;
}

/** [minX, minY, maxX, maxY] */
export type Box = [number, number, number, number];

/** Why a tile key lies outside the grid, or null when it is inside. */
export function tileKeyProblem({ z, x, y }: TileKey): string | null {
  if (z < MIN_ZOOM || z > MAX_ZOOM) {
    return `zoom ${z} is outside this server's range ${MIN_ZOOM}..${MAX_ZOOM}`;
  }
  const size = 2 ** z;
  if (x >= size) return `column ${x} is outside zoom ${z} (0..${size - 1})`;
  if (y >= size) return `row ${y} is outside zoom ${z} (0..${size - 1})`;
  return null;
}

/** Width of one tile at zoom z, in metres. */
export function tileSizeMetres(z: number): number {
  return (2 * MERCATOR_HALF) / 2 ** z;
}

/** The tile's envelope in EPSG:3857, grown by `margin` tile units on each side. */
export function tileBoxMercator({ z, x, y }: TileKey, margin = 0): Box {
  const size = tileSizeMetres(z);
  const grow = (size * margin) / TILE_EXTENT;
  const minX = -MERCATOR_HALF + x * size;
  const maxY = MERCATOR_HALF - y * size;
  return [minX - grow, maxY - size - grow, minX + size + grow, maxY + grow];
}

function longitudeOf(metresX: number): number {
  return (metresX / MERCATOR_HALF) * 180;
}

function latitudeOf(metresY: number): number {
  return (Math.atan(Math.sinh((metresY / MERCATOR_HALF) * Math.PI)) * 180) / Math.PI;
}

/** The same envelope in EPSG:4326 (a Mercator rectangle is a longitude/latitude rectangle). */
export function tileBoxDegrees(key: TileKey, margin = 0): Box {
  const [minX, minY, maxX, maxY] = tileBoxMercator(key, margin);
  return [longitudeOf(minX), latitudeOf(minY), longitudeOf(maxX), latitudeOf(maxY)];
}
