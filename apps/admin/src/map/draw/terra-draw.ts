// Terra Draw on the Atlas map: line and polygon drawing plus a select mode to reshape (drag
// vertices, add them at midpoints, delete them). One instance per drawing component.
import type { Map as MaplibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export type DrawKind = 'linestring' | 'polygon';
export type DrawnGeometry = LineString | MultiLineString | Polygon | MultiPolygon;

const EDIT_FLAGS = {
  feature: {
    draggable: true,
    coordinates: { midpoints: true, draggable: true, deletable: true },
  },
};

/** How close (in pixels) to the last point a click must be to finish a line. */
const FINISH_DISTANCE_PX = 6;

export function createTerraDraw(map: MaplibreMap, kind: DrawKind): TerraDraw {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      kind === 'linestring'
        ? new TerraDrawLineStringMode({
            // A click within `pointerDistance` pixels of the last point finishes the line. The
            // default (40 px) spans tens of kilometres at the regional zoom, so the next point of
            // a corridor could end it instead. A few pixels leave a second click on the same
            // spot (a double-click) and the finish key (Enter) as the ways to finish.
            pointerDistance: FINISH_DISTANCE_PX,
            styles: { lineStringColor: '#b91c1c', lineStringWidth: 3 },
          })
        : new TerraDrawPolygonMode({
            styles: { fillColor: '#1d4ed8', fillOpacity: 0.25, outlineColor: '#1d4ed8' },
          }),
      new TerraDrawSelectMode({ flags: { [kind]: EDIT_FLAGS } }),
    ],
  });
  draw.start();
  return draw;
}

/** The features of a geometry, as Terra Draw stores them (one per line or polygon part). */
export function toDrawFeatures(
  geometry: DrawnGeometry | null,
  kind: DrawKind,
): GeoJSONStoreFeatures[] {
  if (!geometry) return [];
  const parts: (LineString | Polygon)[] =
    geometry.type === 'MultiLineString'
      ? geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }))
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))
        : [geometry];
  return parts.map((part) => ({
    type: 'Feature',
    geometry: part,
    properties: { mode: kind },
  }));
}

/** The drawn features as one geometry (several parts become a Multi… geometry), or null. */
export function fromDrawFeatures(draw: TerraDraw, kind: DrawKind): DrawnGeometry | null {
  const wanted = kind === 'linestring' ? 'LineString' : 'Polygon';
  const parts = draw
    .getSnapshot()
    .filter((feature) => feature.geometry.type === wanted && !feature.properties.currentlyDrawing)
    .map((feature) => feature.geometry.coordinates);
  if (parts.length === 0) return null;
  if (kind === 'linestring') {
    const lines = parts as LineString['coordinates'][];
    return lines.length === 1
      ? { type: 'LineString', coordinates: lines[0] ?? [] }
      : { type: 'MultiLineString', coordinates: lines };
  }
  const polygons = parts as Polygon['coordinates'][];
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: polygons };
}
