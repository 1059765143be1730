// The WebMercatorQuad tile matrix set (OGC 17-083r4 annex, JSON encoding of OGC 2D TMS 2.0),
// limited to the zooms this server renders.
import { MAX_ZOOM, MERCATOR_HALF, MIN_ZOOM } from './tile-grid';

export const TILE_MATRIX_SET_ID = 'WebMercatorQuad';
export const TILE_MATRIX_SET_URI =
  'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad';
export const WEB_MERCATOR_CRS = 'http://www.opengis.net/def/crs/EPSG/0/3857';

/** Scale denominator and cell size (metres per pixel, 256-pixel tiles) at zoom 0. */
const SCALE_DENOMINATOR_0 = 559082264.0287178;
const CELL_SIZE_0 = 156543.03392804097;

export function tileMatrixSet() {
  const zooms = Array.from({ length: MAX_ZOOM - MIN_ZOOM + 1 }, (_, i) => MIN_ZOOM + i);
  return {
    id: TILE_MATRIX_SET_ID,
    title: 'Google Maps Compatible for the World',
    uri: TILE_MATRIX_SET_URI,
    crs: WEB_MERCATOR_CRS,
    orderedAxes: ['X', 'Y'],
    wellKnownScaleSet: 'http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible',
    tileMatrices: zooms.map((z) => ({
      id: String(z),
      scaleDenominator: SCALE_DENOMINATOR_0 / 2 ** z,
      cellSize: CELL_SIZE_0 / 2 ** z,
      cornerOfOrigin: 'topLeft',
      pointOfOrigin: [-MERCATOR_HALF, MERCATOR_HALF],
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: 2 ** z,
      matrixHeight: 2 ** z,
    })),
  };
}

export function tileMatrixSetLimits() {
  return Array.from({ length: MAX_ZOOM - MIN_ZOOM + 1 }, (_, i) => {
    const z = MIN_ZOOM + i;
    return {
      tileMatrix: String(z),
      minTileRow: 0,
      maxTileRow: 2 ** z - 1,
      minTileCol: 0,
      maxTileCol: 2 ** z - 1,
    };
  });
}

/** The conformance classes of OGC API - Tiles that the tests in test/tiles prove. */
export const TILES_CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets',
  'http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt',
] as const;
