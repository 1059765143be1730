// An analysis draws its result on the map in one GeoJSON source with three layers (areas,
// lines, points), coloured by the features' `role` (covered / uncovered / gap / site / drawn…).
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { ANALYST_LAYER_IDS } from '../map/layer-styles';

export const RESULT_SOURCE = 'analyst-analysis';

export const ROLE_COLORS: Record<string, string> = {
  covered: '#16a34a',
  uncovered: '#dc2626',
  site: '#1d4ed8',
  gap: '#dc2626',
  guarded: '#16a34a',
  unguarded: '#dc2626',
  area: '#f59e0b',
  cell: '#b91c1c',
  origin: '#111827',
};

const color = [
  'match',
  ['get', 'role'],
  ...Object.entries(ROLE_COLORS).flat(),
  '#6b7280',
] as unknown as ExpressionSpecification;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function ensure(map: MaplibreMap): GeoJSONSource {
  const existing = map.getSource<GeoJSONSource>(RESULT_SOURCE);
  if (existing) return existing;
  map.addSource(RESULT_SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: ANALYST_LAYER_IDS.analysisFill,
    type: 'fill',
    source: RESULT_SOURCE,
    filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
    paint: { 'fill-color': color, 'fill-opacity': ['coalesce', ['get', 'opacity'], 0.25] },
  });
  map.addLayer({
    id: ANALYST_LAYER_IDS.analysisLine,
    type: 'line',
    source: RESULT_SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': color, 'line-width': 4 },
  });
  map.addLayer({
    id: ANALYST_LAYER_IDS.analysisPoint,
    type: 'circle',
    source: RESULT_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': color,
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  return map.getSource<GeoJSONSource>(RESULT_SOURCE)!;
}

export function showResult(map: MaplibreMap, collection: FeatureCollection): void {
  void ensure(map).setData(collection);
}

export function clearResult(map: MaplibreMap): void {
  void map.getSource<GeoJSONSource>(RESULT_SOURCE)?.setData(EMPTY);
}
