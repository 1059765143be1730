// The analyst map's data layers in MapLibre style-spec terms: one colour scheme shared by the
// layers and the legend. The same specs serve vector-tile and GeoJSON sources (`sourceLayer` is
// added only for tiles), so switching the data source never changes the look.
import type { CorridorMode } from '@atlas/domain';
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { PROGRAM_LINE_COLORS } from '../../map/basemap-style';
import type { CommunityMeasure } from '../view/view-state';

export { PROGRAM_LINE_COLORS };

export const CORRIDOR_MODE_COLORS: Record<CorridorMode, string> = {
  land: '#7c2d12',
  maritime: '#0e7490',
  air: '#7e22ce',
  riverine: '#0369a1',
};

/** Graduated classes of communities at risk: upper bounds and colours, light to dark. */
export const COMMUNITY_CLASSES: Record<CommunityMeasure, { breaks: number[]; colors: string[] }> = {
  homicideRate: { breaks: [20, 40, 60], colors: ['#fde68a', '#f59e0b', '#dc2626', '#7f1d1d'] },
  population: {
    breaks: [10_000, 50_000, 200_000],
    colors: ['#ddd6fe', '#a78bfa', '#7c3aed', '#4c1d95'],
  },
};

export const HEX_COLORS = ['#fee2e2', '#fca5a5', '#ef4444', '#991b1b'];
export const HIGHLIGHT_COLOR = '#facc15';

export const ANALYST_LAYER_IDS = {
  siteArea: 'analyst-site-area',
  sitePoint: 'analyst-site-point',
  siteCluster: 'analyst-site-cluster',
  corridorLine: 'analyst-corridor-line',
  communityCircle: 'analyst-community-circle',
  incidentHeat: 'analyst-incident-heat',
  hexFill: 'analyst-hex-fill',
  countryLabel: 'analyst-country-label',
  departmentLabel: 'analyst-department-label',
  analysisLine: 'analyst-analysis-line',
  analysisFill: 'analyst-analysis-fill',
  analysisPoint: 'analyst-analysis-point',
} as const;

/** Layers a click may open a summary card for. */
export const CLICKABLE_LAYERS = [
  ANALYST_LAYER_IDS.sitePoint,
  ANALYST_LAYER_IDS.siteArea,
  ANALYST_LAYER_IDS.corridorLine,
  ANALYST_LAYER_IDS.communityCircle,
  ANALYST_LAYER_IDS.hexFill,
];

type Spec<T> = Omit<T, 'source'>;

function matchColor(property: string, colors: Record<string, string>, fallback: string) {
  return [
    'match',
    ['get', property],
    ...Object.entries(colors).flat(),
    fallback,
  ] as unknown as ExpressionSpecification;
}

function stepColor(input: ExpressionSpecification, breaks: number[], colors: string[]) {
  const stops = breaks.flatMap((limit, i) => [limit, colors[i + 1]!]);
  return ['step', input, colors[0]!, ...stops] as unknown as ExpressionSpecification;
}

/** A tile point standing for several features (it has `cluster: true` and a `count`). */
export const isCluster: ExpressionSpecification = ['to-boolean', ['get', 'cluster']];
const isPolygon: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon']],
];

export const lineColor = matchColor('line', PROGRAM_LINE_COLORS, '#6b7280');

export function siteLayers(): {
  area: Spec<FillLayerSpecification>;
  point: Spec<CircleLayerSpecification>;
  cluster: Spec<CircleLayerSpecification>;
} {
  return {
    area: {
      id: ANALYST_LAYER_IDS.siteArea,
      type: 'fill',
      filter: isPolygon,
      paint: { 'fill-color': lineColor, 'fill-opacity': 0.3, 'fill-outline-color': lineColor },
    },
    point: {
      id: ANALYST_LAYER_IDS.sitePoint,
      type: 'circle',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['!', isCluster]],
      paint: {
        'circle-color': lineColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 4, 8, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    },
    // Tiles group dense sites at low zoom into clusters with a `count`.
    cluster: {
      id: ANALYST_LAYER_IDS.siteCluster,
      type: 'circle',
      filter: isCluster,
      paint: {
        'circle-color': '#334155',
        'circle-opacity': 0.75,
        'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 2, 8, 100, 22],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  };
}

/** Corridors coloured by mode; dashed when their confidence is low; one threat may be picked. */
export function corridorLayer(threat: string | null): Spec<LineLayerSpecification> {
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 3, 2, 8, 4];
  return {
    id: ANALYST_LAYER_IDS.corridorLine,
    type: 'line',
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    // `in` searches an array (GeoJSON) and a comma-joined string (tiles) alike.
    ...(threat ? { filter: ['in', threat, ['get', 'threats']] } : {}),
    paint: {
      'line-color': matchColor('mode', CORRIDOR_MODE_COLORS, '#475569'),
      'line-width': width,
      'line-opacity': ['match', ['get', 'confidence'], 'low', 0.55, 0.9],
    },
  };
}

export function communityLayer(measure: CommunityMeasure): Spec<CircleLayerSpecification> {
  const { breaks, colors } = COMMUNITY_CLASSES[measure];
  const value: ExpressionSpecification = ['to-number', ['get', measure], 0];
  return {
    id: ANALYST_LAYER_IDS.communityCircle,
    type: 'circle',
    paint: {
      'circle-color': stepColor(value, breaks, colors),
      'circle-radius': ['step', value, 5, breaks[0]!, 7, breaks[1]!, 9, breaks[2]!, 11],
      'circle-stroke-color': '#1f2937',
      'circle-stroke-width': 0.8,
      'circle-opacity': 0.85,
    },
  };
}

/** The incidents whose date falls in [from, to] (ISO strings compare in date order). */
export function dateFilter(
  from: string | null,
  to: string | null,
): ExpressionSpecification | undefined {
  if (!from || !to) return undefined;
  const date: ExpressionSpecification = [
    'to-string',
    ['coalesce', ['get', 'date'], ['get', 'occurredOn'], ''],
  ];
  return ['all', ['>=', date, from], ['<=', date, to]];
}

export function incidentHeatLayer(): Spec<HeatmapLayerSpecification> {
  return {
    id: ANALYST_LAYER_IDS.incidentHeat,
    type: 'heatmap',
    paint: {
      'heatmap-weight': [
        'interpolate',
        ['linear'],
        ['to-number', ['get', 'count'], 1],
        1,
        0.4,
        50,
        1,
      ],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 9, 2],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 3, 10, 9, 24],
      'heatmap-opacity': 0.75,
    },
  };
}

export function hexLayer(maxCount: number): Spec<FillLayerSpecification> {
  const breaks = [0.25, 0.5, 0.75].map((share) => Math.max(1, Math.round(maxCount * share)));
  return {
    id: ANALYST_LAYER_IDS.hexFill,
    type: 'fill',
    paint: {
      'fill-color': stepColor(['get', 'count'], breaks, HEX_COLORS),
      'fill-opacity': 0.7,
      'fill-outline-color': '#7f1d1d',
    },
  };
}

export const LABEL_FONT = 'Noto Sans Regular';

export function labelLayer(
  id: string,
  lang: 'en' | 'es',
  size: number,
  minzoom: number,
): Spec<SymbolLayerSpecification> {
  return {
    id,
    type: 'symbol',
    minzoom,
    layout: {
      'text-field':
        lang === 'es' ? ['coalesce', ['get', 'nameEs'], ['get', 'name']] : ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': size,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: { 'text-color': '#374151', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
  };
}
